// The --config file: how to read the table, plus the scoring options (DESIGN.md), validated with zod.
import { z } from 'zod';
import { OptionsSchema } from '../core/schema/options.ts';
import { TableConfigSchema } from './table/contract.ts';

export const ConfigFileSchema = TableConfigSchema.extend({
  options: OptionsSchema.partial({ asOf: true }).prefault({}),
}).strict();

export type ConfigFile = z.output<typeof ConfigFileSchema>;

/** A sentence per problem, naming the key: `options.churn.highAt: Too big: expected number to be <=100`. */
export function describeConfigError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
}
