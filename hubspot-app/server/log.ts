// Structured JSON logs (pino, through fastify) that carry no token and no personal data: requests are
// logged as method, path without its query (hubspot.fetch appends userEmail there) and status; headers
// that carry credentials are never serialized.
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string, destination?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.access_token', '*.refresh_token', '*.accessToken', '*.refreshToken'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  };
}
