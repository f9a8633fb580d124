// HubSpot's webhook events (a JSON array per request; webhooks doc and the 2026.03 webhooks component):
// what each means for Tierwise. Events for properties we do not score on are ignored, never ours.
import { z } from 'zod';
import type { ObjectType } from '../../adapters/hubspot/api.ts';
import { scoreInputProperties } from './score-inputs.ts';

export const WebhookEventSchema = z.looseObject({
  eventId: z.union([z.number(), z.string()]).transform(String),
  portalId: z.union([z.number(), z.string()]).transform(String).pipe(z.string().regex(/^\d+$/)),
  subscriptionType: z.string(),
  objectId: z.union([z.number(), z.string()]).transform(String).pipe(z.string().regex(/^\d+$/)).optional(),
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  changeSource: z.string().optional(),
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

// At most 100 events per request (webhooks doc: "batches of up to 100").
export const WebhookBatchSchema = z.array(WebhookEventSchema).min(1).max(100);

export type EventAction = { kind: 'rescore'; object: ObjectType; id: string } | { kind: 'forget'; object: ObjectType; id: string; privacy: boolean } | { kind: 'ignore'; why: string };

const OBJECT_BY_TYPE_ID: Record<string, ObjectType> = { '0-1': 'contacts', '0-2': 'companies' };
const OBJECT_BY_PREFIX: Record<string, ObjectType> = { contact: 'contacts', company: 'companies' };

export function actionFor(event: WebhookEvent): EventAction {
  const [prefix, verb] = event.subscriptionType.split('.');
  const object = prefix === 'object' ? OBJECT_BY_TYPE_ID[event.objectTypeId ?? ''] : OBJECT_BY_PREFIX[prefix ?? ''];
  if (object === undefined) return { kind: 'ignore', why: `object type of ${event.subscriptionType} is not scored` };
  if (event.objectId === undefined) return { kind: 'ignore', why: 'no objectId' };
  if (verb === 'privacyDeletion') return { kind: 'forget', object, id: event.objectId, privacy: true };
  if (verb === 'deletion') return { kind: 'forget', object, id: event.objectId, privacy: false };
  if (verb === 'propertyChange') {
    const property = event.propertyName ?? '';
    // Never ours (a write of ours must not trigger a re-score loop), and only what feeds the score.
    if (property.startsWith('tierwise_') || !scoreInputProperties(object).includes(property)) return { kind: 'ignore', why: `property ${property} does not feed the score` };
    return { kind: 'rescore', object, id: event.objectId };
  }
  return { kind: 'ignore', why: `${event.subscriptionType} is not handled` };
}
