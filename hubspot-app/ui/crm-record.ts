// Which record a card sits on, in the backend's words: HubSpot's object type ids 0-1 (contacts) and
// 0-2 (companies) (context.synced.d.ts CrmRecordContext; the card's objectTypes in its hsmeta).
import type { RecordRef } from './api-schema.ts';

const OBJECT_OF_TYPE_ID: Record<string, RecordRef['object']> = { '0-1': 'contacts', '0-2': 'companies' };

export function recordRefOf(crm: { objectId: number; objectTypeId: string }): RecordRef | null {
  const object = OBJECT_OF_TYPE_ID[crm.objectTypeId];
  return object === undefined || !Number.isSafeInteger(crm.objectId) || crm.objectId <= 0 ? null : { object, id: String(crm.objectId) };
}
