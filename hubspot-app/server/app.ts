// The HTTP side of the backend: fastify with every route of DESIGN.md ("HubSpot app backend").
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { fail } from './http/errors.ts';
import { keepRawBodies } from './http/hubspot-request.ts';
import { apiRoutes } from './routes/api.ts';
import { cardRoutes } from './routes/card-api.ts';
import { settingsRoutes } from './routes/settings-api.ts';
import { workflowActionRoutes } from './routes/workflow-action.ts';
import { healthRoutes } from './routes/health.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { loggerOptions } from './log.ts';

export function buildApp(ctx: AppContext, options: { logStream?: NodeJS.WritableStream } = {}): FastifyInstance {
  // hubspot.fetch bodies are at most 1 MB (fetching-data doc); webhook batches are far smaller.
  const app = Fastify({ logger: loggerOptions(ctx.config.logLevel, options.logStream), bodyLimit: 1_048_576, trustProxy: true, return503OnClosing: true });
  keepRawBodies(app);
  app.setErrorHandler((error, request, reply) => {
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status >= 500) request.log.error({ error: error instanceof Error ? error.message : String(error) }, 'request failed');
    return fail(reply, status, status >= 500 ? 'internal' : 'bad_request', status >= 500 ? 'Something went wrong on our side; try again in a minute.' : error instanceof Error ? error.message : 'bad request');
  });
  app.setNotFoundHandler((request, reply) => fail(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  healthRoutes(app, ctx);
  oauthRoutes(app, ctx);
  webhookRoutes(app, ctx);
  apiRoutes(app, ctx);
  cardRoutes(app, ctx);
  settingsRoutes(app, ctx);
  workflowActionRoutes(app, ctx);
  return app;
}
