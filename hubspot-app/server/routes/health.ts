// GET /healthz: the process answers and its database does.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { fail } from '../http/errors.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (request, reply) => {
    try {
      await ctx.store.db.all('SELECT 1 AS ok');
      return { status: 'ok', database: ctx.store.db.dialect };
    } catch (error) {
      request.log.error({ error: error instanceof Error ? error.message : String(error) }, 'health check: database unreachable');
      return fail(reply, 503, 'database_unavailable', 'the database does not answer');
    }
  });
}
