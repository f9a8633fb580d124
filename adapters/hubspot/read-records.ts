// Reading records: a full read pages through the list endpoint (no cap), checkpointing its cursor;
// a daily read searches for records modified since the last run, sorted by id, and restarts after
// the last id before HubSpot's 10,000-result search cap.
import { BatchResponseSchema, PAGE_LIMIT, PageSchema, paths, SEARCH_CAP, SEARCH_LIMIT, type ObjectType } from './api.ts';
import type { Transport } from './transport.ts';
import type { StateStore } from './state-store.ts';

export async function readAll(transport: Transport, store: StateStore, version: string, object: ObjectType, properties: string[], onPage: (n: number) => void): Promise<number> {
  const cursorKey = `${object}:fullReadCursor`;
  let after = store.get(cursorKey);
  let read = 0;
  for (;;) {
    const qs: Record<string, string> = { limit: String(PAGE_LIMIT), properties: properties.join(','), archived: 'false' };
    if (after !== null) qs['after'] = after;
    const page = (await transport.request(`list ${object}`, { method: 'GET', path: paths(version).list(object), qs }, PageSchema)).body;
    if (page === null) break;
    store.upsert(object, page.results.map((r) => ({ id: r.id, properties: r.properties })));
    read += page.results.length;
    onPage(read);
    after = page.paging?.next?.after ?? null;
    // The cursor is saved after the page is stored: a crash re-reads at most one page.
    store.set(cursorKey, after);
    if (after === null) break;
  }
  return read;
}

export async function readModifiedSince(transport: Transport, store: StateStore, version: string, object: ObjectType, properties: string[], sinceMs: number, onPage: (n: number) => void): Promise<number> {
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
              { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(sinceMs) },
              { propertyName: 'hs_object_id', operator: 'GT', value: fromId },
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties,
        limit: SEARCH_LIMIT,
        ...(after ? { after } : {}),
      };
      const page = (await transport.request(`search ${object}`, { method: 'POST', path: paths(version).search(object), body, search: true }, BatchResponseSchema.extend({ paging: PageSchema.shape.paging })))
        .body;
      if (page === null) return read;
      store.upsert(object, page.results.map((r) => ({ id: r.id, properties: r.properties })));
      read += page.results.length;
      inQuery += page.results.length;
      onPage(read);
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
