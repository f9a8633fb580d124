// Reading a request's query or JSON body with the route's shared schema (ui/api-schema.ts); a refusal
// is our one error shape naming the first bad field, and, for settings, every bad field (`fields`).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody } from '../../ui/api-schema.ts';

const fieldsOf = (error: z.ZodError) => error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

function refuse(reply: FastifyReply, error: z.ZodError): FastifyReply {
  const fields = fieldsOf(error);
  const first = fields[0];
  const body: ErrorBody = { error: { code: 'bad_request', message: first === undefined ? 'invalid request' : `${first.path || 'body'}: ${first.message}`, fields } };
  return reply.code(400).type('application/json').send(body);
}

export function queryOf<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.output<S> | null {
  const query = Object.fromEntries(new URL(request.url, 'http://x').searchParams);
  // HubSpot appends userId, userEmail, appId and portalId to every hubspot.fetch URL: not ours to validate.
  for (const key of ['userId', 'userEmail', 'appId', 'portalId']) delete query[key];
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  refuse(reply, parsed.error);
  return null;
}

export function bodyOf<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.output<S> | null {
  let json: unknown;
  try {
    json = request.rawBody === '' ? {} : JSON.parse(request.rawBody);
  } catch {
    reply.code(400).type('application/json').send({ error: { code: 'bad_request', message: 'The body is not JSON.' } } satisfies ErrorBody);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  refuse(reply, parsed.error);
  return null;
}
