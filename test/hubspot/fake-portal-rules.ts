// What a HubSpot portal knows about its objects, as the fake enforces it: built-in properties per
// object type, which ones are read-only, the value each property type accepts on a write, and the
// shape of a property definition. Every rule cites where HubSpot documents (or was seen doing) it.

export type FakeObject = 'contacts' | 'companies';

export interface FakeOption {
  label: string;
  value: string;
  hidden: boolean;
  displayOrder: number;
}

export interface FakeProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  options?: FakeOption[];
  modificationMetadata?: { readOnlyValue: boolean };
}

// Default properties (search guide "default searchable properties"; a contact's search answer lists
// createdate, hs_object_id, lastmodifieddate: hubspot-api-ruby #238). The last-modified property is
// `lastmodifieddate` on contacts and `hs_lastmodifieddate` on companies: a contact has no
// `hs_lastmodifieddate`, so a filter on it is a filter on an unknown property.
const ROLLUPS: [string, string][] = [
  ['hubspot_owner_id', 'enumeration'],
  ['country', 'string'],
  ['num_associated_deals', 'number'],
  ['recent_deal_close_date', 'datetime'],
  ['first_deal_created_date', 'datetime'],
  ['total_revenue', 'number'],
  ['notes_last_contacted', 'datetime'],
  ['createdate', 'datetime'],
  ['hs_object_id', 'number'],
];

const BUILT_IN: Record<FakeObject, [string, string][]> = {
  contacts: [['firstname', 'string'], ['lastname', 'string'], ['email', 'string'], ['lastmodifieddate', 'datetime'], ...ROLLUPS],
  companies: [['name', 'string'], ['domain', 'string'], ['hs_lastmodifieddate', 'datetime'], ...ROLLUPS],
};

export const LAST_MODIFIED_OF: Record<FakeObject, string> = { contacts: 'lastmodifieddate', companies: 'hs_lastmodifieddate' };

/** Calculated by HubSpot: "Read-only and non-existent properties will result in an error" (batch update, contacts guide). */
const READ_ONLY = new Set(['lastmodifieddate', 'hs_lastmodifieddate', 'createdate', 'hs_object_id', 'num_associated_deals', 'recent_deal_close_date', 'first_deal_created_date', 'total_revenue', 'notes_last_contacted']);

export function builtInProperties(object: FakeObject): FakeProperty[] {
  const group = object === 'contacts' ? 'contactinformation' : 'companyinformation';
  return BUILT_IN[object].map(([name, type]) => ({
    name,
    label: name,
    type,
    fieldType: type === 'number' ? 'number' : type === 'datetime' ? 'date' : type === 'enumeration' ? 'select' : 'text',
    groupName: group,
    ...(type === 'enumeration' ? { options: [] } : {}),
    modificationMetadata: { readOnlyValue: READ_ONLY.has(name) },
  }));
}

// PropertyCreate enums (spec Properties/Rollouts/145899/2026-09/properties.json), and which fieldType
// goes with which type: mismatches are rejected since 2021-02-01 (changelog crm-object-property-validattion).
const FIELD_TYPES: Record<string, string[]> = {
  bool: ['booleancheckbox'],
  enumeration: ['booleancheckbox', 'checkbox', 'radio', 'select'],
  date: ['date'],
  datetime: ['date'],
  number: ['number', 'calculation_equation'],
  phone_number: ['phonenumber'],
  string: ['text', 'textarea', 'html', 'file', 'phonenumber'],
};

/** Why a property definition (create, or the options of an update) is refused; null when it is fine. */
export function definitionProblem(body: Record<string, unknown>, creating: boolean): string | null {
  if (creating) {
    for (const field of ['name', 'label', 'type', 'fieldType', 'groupName']) if (typeof body[field] !== 'string' || body[field] === '') return `Property "${field}" is required`;
    const type = body['type'] as string;
    const allowed = FIELD_TYPES[type];
    if (allowed === undefined) return `Invalid type "${type}"`;
    if (!allowed.includes(body['fieldType'] as string)) return `fieldType "${String(body['fieldType'])}" is not valid for type "${type}"`;
    if (type === 'enumeration' && !Array.isArray(body['options'])) return 'Enumeration properties require options';
  }
  if (body['options'] !== undefined) {
    if (!Array.isArray(body['options'])) return 'options must be a list';
    // 2026-09 OptionInput: label, value, hidden and displayOrder are all required.
    for (const [i, option] of (body['options'] as unknown[]).entries()) {
      const o = option as Record<string, unknown>;
      if (typeof o['label'] !== 'string' || typeof o['value'] !== 'string') return `options[${i}]: label and value are required strings`;
      if (typeof o['hidden'] !== 'boolean') return `options[${i}].hidden is required (a boolean)`;
      if (!Number.isInteger(o['displayOrder'])) return `options[${i}].displayOrder is required (an integer)`;
    }
    const values = (body['options'] as { value: string }[]).map((o) => o.value);
    if (new Set(values).size !== values.length) return 'Option values must be unique';
  }
  return null;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Why HubSpot refuses a value for a property on a write, null when it takes it. "" clears any value
 * (contacts guide). Enumerations take only the value of a defined option; numbers take a numeric
 * string; datetimes an ISO 8601 string or epoch milliseconds (properties guide, "Property values").
 */
export function valueProblem(property: FakeProperty | undefined, name: string, value: unknown): { code: string; message: string } | null {
  if (property === undefined) return { code: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` };
  if (property.modificationMetadata?.readOnlyValue) return { code: 'READ_ONLY_VALUE', message: `Property "${name}" is a read-only property; its value cannot be set` };
  if (typeof value !== 'string') return { code: 'INVALID_VALUE', message: `Property "${name}" needs a string value` };
  if (value === '') return null;
  if (property.type === 'enumeration' && !(property.options ?? []).some((o) => o.value === value)) {
    return { code: 'INVALID_OPTION', message: `${value} was not one of the allowed options: [${(property.options ?? []).map((o) => o.value).join(', ')}]` };
  }
  if (property.type === 'number' && !NUMBER.test(value)) return { code: 'INVALID_DOUBLE', message: `${value} is not a valid number for property "${name}"` };
  if ((property.type === 'datetime' || property.type === 'date') && !ISO.test(value) && !/^\d{12,13}$/.test(value)) {
    return { code: 'INVALID_DATE', message: `${value} is not a valid date for property "${name}"` };
  }
  return null;
}

/** The scope a request needs (scopes table of the CRM guides; tasks use the contacts scopes per the tasks spec). */
export function scopeFor(method: string, path: string): string | null {
  const object = /\/(contacts|companies|tasks)(\/|$)/.exec(path)?.[1];
  if (object === undefined) return null;
  const base = object === 'tasks' ? 'contacts' : object;
  if (path.startsWith('/crm/properties/')) return method === 'GET' ? `crm.objects.${base}.read` : `crm.schemas.${base}.write`;
  if (method === 'GET' || path.endsWith('/search') || path.endsWith('/batch/read')) return `crm.objects.${base}.read`;
  return `crm.objects.${base}.write`;
}
