// Our zod schema of the card, settings and workflow-action files of the HubSpot project, from HubSpot's
// 2026.03 templates (hubspot-project-components 2026.03/components/{cards,settings}; workflow action:
// custom-workflow-actions doc and the Automation Actions V4 2026-03 spec, OutputFieldDefinition
// {typeDefinition}). HubSpot validates them online only; these pin offline what Tierwise relies on.
import { z } from 'zod';

const uid = z.string().regex(/^[a-z0-9_-]+$/);
const entrypoint = (folder: string) => z.string().regex(new RegExp(`^/app/${folder}/[A-Za-z]+\\.[jt]sx$`), `the entrypoint is a .tsx (source) or .jsx (bundled) file in /app/${folder}/`);

export const CardMetaSchema = z.strictObject({
  uid,
  type: z.literal('card'),
  config: z.strictObject({
    name: z.string().min(1),
    // EXTENSION_POINT_LOCATIONS (ui-extensions 0.17.0): the record sidebar of contacts and companies.
    location: z.literal('crm.record.sidebar'),
    entrypoint: entrypoint('cards'),
    objectTypes: z.array(z.enum(['contacts', 'companies'])).min(1),
  }),
});

export const SettingsMetaSchema = z.strictObject({ uid, type: z.literal('settings'), config: z.strictObject({ entrypoint: entrypoint('settings') }) });

const TypeDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z_]+$/),
  type: z.enum(['string', 'number', 'enumeration', 'bool', 'date', 'datetime']),
  fieldType: z.enum(['text', 'textarea', 'number', 'select', 'booleancheckbox', 'date']),
  options: z.array(z.strictObject({ value: z.string(), label: z.string() })).optional(),
});

export const WorkflowActionMetaSchema = z.strictObject({
  uid,
  type: z.literal('workflow-action'),
  config: z.strictObject({
    actionUrl: z.string(),
    isPublished: z.boolean(),
    supportedClients: z.array(z.strictObject({ client: z.literal('WORKFLOWS') })),
    objectTypes: z.array(z.enum(['CONTACT', 'COMPANY'])),
    inputFields: z.array(z.strictObject({ typeDefinition: TypeDefinitionSchema, supportedValueTypes: z.array(z.enum(['STATIC_VALUE', 'OBJECT_PROPERTY'])), isRequired: z.boolean() })),
    outputFields: z.array(z.strictObject({ typeDefinition: TypeDefinitionSchema })),
    labels: z.record(
      z.string(),
      z.strictObject({
        actionName: z.string().min(1),
        actionDescription: z.string().min(1),
        actionCardContent: z.string().min(1),
        inputFieldLabels: z.record(z.string(), z.string()),
        inputFieldDescriptions: z.record(z.string(), z.string()),
        outputFieldLabels: z.record(z.string(), z.string()),
      }),
    ),
  }),
});
