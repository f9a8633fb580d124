// The daily sync of every portal at the hour its admin chose, in the portal's time zone. Each tick
// (every minute) claims, per portal and local day, the right to enqueue that day's run, so several
// backend instances ticking at once enqueue it once; a portal whose hour passed while no instance was
// up is caught up on the next tick of the same local day.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/hubspot/token-bucket.ts';
import type { Portal, Store } from './store/store.ts';
import type { JobQueue } from './queue/queue.ts';

/** The portal's local date and hour at `now`. */
export function localTime(timeZone: string, now: number): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(now));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** The local day whose daily sync is due now, or null. */
export function dueDay(portal: Pick<Portal, 'timeZone' | 'syncHour' | 'lastScheduledDay' | 'status'>, now: number): string | null {
  if (portal.status !== 'active') return null;
  const { day, hour } = localTime(portal.timeZone, now);
  return hour >= portal.syncHour && portal.lastScheduledDay !== day ? day : null;
}

/** Enqueues every due portal's daily run; resolves to the portals enqueued. */
export async function scheduleDue(store: Store, queue: JobQueue, clock: Clock): Promise<string[]> {
  const enqueued: string[] = [];
  for (const portal of await store.portals()) {
    const day = dueDay(portal, clock.now());
    if (day === null || !(await store.claimScheduledDay(portal.portalId, day))) continue;
    const runId = randomUUID();
    await store.createRun({ runId, portalId: portal.portalId, kind: 'scheduled', queuedAt: clock.now() });
    await queue.enqueue({ runId, portalId: portal.portalId, kind: 'scheduled' });
    enqueued.push(portal.portalId);
  }
  return enqueued;
}
