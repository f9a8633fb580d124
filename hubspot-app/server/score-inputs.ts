// The HubSpot properties whose change can move a record's tier or churn risk: what the webhooks
// subscribe to (hubspot-app/project/src/app/webhooks/webhooks-hsmeta.json, checked by a test) and what
// a propertyChange event re-scores for. Derived from the sync engine's default mapping, so a mapping
// change shows up as a failing project test rather than silently missed events.
import { mappingFor, type HubSpotField } from '../../adapters/hubspot/mapping.ts';
import type { ObjectType } from '../../adapters/hubspot/api.ts';

/** Fields that feed the score (name, email, owner and region only label it). */
const SCORE_FIELDS: readonly HubSpotField[] = ['firstPurchase', 'lastPurchase', 'orders', 'totalSpend', 'nps', 'satisfaction', 'lastContact', 'renewalDate'];

export function scoreInputProperties(object: ObjectType): string[] {
  const mapping = mappingFor(object);
  return SCORE_FIELDS.flatMap((field) => (mapping[field] === undefined ? [] : [mapping[field]]));
}
