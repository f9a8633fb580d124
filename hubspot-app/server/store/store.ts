// What the backend keeps, in words of the app (portals, their tokens, webhook event ids, sync runs),
// over either database. Tokens arrive here already sealed (token-cipher.ts); nothing here decrypts.
import { z } from 'zod';
import type { Db, Row } from './db.ts';
import { PORTAL_TABLES } from './migrations.ts';

export interface Portal {
  portalId: string;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  scopes: string[];
  installedAt: number;
  timeZone: string;
  /** Local hour (0-23, in timeZone) of the daily sync. */
  syncHour: number;
  lastScheduledDay: string | null;
  status: 'active' | 'disconnected';
}

const PortalRow = z.object({
  portal_id: z.string(),
  access_token: z.string(),
  refresh_token: z.string(),
  access_expires_at: z.number(),
  scopes: z.string(),
  installed_at: z.number(),
  time_zone: z.string(),
  sync_hour: z.number().int(),
  last_scheduled_day: z.string().nullable(),
  status: z.enum(['active', 'disconnected']),
});

const toPortal = (row: Row): Portal => {
  const r = PortalRow.parse(row);
  return {
    portalId: r.portal_id,
    accessToken: r.access_token,
    refreshToken: r.refresh_token,
    accessExpiresAt: r.access_expires_at,
    scopes: r.scopes === '' ? [] : r.scopes.split(' '),
    installedAt: r.installed_at,
    timeZone: r.time_zone,
    syncHour: r.sync_hour,
    lastScheduledDay: r.last_scheduled_day,
    status: r.status,
  };
};

export const RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];
export type RunKind = 'install' | 'scheduled' | 'rescore-portal' | 'rescore-records';

export interface SyncRun {
  runId: string;
  portalId: string;
  kind: RunKind;
  state: RunState;
  done: number;
  total: number | null;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  attempts: number;
  report: unknown;
  error: string | null;
}

const RunRow = z.object({
  run_id: z.string(),
  portal_id: z.string(),
  kind: z.enum(['install', 'scheduled', 'rescore-portal', 'rescore-records']),
  state: z.enum(RUN_STATES),
  done: z.number(),
  total: z.number().nullable(),
  queued_at: z.number(),
  started_at: z.number().nullable(),
  finished_at: z.number().nullable(),
  attempts: z.number(),
  report: z.string().nullable(),
  error: z.string().nullable(),
});

const toRun = (row: Row): SyncRun => {
  const r = RunRow.parse(row);
  return {
    runId: r.run_id,
    portalId: r.portal_id,
    kind: r.kind,
    state: r.state,
    done: r.done,
    total: r.total,
    queuedAt: r.queued_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    attempts: r.attempts,
    report: r.report === null ? null : (JSON.parse(r.report) as unknown),
    error: r.error,
  };
};

export class Store {
  readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  /** A new install, or a re-install of a portal: tokens replaced, schedule kept if it existed. */
  async saveInstall(p: Omit<Portal, 'lastScheduledDay' | 'status'>): Promise<void> {
    await this.db.run(
      `INSERT INTO portals (portal_id, access_token, refresh_token, access_expires_at, scopes, installed_at, time_zone, sync_hour, last_scheduled_day, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'active')
       ON CONFLICT (portal_id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
         access_expires_at = excluded.access_expires_at, scopes = excluded.scopes, status = 'active'`,
      [p.portalId, p.accessToken, p.refreshToken, p.accessExpiresAt, p.scopes.join(' '), p.installedAt, p.timeZone, p.syncHour],
    );
  }

  async portal(portalId: string): Promise<Portal | null> {
    const [row] = await this.db.all('SELECT * FROM portals WHERE portal_id = ?', [portalId]);
    return row === undefined ? null : toPortal(row);
  }

  async portals(): Promise<Portal[]> {
    return (await this.db.all('SELECT * FROM portals ORDER BY portal_id')).map(toPortal);
  }

  /** Stores the tokens a refresh returned, only if the row still holds the refresh token it started from (two refreshers: the first wins). */
  async replaceTokens(portalId: string, previousRefreshToken: string, tokens: { accessToken: string; refreshToken: string; accessExpiresAt: number }): Promise<boolean> {
    const changed = await this.db.run(
      'UPDATE portals SET access_token = ?, refresh_token = ?, access_expires_at = ? WHERE portal_id = ? AND refresh_token = ?',
      [tokens.accessToken, tokens.refreshToken, tokens.accessExpiresAt, portalId, previousRefreshToken],
    );
    return changed === 1;
  }

  async setSchedule(portalId: string, timeZone: string, syncHour: number): Promise<boolean> {
    return (await this.db.run('UPDATE portals SET time_zone = ?, sync_hour = ? WHERE portal_id = ?', [timeZone, syncHour, portalId])) === 1;
  }

  async setStatus(portalId: string, status: Portal['status']): Promise<void> {
    await this.db.run('UPDATE portals SET status = ? WHERE portal_id = ?', [status, portalId]);
  }

  /** Claims the portal's daily sync for a local day; false when another scheduler already did. */
  async claimScheduledDay(portalId: string, day: string): Promise<boolean> {
    return (await this.db.run('UPDATE portals SET last_scheduled_day = ? WHERE portal_id = ? AND (last_scheduled_day IS NULL OR last_scheduled_day <> ?)', [day, portalId, day])) === 1;
  }

