// Settings from the environment: every mistake stops the start with one sentence naming the setting.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../hubspot-app/server/config.ts';
import { dueDay, localTime } from '../../hubspot-app/server/scheduler.ts';

const key = Buffer.alloc(32, 7).toString('base64');
const env = { HUBSPOT_CLIENT_ID: 'client-id', HUBSPOT_CLIENT_SECRET: 'client-secret-1234', TIERWISE_PUBLIC_URL: 'https://app.tierwise.example/', TIERWISE_ENCRYPTION_KEY: key };

describe('backend settings', () => {
  it('reads the defaults of DESIGN.md', () => {
    expect(configFromEnv(env)).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '.tierwise', hubspotBaseUrl: 'https://api.hubapi.com', publicUrl: 'https://app.tierwise.example', encryptionKeys: { previous: null } });
    expect(configFromEnv({ ...env, DATABASE_URL: 'postgres://u:p@db:5432/t', PORT: '8080' })).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/t', port: 8080 });
  });

  it('takes plain http on a loopback address (local tests) and a base path', () => {
    expect(configFromEnv({ ...env, TIERWISE_PUBLIC_URL: 'http://127.0.0.1:3998' }).publicUrl).toBe('http://127.0.0.1:3998');
    expect(configFromEnv({ ...env, TIERWISE_PUBLIC_URL: 'http://localhost:3000/tierwise/' }).publicUrl).toBe('http://localhost:3000/tierwise');
  });

  it.each([
    ['HUBSPOT_CLIENT_ID', { HUBSPOT_CLIENT_ID: undefined }, /^HUBSPOT_CLIENT_ID is not set/],
    ['HUBSPOT_CLIENT_SECRET', { HUBSPOT_CLIENT_SECRET: undefined }, /^HUBSPOT_CLIENT_SECRET is not set/],
    ['TIERWISE_PUBLIC_URL', { TIERWISE_PUBLIC_URL: 'app.tierwise.example' }, /^TIERWISE_PUBLIC_URL is not a URL/],
    ['TIERWISE_PUBLIC_URL with a query', { TIERWISE_PUBLIC_URL: 'https://app.tierwise.example/base?q=1' }, /^TIERWISE_PUBLIC_URL cannot be used: it has a query string/],
    ['TIERWISE_PUBLIC_URL with a fragment', { TIERWISE_PUBLIC_URL: 'https://app.tierwise.example/#x' }, /^TIERWISE_PUBLIC_URL cannot be used: it has a fragment/],
    ['TIERWISE_PUBLIC_URL over plain http', { TIERWISE_PUBLIC_URL: 'http://app.tierwise.example' }, /^TIERWISE_PUBLIC_URL cannot be used: plain http is only for a loopback address/],
    ['TIERWISE_ENCRYPTION_KEY missing', { TIERWISE_ENCRYPTION_KEY: undefined }, /^TIERWISE_ENCRYPTION_KEY is not set: expected 32 random bytes in base64/],
    ['TIERWISE_ENCRYPTION_KEY short', { TIERWISE_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }, /^TIERWISE_ENCRYPTION_KEY must be 32 bytes in base64/],
    ['PORT', { PORT: 'eighty' }, /^PORT must be a whole number/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must be a PostgreSQL URL/],
  ])('stops on a bad %s with one sentence naming it', (_label, change, message) => {
    const error = (() => {
      try {
        configFromEnv({ ...env, ...change });
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/\n/);
    expect(error.message).not.toContain(key);
  });
});

describe('the daily schedule', () => {
  it('reads the local day and hour in the portal time zone', () => {
    const t = Date.UTC(2026, 10, 29, 23, 30); // 23:30 UTC = 08:30 next day in Tokyo, 18:30 in New York
    expect(localTime('Asia/Tokyo', t)).toEqual({ day: '2026-11-30', hour: 8 });
    expect(localTime('America/New_York', t)).toEqual({ day: '2026-11-29', hour: 18 });
  });

  it('is due once per local day from the chosen hour on, and not for a disconnected portal', () => {
    const portal = { timeZone: 'Europe/Berlin', syncHour: 4, lastScheduledDay: '2026-11-28', status: 'active' as const };
    expect(dueDay(portal, Date.UTC(2026, 10, 29, 2, 59))).toBeNull(); // 03:59 Berlin
    expect(dueDay(portal, Date.UTC(2026, 10, 29, 3, 0))).toBe('2026-11-29'); // 04:00 Berlin
    expect(dueDay({ ...portal, lastScheduledDay: '2026-11-29' }, Date.UTC(2026, 10, 29, 15))).toBeNull();
    expect(dueDay({ ...portal, status: 'disconnected' }, Date.UTC(2026, 10, 29, 15))).toBeNull();
  });
});
