// Reading records: a full read pages through the list endpoint (no cap), checkpointing its cursor;
// a daily read searches for records modified since a start point, sorted by id, and restarts after
// the last id before HubSpot's 10,000-result search cap. Both read Tierwise's own properties too, so
// the state holds what HubSpot holds, not what we believe we wrote.
import { LAST_MODIFIED, PAGE_LIMIT, PageSchema, paths, SEARCH_CAP, SEARCH_LIMIT, type CrmObject, type ObjectType } from './api.ts';
import type { Transport } from './transport.ts';
import type { SyncState } from './state-store.ts';
import { heldValues, VALUE_KEYS } from './write-values.ts';

export interface ReadTarget {
  transport: Transport;
  store: SyncState;
  version: string;
  object: ObjectType;
  /** The input properties the mapping needs (Tierwise's own are added here). */
  inputs: string[];
  /** After each page is stored (awaited: the first page fixes the run's start point). */
  onPage: (read: number) => void | Promise<void>;
}

const OWN = new Set<string>(VALUE_KEYS);

async function keep(target: ReadTarget, results: CrmObject[]): Promise<void> {
  await target.store.upsert(
    target.object,
    results.map((r) => ({ id: r.id, properties: Object.fromEntries(Object.entries(r.properties).filter(([k]) => !OWN.has(k))), held: heldValues(r.properties) })),
  );
}

const propertiesOf = (target: ReadTarget) => [...new Set([...target.inputs, ...VALUE_KEYS])];

export async function readAll(target: ReadTarget): Promise<number> {
  const { transport, store, version, object } = target;
  const cursorKey = `${object}:fullReadCursor`;
  let after = await store.get(cursorKey);
  let read = 0;
  for (;;) {
    const qs: Record<string, string> = { limit: String(PAGE_LIMIT), properties: propertiesOf(target).join(','), archived: 'false' };
    if (after !== null) qs['after'] = after;
    const page = (await transport.request(`list ${object}`, { method: 'GET', path: paths(version).list(object), qs }, PageSchema)).body;
    if (page === null) break;
    await keep(target, page.results);
    read += page.results.length;
    await target.onPage(read);
    after = page.paging?.next?.after ?? null;
    // The cursor is saved after the page is stored: a crash re-reads at most one page.
    await store.set(cursorKey, after);
    if (after === null) break;
  }
  return read;
}

export async function readModifiedSince(target: ReadTarget, sinceMs: number): Promise<number> {
  const { transport, version, object } = target;
  let lastId = '0';
  let read = 0;
  for (;;) {
    // One query pages with `after`; only a new query (past the cap) moves the id filter.
    const fromId = lastId;
    let after: string | undefined;
    let inQuery = 0;
    let full = false;
    for (;;) {
      const body = {
        filterGroups: [
          {
            filters: [
              { propertyName: LAST_MODIFIED[object], operator: 'GTE', value: String(sinceMs) },
              { propertyName: 'hs_object_id', operator: 'GT', value: fromId },
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties: propertiesOf(target),
        limit: SEARCH_LIMIT,
        ...(after ? { after } : {}),
      };
      const page = (await transport.request(`search ${object}`, { method: 'POST', path: paths(version).search(object), body, search: true }, PageSchema)).body;
      if (page === null) return read;
      await keep(target, page.results);
      read += page.results.length;
      inQuery += page.results.length;
      await target.onPage(read);
      const last = page.results[page.results.length - 1];
      if (last !== undefined) lastId = last.id;
      after = page.paging?.next?.after;
      if (after === undefined) break;
      // Next page would cross the cap: start a new query after the last id seen.
      if (inQuery + SEARCH_LIMIT > SEARCH_CAP) {
        full = true;
        break;
      }
    }
    if (!full) return read;
  }
}
