// /api/portal-settings: what the settings page reads and writes through hubspot.fetch. The portal is
// the signed `portalId`. Reading lists the account's own properties (GET /crm/properties/2026-09/
// {object}) so the page offers only real ones; writing validates with the shared schema (the core's
// schemas underneath) and then checks every mapped property exists in this account, naming each bad
// field. "Score now" and its progress are h13's /api/rescore and /api/runs/:runId.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PropertiesResponseSchema, paths } from '../../../adapters/hubspot/api.ts';
import { HubSpotError } from '../../../adapters/hubspot/transport.ts';
import { OBJECTS, RunAnswerSchema, SettingsBodySchema, type PortalSettings, type SettingsAnswer } from '../../ui/api-schema.ts';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';
import { requireHubSpot } from '../http/hubspot-request.ts';
import { PortalDisconnectedError } from '../../../adapters/hubspot/token-provider.ts';
import { portalSettings, savePortalSettings } from '../portal-settings.ts';
import { portalTransport } from '../portal-transport.ts';
import { activePortal } from './card-api.ts';
import { bodyOf } from './request-input.ts';

type Properties = SettingsAnswer['properties'];

async function accountProperties(ctx: AppContext, portalId: string): Promise<Properties> {
  const transport = portalTransport(ctx, portalId);
  const properties: Properties = { contacts: [], companies: [] };
  for (const object of OBJECTS) {
    const answer = await transport.request(`read ${object} properties`, { method: 'GET', path: paths('2026-09').properties(object) }, PropertiesResponseSchema);
    properties[object] = (answer.body?.results ?? [])
      // Tierwise's own outputs are never inputs (they would feed the score back into itself).
      .filter((p) => !p.name.startsWith('tierwise_') && p.groupName !== 'tierwise')
      .map((p) => ({ name: p.name, label: p.label ?? p.name, type: p.type }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }
  return fitForHubSpotFetch(properties);
}

/** hubspot.fetch carries at most 1 MB each way (fetching-data doc); the rest of the answer is small. */
export const PROPERTIES_BUDGET = 900_000;

/** A portal with thousands of properties: every name stays choosable; long labels give way first, then all labels. */
function fitForHubSpotFetch(properties: Properties): Properties {
  const size = (p: Properties) => Buffer.byteLength(JSON.stringify(p), 'utf8');
  if (size(properties) <= PROPERTIES_BUDGET) return properties;
  const shortened = { contacts: properties.contacts.map((p) => ({ ...p, label: p.label.slice(0, 40) })), companies: properties.companies.map((p) => ({ ...p, label: p.label.slice(0, 40) })) };
  if (size(shortened) <= PROPERTIES_BUDGET) return shortened;
  return { contacts: properties.contacts.map((p) => ({ ...p, label: p.name })), companies: properties.companies.map((p) => ({ ...p, label: p.name })) };
}

function unknownMappings(settings: PortalSettings, properties: Properties): { path: string; message: string }[] {
  return OBJECTS.flatMap((object) =>
    Object.entries(settings.mapping[object]).flatMap(([field, name]) =>
      properties[object].some((p) => p.name === name) ? [] : [{ path: `mapping.${object}.${field}`, message: `"${name}" is not a property of ${object} in this HubSpot account` }],
    ),
  );
}

export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const gate = requireHubSpot({ publicUrl: ctx.config.publicUrl, clientSecret: ctx.config.clientSecret, store: ctx.store, now: () => ctx.clock.now(), portalFromQuery: true });
  const hubspotFailed = (error: unknown) => {
    if (error instanceof PortalDisconnectedError) return { status: 409, code: 'disconnected', message: 'Tierwise lost its access to this HubSpot account; an admin must reconnect it.' };
    if (error instanceof HubSpotError) return { status: 502, code: 'hubspot_refused', message: error.message };
    throw error;
  };
  /** The account's properties to map from, or null with HubSpot's failure answered. */
  const propertiesOf = async (portalId: string, reply: FastifyReply): Promise<Properties | null> => {
    try {
      return await accountProperties(ctx, portalId);
    } catch (error) {
      const failed = hubspotFailed(error);
      fail(reply, failed.status, failed.code, failed.message);
      return null;
    }
  };

  app.get('/api/portal-settings', { preHandler: gate }, async (request, reply) => {
    const portal = await activePortal(ctx, request.portalId, reply);
    if (portal === null) return reply;
    const properties = await propertiesOf(portal.portalId, reply);
    if (properties === null) return reply;
    const [last] = await ctx.store.runs(portal.portalId, 1);
    const answer: SettingsAnswer = {
      settings: await portalSettings(ctx.store, portal.portalId),
      timeZone: portal.timeZone,
      properties,
      lastRun: last === undefined ? null : RunAnswerSchema.parse(last),
    };
    return answer;
  });

  app.put('/api/portal-settings', { preHandler: gate }, async (request, reply) => {
    const settings = bodyOf(SettingsBodySchema, request, reply);
    if (settings === null) return reply;
    const portal = await activePortal(ctx, request.portalId, reply);
    if (portal === null) return reply;
    const properties = await propertiesOf(portal.portalId, reply);
    if (properties === null) return reply;
    const fields = unknownMappings(settings, properties);
    if (fields.length > 0) return reply.code(400).type('application/json').send({ error: { code: 'bad_request', message: `${fields[0]?.path}: ${fields[0]?.message}`, fields } });
    await savePortalSettings(ctx.store, portal.portalId, settings, ctx.clock.now());
    return settings;
  });
}
