// One zod schema per /api route, shared by the card's and settings page's client (tierwise-client.ts)
// and the backend's handlers (server/routes/card-api.ts, settings-api.ts, and h13's api.ts routes
// /api/rescore and /api/runs/:runId, whose answers are pinned here and checked against the real
// backend in test/hubspot-app-ui). A renamed field breaks the build or a test, not the card.
import { z } from 'zod';
import { IsoDateSchema } from '../../core/schema/iso-date.ts';
import { ResultSchema } from '../../core/schema/result.ts';
import { OptionsSchema } from '../../core/schema/options.ts';
import { MappingSchema } from '../../adapters/hubspot/mapping.ts';

/** The one error shape of every route (DESIGN.md): `fields` names the settings a PUT refused. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const OBJECTS = ['contacts', 'companies'] as const;
export const LanguageSchema = OptionsSchema.shape.language.unwrap();

export const RecordRefSchema = z.strictObject({
  object: z.enum(OBJECTS),
  id: z.string().regex(/^\d{1,20}$/, 'id must be a HubSpot record id (digits)'),
});
export type RecordRef = z.infer<typeof RecordRefSchema>;

// GET /api/card?object=&id=&language=
export const CardQuerySchema = RecordRefSchema.extend({ language: LanguageSchema });
export type CardQuery = z.infer<typeof CardQuerySchema>;

export const CardResultSchema = ResultSchema.pick({
  tier: true,
  segment: true,
  r: true,
  f: true,
  m: true,
  valueBand: true,
  churnRisk: true,
  churnLevel: true,
  lifecycle: true,
  nextAction: true,
  followUpBy: true,
  reasons: true,
  drivers: true,
  pAlive: true,
  expectedPurchases: true,
  clv: true,
  owner: true,
});
export type CardResult = z.infer<typeof CardResultSchema>;

export const NOT_SCORED_WHY = ['no-run-yet', 'not-read-yet', 'unreadable'] as const;
export type NotScoredWhy = (typeof NOT_SCORED_WHY)[number];

export const ProblemSchema = z.object({ property: z.string(), value: z.string(), expected: z.string() });

/** The purchase models' horizons: the core's defaults (the settings page does not change them). */
export const DEFAULT_HORIZONS = {
  expectedPurchasesDays: OptionsSchema.shape.expectedPurchasesDays.parse(undefined),
  clvMonths: OptionsSchema.shape.clvMonths.parse(undefined),
};

export const CardAnswerSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('scored'),
    asOf: IsoDateSchema,
    /** Horizons of the purchase-model figures (the portal's scoring options). */
    horizons: z.object({ expectedPurchasesDays: z.number().int().positive(), clvMonths: z.number().int().positive() }),
    result: CardResultSchema,
  }),
  z.object({ state: z.literal('not-scored'), why: z.enum(NOT_SCORED_WHY), problems: z.array(ProblemSchema) }),
]);
export type CardAnswer = z.infer<typeof CardAnswerSchema>;

// POST /api/card/task
export const TaskBodySchema = CardQuerySchema;
export const TaskAnswerSchema = z.object({ taskId: z.string(), due: IsoDateSchema, ownerId: z.string().nullable() });
export type TaskAnswer = z.infer<typeof TaskAnswerSchema>;

// POST /api/rescore (h13's route): one record, or the whole portal with {}.
export const RescoreBodySchema = z.union([RecordRefSchema, z.strictObject({})]);
export const RescoreAnswerSchema = z.object({ runId: z.uuid() });

// GET /api/runs/:runId (h13's route); the report is what the worker stored (server/sync/portal-sync.ts).
export const RunReportSchema = z.object({
  objects: z.array(
    z.object({
      object: z.enum(OBJECTS),
      read: z.number(),
      scored: z.number(),
      written: z.number(),
      failed: z.array(z.object({ id: z.string(), reason: z.string() })),
      unreadable: z.array(z.object({ id: z.string(), property: z.string(), value: z.string(), expected: z.string() })),
      tasksCreated: z.number(),
    }),
  ),
});
export type RunReport = z.infer<typeof RunReportSchema>;

export const RunAnswerSchema = z.object({
  runId: z.string(),
  kind: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  done: z.number(),
  total: z.number().nullable(),
  queuedAt: z.number(),
  finishedAt: z.number().nullable(),
  report: RunReportSchema.nullable().catch(null),
  error: z.string().nullable(),
});
export type RunAnswer = z.infer<typeof RunAnswerSchema>;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false; // Intl throws RangeError for a name it does not know: that is the answer
  }
};

/**
 * What an admin sets on the settings page, validated with the core's own schemas (tier rules,
 * thresholds, churn weights and levels, language) and the sync engine's mapping schema.
 */
export const PortalSettingsSchema = z.strictObject({
  mapping: z.strictObject({ contacts: MappingSchema, companies: MappingSchema }).prefault({}),
  scoring: OptionsSchema.pick({ rfm: true, segmentTiers: true, churn: true }).strict().prefault({}),
  language: LanguageSchema.default('en'),
  // Off until an admin turns it on: Tierwise does not add tasks to a CRM unasked.
  followUpTasks: z.boolean().default(false),
  syncHour: z.number().int('the hour is a whole number').min(0, 'the hour is 0 to 23').max(23, 'the hour is 0 to 23').default(3),
  /** The account's time zone (HubSpot's, from the page's context): the daily hour and each day's as-of date are in it. */
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin').default('UTC'),
});
export type PortalSettings = z.output<typeof PortalSettingsSchema>;
export type PortalSettingsInput = z.input<typeof PortalSettingsSchema>;

export const PortalPropertySchema = z.object({ name: z.string(), label: z.string(), type: z.string() });

// GET /api/portal-settings
export const SettingsAnswerSchema = z.object({
  settings: PortalSettingsSchema,
  timeZone: z.string(),
  /** The account's own properties, per object, to map inputs to (never Tierwise's own). */
  properties: z.object({ contacts: z.array(PortalPropertySchema), companies: z.array(PortalPropertySchema) }),
  lastRun: RunAnswerSchema.nullable(),
});
export type SettingsAnswer = z.infer<typeof SettingsAnswerSchema>;

// PUT /api/portal-settings: the whole settings object; the answer is what was stored.
export const SettingsBodySchema = PortalSettingsSchema;
