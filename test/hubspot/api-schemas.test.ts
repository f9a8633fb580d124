// The zod schemas of HubSpot's answers: strict where an answer must prove something, lenient elsewhere.
import { describe, expect, it } from 'vitest';
import { BatchResponseSchema, ErrorBodySchema } from '../../adapters/hubspot/api.ts';

describe('HubSpot answer schemas', () => {
  it('takes a batch answer only when it lists results', () => {
    expect(BatchResponseSchema.safeParse({}).success).toBe(false);
    expect(BatchResponseSchema.safeParse({ status: 'COMPLETE', results: [] }).success).toBe(true);
  });

  it('reads a v3 207 answer whose per-record errors carry an odd context without voiding the results', () => {
    const parsed = BatchResponseSchema.parse({
      status: 'COMPLETE',
      results: [{ id: '1', properties: { tierwise_tier: 'A' } }],
      numErrors: 2,
      errors: [
        { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Object not found', context: { ids: ['2'] } },
        { status: 'error', category: 'VALIDATION_ERROR', message: 'odd', context: { propertyName: 'tierwise_tier' } },
      ],
    });
    expect(parsed.results.map((r) => r.id)).toEqual(['1']);
    expect(parsed.errors?.map((e) => e.context?.['ids'])).toEqual([['2'], undefined]);
  });

  it('reads any error body, keeping what it can', () => {
    expect(ErrorBodySchema.parse({ message: 'x', category: 42, errors: 'no' })).toEqual({ message: 'x', category: undefined, errors: undefined });
  });
});
