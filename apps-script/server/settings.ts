// Settings per table (mapping, date order, as-of rule, thresholds, language), validated with the
// same zod schemas as the core and the table adapter. What the user set is stored as they gave it and
// only ever changed by what they change: a button sends just its own fields, merged in here.
import { z } from 'zod';
import { OptionsSchema, type Language } from '../../core/schema/options.ts';
import { TableConfigSchema } from '../../adapters/table/contract.ts';
import { MESSAGES, type Said } from './messages/index.ts';

export const SettingsSchema = TableConfigSchema.extend({
  /** today: score as of the day of the run; fixed: as of `asOf`. */
  asOfRule: z.enum(['today', 'fixed']).default('today'),
  asOf: z.iso.date().optional(),
  options: OptionsSchema.omit({ asOf: true }).prefault({}),
});
export type Settings = z.output<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The stored settings with `patch` laid over them: objects merge key by key, anything else replaces;
 * null removes a setting (back to its default); a column mapped to "" is unmapped.
 */
export function mergeSettings(stored: Plain, patch: Plain): Plain {
  const out: Plain = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    out[key] = isPlain(value) && isPlain(out[key]) ? mergeSettings(out[key] as Plain, value) : value;
  }
  if (isPlain(out['columns'])) out['columns'] = Object.fromEntries(Object.entries(out['columns']).filter(([, header]) => header !== ''));
  return out;
}

/** Settings that do not validate, worded for the person who typed them, in each language. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  readonly said: Said;
  constructor(said: Said, language: Language) {
    super(said[language]);
    this.said = said;
  }
}

function problem(issue: z.core.$ZodIssue, language: Language): string {
  const m = MESSAGES[language];
  switch (issue.code) {
    case 'too_big': return m.tooBig(String(issue.maximum));
    case 'too_small': return m.tooSmall(String(issue.minimum));
    case 'invalid_value': return m.notOneOf(issue.values.map((v) => JSON.stringify(v)).join(', '));
    case 'invalid_format': return m.notADate;
    case 'invalid_type': {
      const expected: string = issue.expected;
      return m.wrongType(expected === 'number' || expected === 'string' || expected === 'boolean' ? m.typeName[expected] : expected);
    }
    // Rules across fields (the core's refinements) say themselves what is wrong, in English.
    case 'custom': return language === 'en' ? `: ${issue.message}` : `${m.invalid}（${issue.message}）`;
    default: return m.invalid;
  }
}

export function describeIssues(error: z.ZodError): Said {
  const words = (language: Language) =>
    MESSAGES[language].settingsNotSaved(error.issues.map((i) => MESSAGES[language].settingProblem(i.path.join('.') || 'settings', problem(i, language)).replace(' :', ':')).join('; '));
  return { en: words('en'), 'zh-CN': words('zh-CN') };
}

export function parseSettings(input: unknown, language: Language): Settings {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) throw new SettingsError(describeIssues(parsed.error), language);
  return parsed.data;
}
