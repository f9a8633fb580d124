// The backend's settings, from the environment (DESIGN.md "HubSpot app backend"). A missing or
// malformed setting stops the server at start with one sentence naming it; nothing here is logged.
import { z } from 'zod';

const encryptionKey = (name: string) =>
  z
    .string({ error: `${name} is not set: expected 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)` })
    .transform((value, ctx) => {
      const bytes = Buffer.from(value, 'base64');
      if (bytes.length !== 32 || bytes.toString('base64') !== value.replace(/\s/g, '')) {
        ctx.addIssue({ code: 'custom', message: `${name} must be 32 bytes in base64 (44 characters ending in "="), got ${value.length} characters` });
        return z.NEVER;
      }
      return bytes;
    });

const url = (name: string, what: string) =>
  z
    .string({ error: `${name} is not set: expected ${what}` })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), `${name} is not a URL: expected ${what}`)
    .transform((v) => v.replace(/\/+$/, ''));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The public URL: HubSpot calls only https addresses that are not localhost (notes/hubspot-app.md,
 * webhooks and hubspot.fetch), so plain http is for loopback tests only; it is the base of every
 * signed URL and redirect, so a query, fragment or user name in it would sign and redirect wrongly.
 */
const publicUrl = (name: string, what: string) =>
  url(name, what).superRefine((v, ctx) => {
    const u = new URL(v);
    const problem =
      u.protocol === 'http:' && !LOOPBACK.has(u.hostname) ? 'plain http is only for a loopback address (HubSpot calls https)'
      : u.search !== '' || v.includes('?') ? 'it has a query string'
      : u.hash !== '' || v.includes('#') ? 'it has a fragment'
      : u.username !== '' || u.password !== '' ? 'it has a user name or password'
      : null;
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `${name} cannot be used: ${problem}; expected ${what}` });
  });

const EnvSchema = z.object({
  HUBSPOT_CLIENT_ID: z.string({ error: 'HUBSPOT_CLIENT_ID is not set: copy the client ID from the app\'s Auth tab in HubSpot' }).min(1, 'HUBSPOT_CLIENT_ID is empty'),
  HUBSPOT_CLIENT_SECRET: z.string({ error: 'HUBSPOT_CLIENT_SECRET is not set: copy the client secret from the app\'s Auth tab in HubSpot' }).min(8, 'HUBSPOT_CLIENT_SECRET is too short to be a HubSpot client secret'),
  TIERWISE_PUBLIC_URL: publicUrl('TIERWISE_PUBLIC_URL', 'the public https URL HubSpot calls, e.g. https://app.tierwise.example.com'),
  TIERWISE_ENCRYPTION_KEY: encryptionKey('TIERWISE_ENCRYPTION_KEY'),
  TIERWISE_ENCRYPTION_KEY_PREVIOUS: encryptionKey('TIERWISE_ENCRYPTION_KEY_PREVIOUS').optional(),
  PORT: z
    .string()
    .regex(/^\d+$/, 'PORT must be a whole number between 0 and 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'PORT must be a whole number between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/db)')
    .optional(),
  TIERWISE_DATA_DIR: z.string().min(1).default('.tierwise'),
  HUBSPOT_BASE_URL: url('HUBSPOT_BASE_URL', 'the HubSpot API origin, e.g. https://api.hubapi.com').default('https://api.hubapi.com'),
  /** Where browsers are sent to approve the install (tests point it at the fake). */
  HUBSPOT_AUTHORIZE_URL: url('HUBSPOT_AUTHORIZE_URL', 'the HubSpot authorize page').default('https://app.hubspot.com/oauth/authorize'),
  TIERWISE_WORKER_CONCURRENCY: z.string().regex(/^[1-9]\d{0,2}$/, 'TIERWISE_WORKER_CONCURRENCY must be a whole number from 1 to 999').transform(Number).default(2),
  /** A run whose worker went silent this long is given to another worker (and its portal lease lapses). */
  TIERWISE_JOB_TIMEOUT_SECONDS: z.string().regex(/^[1-9]\d{0,5}$/, 'TIERWISE_JOB_TIMEOUT_SECONDS must be a whole number of seconds').transform(Number).default(1800),
  TIERWISE_QUEUE_POLL_MS: z.string().regex(/^\d{2,6}$/, 'TIERWISE_QUEUE_POLL_MS must be a whole number of milliseconds (at least 10)').transform(Number).default(1000),
  TIERWISE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = {
  clientId: string;
  clientSecret: string;
  publicUrl: string;
  encryptionKeys: { current: Buffer; previous: Buffer | null };
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  hubspotBaseUrl: string;
  authorizeUrl: string;
  logLevel: z.infer<typeof EnvSchema>['TIERWISE_LOG_LEVEL'];
  workerConcurrency: number;
  jobTimeoutMs: number;
  queuePollMs: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the settings; throws a ConfigError whose message is one sentence naming the first bad setting. */
export function configFromEnv(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'a setting');
    const message = issue?.message ?? `${name} is not valid`;
    throw new ConfigError(message.includes(name) ? message : `${name}: ${message}`);
  }
  const e = parsed.data;
  return {
    clientId: e.HUBSPOT_CLIENT_ID,
    clientSecret: e.HUBSPOT_CLIENT_SECRET,
    publicUrl: e.TIERWISE_PUBLIC_URL,
    encryptionKeys: { current: e.TIERWISE_ENCRYPTION_KEY, previous: e.TIERWISE_ENCRYPTION_KEY_PREVIOUS ?? null },
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: e.TIERWISE_DATA_DIR,
    hubspotBaseUrl: e.HUBSPOT_BASE_URL,
    authorizeUrl: e.HUBSPOT_AUTHORIZE_URL,
    logLevel: e.TIERWISE_LOG_LEVEL,
    workerConcurrency: e.TIERWISE_WORKER_CONCURRENCY,
    jobTimeoutMs: e.TIERWISE_JOB_TIMEOUT_SECONDS * 1000,
    queuePollMs: e.TIERWISE_QUEUE_POLL_MS,
  };
}
