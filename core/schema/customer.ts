// One customer as the core scores it: what a customer table row or an order history says about
// them. The fields are those of fields.ts; this file says what each kind of field accepts.
import { z } from 'zod';
import { IsoDateSchema } from './iso-date.ts';
import { CUSTOMER_FIELD_TABLE, type FieldKind, type FieldTable } from './fields.ts';

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const outOfTen = z.number().min(0).max(10);

/**
 * The schema of each kind of field (fields.ts says what each accepts). Only the id is required;
 * every other field is null when the source does not have it, and the model then says what it
 * could not judge instead of guessing.
 */
export const KIND_SCHEMAS = {
  id: z.string().trim().min(1, 'customer id is empty'),
  text: optional(z.string()),
  date: optional(IsoDateSchema),
  count: optional(z.number().int().nonnegative()),
  money: optional(z.number().finite()),
  score: optional(outOfTen),
  positive: optional(z.number().positive()),
  flag: optional(z.boolean()),
} as const satisfies Record<FieldKind, z.ZodType>;

/** The zod shape of a field table: each key with the schema of its kind. */
export type ShapeOf<T extends FieldTable> = { [F in T[number] as F['key']]: (typeof KIND_SCHEMAS)[F['kind']] };

/** The zod schema of a customer with the fields of `table`, in table order. */
export function customerSchemaOf<T extends FieldTable>(table: T) {
  return z.object(Object.fromEntries(table.map((f) => [f.key, KIND_SCHEMAS[f.kind]])) as ShapeOf<T>);
}

export const CustomerSchema = customerSchemaOf(CUSTOMER_FIELD_TABLE);

export type CustomerInput = z.input<typeof CustomerSchema>;
export type Customer = z.output<typeof CustomerSchema>;
