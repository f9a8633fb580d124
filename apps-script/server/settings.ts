// Settings per document (mapping, thresholds, language, as-of rule), stored in document properties
// and validated with the same zod schemas as the core and the table adapter.
import { z } from 'zod';
import { OptionsSchema } from '../../core/schema/options.ts';
import { TableConfigSchema } from '../../adapters/table/contract.ts';

export const SettingsSchema = TableConfigSchema.extend({
  /** today: score as of the day of the run; fixed: as of `asOf`. */
  asOfRule: z.enum(['today', 'fixed']).default('today'),
  asOf: z.string().optional(),
  options: OptionsSchema.partial({ asOf: true }).omit({ asOf: true }).prefault({}),
});
export type Settings = z.output<typeof SettingsSchema>;

const KEY = 'tierwise.settings';

export function loadSettings(properties: GoogleAppsScript.Properties.Properties): Settings {
  const text = properties.getProperty(KEY);
  if (text === null) return SettingsSchema.parse({});
  const parsed = SettingsSchema.safeParse(JSON.parse(text));
  // Settings saved by an older version that no longer validate fall back to defaults, said in the sidebar.
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export function saveSettings(properties: GoogleAppsScript.Properties.Properties, input: unknown): Settings {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Settings not saved: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')}`);
  }
  properties.setProperty(KEY, JSON.stringify(parsed.data));
  return parsed.data;
}
