// One error shape for every route (DESIGN.md): {error: {code, message}}. Messages are for the admin
// reading them; nothing in them comes from a token or a CRM record.
import type { FastifyReply } from 'fastify';

export interface ErrorBody {
  error: { code: string; message: string };
}

export function fail(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error: { code, message } } satisfies ErrorBody);
}

/** What a refused HubSpot signature gets: 401 and nothing that helps a forger. */
export const unauthorized = (reply: FastifyReply) => fail(reply, 401, 'unauthorized', 'unauthorized');
