// Every HubSpot path and payload shape Tierwise uses, in one place, parsed with zod.
// Date-versioned CRM APIs (the /crm/v3 paths become unsupported in September 2027).
import { z } from 'zod';

export type ObjectType = 'contacts' | 'companies';

export const paths = (version: string) => ({
  list: (object: ObjectType) => `/crm/objects/${version}/${object}`,
  batchUpdate: (object: ObjectType) => `/crm/objects/${version}/${object}/batch/update`,
  search: (object: ObjectType) => `/crm/objects/${version}/${object}/search`,
  properties: (object: ObjectType) => `/crm/properties/${version}/${object}`,
  groups: (object: ObjectType) => `/crm/properties/${version}/${object}/groups`,
  tasks: () => `/crm/objects/${version}/tasks`,
});

const Properties = z.record(z.string(), z.string().nullable());

export const CrmObjectSchema = z.object({
  id: z.string(),
  properties: Properties,
  updatedAt: z.string().optional(),
});
export type CrmObject = z.infer<typeof CrmObjectSchema>;

export const PageSchema = z.object({
  results: z.array(CrmObjectSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
  total: z.number().optional(),
});

export const StandardErrorSchema = z.object({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});

/** 200 (all written) or 207 (some records failed: `errors` says which and why). */
export const BatchResponseSchema = z.object({
  status: z.string().optional(),
  results: z.array(CrmObjectSchema).default([]),
  errors: z.array(StandardErrorSchema).optional(),
  numErrors: z.number().optional(),
});

export const PropertySchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
});
export type Property = z.infer<typeof PropertySchema>;

export const PropertiesResponseSchema = z.object({ results: z.array(PropertySchema) });

export const ErrorBodySchema = z.object({
  status: z.string().optional(),
  message: z.string().optional(),
  category: z.string().optional(),
  correlationId: z.string().optional(),
  policyName: z.string().optional(),
  errorType: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const BATCH_LIMIT = 100;
export const PAGE_LIMIT = 100;
export const SEARCH_LIMIT = 200;
/** Search pages beyond this many results answer 400: restart the query after the last id. */
export const SEARCH_CAP = 10_000;
