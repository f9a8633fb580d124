// The nine result fields of one row as delimited text: csvField(neutraliseFormula(cell)) of each of
// resultCells (adapters/result-columns.ts), joined by the delimiter. Most columns take few values
// (tier, segment, RFM, churn level, lifecycle, next action, follow-up date), so each value's quoted
// text is made once and reused; only Why is quoted per row. Saves ~1 s of 1M rows' output
// (bench/cases/score-stages.ts); test/cli/csv-result-fields.test.ts pins it to the plain path.
import type { Language } from '../../core/schema/options.ts';
import type { Result } from '../../core/schema/result.ts';
import { LABELS } from '../../core/labels.ts';
import { neutraliseFormula } from '../../adapters/table/formula-guard.ts';

/** A cell as CSV text: quoted when it holds a quote, the delimiter or a line break (RFC 4180). */
export function csvText(text: string, delimiter: string): string {
  if (text.indexOf('"') >= 0) return `"${text.replace(/"/g, '""')}"`;
  const plain = text.indexOf(delimiter) < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
  return plain ? text : `"${text}"`;
}

/** Past this many distinct values a column's texts are made per row (a column of free text would only fill memory). */
const MEMO_LIMIT = 4096;

/** The field text of each distinct value of one text column. */
class FieldTexts {
  private readonly texts = new Map<string, string>();
  private readonly delimiter: string;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
  }

  of(cell: string): string {
    let field = this.texts.get(cell);
    if (field === undefined) {
      field = csvText(neutraliseFormula(cell), this.delimiter);
      if (this.texts.size < MEMO_LIMIT) this.texts.set(cell, field);
    }
    return field;
  }
}

const isDigit = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 0 && n <= 5;

/** "535" for r=5, f=3, m=5: scores are whole numbers 1-5, so 216 texts cover them all. */
function rfmText(texts: string[], r: number, f: number | null, m: number | null, d: string): string {
  if (!isDigit(r) || !isDigit(f) || !isDigit(m)) return csvText(neutraliseFormula(`${r}${f}${m}`), d);
  const key = r * 36 + f * 6 + m;
  return (texts[key] ??= `${r}${f}${m}`);
}

/** Returns a function giving the result fields of one result, in `language`, joined by `delimiter`. */
export function csvResultFields(language: Language, delimiter: string): (result: Result) => string {
  const labels = LABELS[language];
  const d = delimiter;
  const text = () => new FieldTexts(d);
  const tier = text();
  const segment = text();
  const churnLevel = text();
  const lifecycle = text();
  const nextAction = text();
  const followUpBy = text();
  const rfm: string[] = [];
  const risks: string[] = [];
  return (result) => {
    const risk = result.churnRisk;
    const riskText = risk === null ? '' : Number.isInteger(risk) && risk >= 0 && risk <= 100 ? (risks[risk] ??= String(risk)) : String(risk);
    return (
      tier.of(result.tier ?? '') + d +
      segment.of(result.segment === null ? '' : labels.segment[result.segment]) + d +
      (result.r === null ? '' : rfmText(rfm, result.r, result.f, result.m, d)) + d +
      riskText + d +
      churnLevel.of(result.churnLevel === null ? '' : labels.churnLevel[result.churnLevel]) + d +
      lifecycle.of(result.lifecycle === null ? '' : labels.lifecycle[result.lifecycle]) + d +
      nextAction.of(result.nextAction ?? '') + d +
      followUpBy.of(result.followUpBy ?? '') + d +
      csvText(neutraliseFormula(result.error ?? result.reasons), d)
    );
  };
}