  /** Uninstall: every row of the portal, in every table, in one transaction. */
  async deletePortal(portalId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const table of PORTAL_TABLES) await tx.run(`DELETE FROM ${table} WHERE portal_id = ?`, [portalId]);
    });
  }

  /** Privacy deletion or deletion of one record: its stored inputs, what we wrote, its task episode. */
  async deleteRecord(portalId: string, object: string, id: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO forgotten_records (portal_id, object, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [portalId, object, id]);
      return (await tx.run('DELETE FROM sync_records WHERE portal_id = ? AND object = ? AND id = ?', [portalId, object, id])) + (await tx.run('DELETE FROM sync_episodes WHERE portal_id = ? AND object = ? AND id = ?', [portalId, object, id]));
    });
  }

  /** True the first time an event id is seen for a portal (HubSpot delivers at least once). */
  async claimEvent(portalId: string, eventId: string, now: number): Promise<boolean> {
    return (await this.db.run('INSERT INTO webhook_events (portal_id, event_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [portalId, eventId, now])) === 1;
  }

  /** True the first time a signature is presented within its validity window (replay guard). */
  async claimSignature(signature: string, expiresAt: number, now: number): Promise<boolean> {
    await this.db.run('DELETE FROM request_signatures WHERE expires_at < ?', [now]);
    return (await this.db.run('INSERT INTO request_signatures (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [signature, expiresAt])) === 1;
  }

  /** Takes the portal for one worker until `until` (or renews it): one sync per portal at a time, across machines. */
  async takeLease(portalId: string, holder: string, until: number, now: number): Promise<boolean> {
    await this.db.run('INSERT INTO portal_leases (portal_id, holder, until) VALUES (?, ?, 0) ON CONFLICT DO NOTHING', [portalId, holder]);
    return (await this.db.run('UPDATE portal_leases SET holder = ?, until = ? WHERE portal_id = ? AND (holder = ? OR until < ?)', [holder, until, portalId, holder, now])) === 1;
  }

  async releaseLease(portalId: string, holder: string): Promise<void> {
    await this.db.run('DELETE FROM portal_leases WHERE portal_id = ? AND holder = ?', [portalId, holder]);
  }

  async createRun(run: { runId: string; portalId: string; kind: RunKind; queuedAt: number }): Promise<void> {
    await this.db.run(`INSERT INTO sync_runs (run_id, portal_id, kind, state, done, total, queued_at, attempts) VALUES (?, ?, ?, 'queued', 0, NULL, ?, 0)`, [run.runId, run.portalId, run.kind, run.queuedAt]);
  }

  /** Marks a run started (again, after a worker died or an attempt failed); false once it is done. */
  async startRun(runId: string, now: number): Promise<boolean> {
    return (await this.db.run(`UPDATE sync_runs SET state = 'running', started_at = ?, error = NULL, attempts = attempts + 1 WHERE run_id = ? AND state IN ('queued', 'running', 'failed')`, [now, runId])) === 1;
  }

  async progress(runId: string, done: number, total: number | null): Promise<void> {
    await this.db.run('UPDATE sync_runs SET done = ?, total = ? WHERE run_id = ?', [done, total, runId]);
  }

  /** Finishes a run once: false when it was already finished (the work is not counted twice). */
  async finishRun(runId: string, now: number, outcome: { report: unknown } | { error: string }): Promise<boolean> {
    const changed =
      'error' in outcome
        ? await this.db.run(`UPDATE sync_runs SET state = 'failed', finished_at = ?, error = ? WHERE run_id = ? AND state = 'running'`, [now, outcome.error, runId])
        : await this.db.run(`UPDATE sync_runs SET state = 'done', finished_at = ?, report = ? WHERE run_id = ? AND state = 'running'`, [now, JSON.stringify(outcome.report), runId]);
    return changed === 1;
  }

  /**
   * Forgets what is only kept for a while: webhook event ids after 7 days (HubSpot stops retrying a
   * delivery long before), finished runs after 30 days. Resolves to the rows removed.
   */
  async purge(now: number): Promise<number> {
    const day = 86_400_000;
    return (
      (await this.db.run('DELETE FROM webhook_events WHERE received_at < ?', [now - 7 * day])) +
      (await this.db.run(`DELETE FROM sync_runs WHERE state IN ('done', 'failed') AND finished_at < ?`, [now - 30 * day])) +
      (await this.db.run('DELETE FROM request_signatures WHERE expires_at < ?', [now]))
    );
  }

  async run(portalId: string, runId: string): Promise<SyncRun | null> {
    const [row] = await this.db.all('SELECT * FROM sync_runs WHERE portal_id = ? AND run_id = ?', [portalId, runId]);
    return row === undefined ? null : toRun(row);
  }

  async runs(portalId: string, limit = 20): Promise<SyncRun[]> {
    return (await this.db.all('SELECT * FROM sync_runs WHERE portal_id = ? ORDER BY queued_at DESC, run_id DESC LIMIT ?', [portalId, limit])).map(toRun);
  }
}
