// Every HubSpot path and payload shape Tierwise uses, in one place, parsed with zod.
// Date-versioned CRM APIs (the /crm/v3 paths become unsupported in September 2027).
import { z } from 'zod';

export type ObjectType = 'contacts' | 'companies';

export const paths = (version: string) => ({
  list: (object: ObjectType) => `/crm/objects/${version}/${object}`,
  batchUpdate: (object: ObjectType) => `/crm/objects/${version}/${object}/batch/update`,
  search: (object: ObjectType) => `/crm/objects/${version}/${object}/search`,
  properties: (object: ObjectType) => `/crm/properties/${version}/${object}`,
  property: (object: ObjectType, name: string) => `/crm/properties/${version}/${object}/${encodeURIComponent(name)}`,
  groups: (object: ObjectType) => `/crm/properties/${version}/${object}/groups`,
  tasks: () => `/crm/objects/${version}/tasks`,
  record: (object: ObjectType, id: string) => `/crm/objects/${version}/${object}/${encodeURIComponent(id)}`,
  tasksBatchRead: () => `/crm/objects/${version}/tasks/batch/read`,
});

const Properties = z.record(z.string(), z.string().nullable());

export const CrmObjectSchema = z.object({
  id: z.string(),
  properties: Properties,
  updatedAt: z.string().optional(),
});
export type CrmObject = z.infer<typeof CrmObjectSchema>;

/** A record read with `associations=tasks`: the ids of its tasks (the key is absent when it has none). */
export const RecordWithTasksSchema = z.object({
  id: z.string(),
  associations: z.object({ tasks: z.object({ results: z.array(z.object({ id: z.string() })) }).optional() }).optional(),
});

export const PageSchema = z.object({
  results: z.array(CrmObjectSchema),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
  total: z.number().optional(),
});

/** A per-record error in a v3 207 answer; its fields are read leniently (an odd one must not void the batch answer). */
export const StandardErrorSchema = z.object({
  status: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  context: z.record(z.string(), z.array(z.string())).optional().catch(undefined),
});

/**
 * A batch answer. 2026-09 documents only 200 (or an error for the whole batch); v3 also answered 207
 * with `errors`. `results` is required: a 200 without it (a proxy's `{}`) is not HubSpot's answer.
 */
export const BatchResponseSchema = z.object({
  status: z.string().optional(),
  results: z.array(CrmObjectSchema),
  errors: z.array(StandardErrorSchema).optional().catch(undefined),
  numErrors: z.number().optional().catch(undefined),
});

export const OptionSchema = z.object({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean().optional(),
  displayOrder: z.number().optional(),
});
export type Option = z.infer<typeof OptionSchema>;

export const PropertySchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
  options: z.array(OptionSchema).optional(),
  modificationMetadata: z.object({ readOnlyValue: z.boolean().optional() }).optional(),
});
export type Property = z.infer<typeof PropertySchema>;

export const PropertiesResponseSchema = z.object({ results: z.array(PropertySchema) });

const Context = z.record(z.string(), z.unknown()).optional().catch(undefined);

/** HubSpot's `Error` (every field optional in practice; `errors[].context` names e.g. missing scopes). */
export const ErrorBodySchema = z.object({
  status: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  correlationId: z.string().optional().catch(undefined),
  policyName: z.string().optional().catch(undefined),
  errorType: z.string().optional().catch(undefined),
  context: Context,
  errors: z.array(z.object({ message: z.string().optional().catch(undefined), context: Context }).catch({})).optional().catch(undefined),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * The property holding a record's last modification, per object: contacts have `lastmodifieddate`,
 * companies (and other objects) `hs_lastmodifieddate` (search guide, default searchable properties).
 */
export const LAST_MODIFIED: Record<ObjectType, string> = { contacts: 'lastmodifieddate', companies: 'hs_lastmodifieddate' };

export const BATCH_LIMIT = 100;
export const PAGE_LIMIT = 100;
export const SEARCH_LIMIT = 200;
/** Search pages beyond this many results answer 400: restart the query after the last id. */
export const SEARCH_CAP = 10_000;
