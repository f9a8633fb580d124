// The nine result fields of a row written as UTF-8 bytes, the same bytes as csvResultFields' text
// (test/cli/result-field-bytes.test.ts): each distinct value of a column that takes few values is
// encoded once and copied, and Why, different on every row, is written from its own string once,
// between quote marks written as bytes. No line string is made per row, so a million rows make almost
// no garbage (bench/cases/order-output.md). Used for order tables; customer tables, whose rows are
// mostly the input's own text, measured faster as one line string encoded natively (write-output.ts).
import type { Language } from '../../core/schema/options.ts';
import type { Result } from '../../core/schema/result.ts';
import { LABELS } from '../../core/labels.ts';
import { neutraliseFormula } from '../../adapters/table/formula-guard.ts';
import { csvText } from './csv-result-fields.ts';
import type { Utf8Chunks } from './utf8-lines.ts';

/** Past this many distinct values a column's bytes are made per row (a column of free text would only fill memory). */
const MEMO_LIMIT = 4096;
const QUOTE = 0x22;

/** The field bytes of each distinct value of one text column. */
class FieldBytes {
  readonly #bytes = new Map<string, Uint8Array>();
  readonly #delimiter: string;

  constructor(delimiter: string) {
    this.#delimiter = delimiter;
  }

  of(cell: string): Uint8Array {
    let field = this.#bytes.get(cell);
    if (field === undefined) {
      field = Buffer.from(csvText(neutraliseFormula(cell), this.#delimiter), 'utf8');
      if (this.#bytes.size < MEMO_LIMIT) this.#bytes.set(cell, field);
    }
    return field;
  }
}

const isDigit = (n: number | null): n is number => n !== null && Number.isInteger(n) && n >= 0 && n <= 5;

/** How a text is written as a CSV field: as it is, between quote marks, or (holding a quote mark) as csvText makes it. */
export const PLAIN = 0;
export const QUOTED = 1;
export const ESCAPED = 2;
export function fieldKind(text: string, delimiter: string): number {
  if (text.indexOf('"') >= 0) return ESCAPED;
  return text.indexOf(delimiter) < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? PLAIN : QUOTED;
}

/**
 * One row's result fields: `prepare(result)` returns how many bytes they take at most (for
 * Utf8Chunks.room), then `write(out)` writes them. Made once per output, in `language`, `delimiter`.
 */
export class ResultFieldBytes {
  readonly #labels: (typeof LABELS)[Language];
  readonly #d: number;
  readonly #delimiter: string;
  readonly #tier: FieldBytes;
  readonly #segment: FieldBytes;
  readonly #churnLevel: FieldBytes;
  readonly #lifecycle: FieldBytes;
  readonly #nextAction: FieldBytes;
  readonly #followUpBy: FieldBytes;
  readonly #rfm: (Uint8Array | undefined)[] = [];
  readonly #risks: (Uint8Array | undefined)[] = [];
  readonly #empty = new Uint8Array(0);
  /** The prepared row: eight fields' bytes, then Why's text and how it is written. */
  readonly #fields: Uint8Array[] = [];
  #why = '';
  #whyKind = PLAIN;

  constructor(language: Language, delimiter: string) {
    this.#labels = LABELS[language];
    this.#delimiter = delimiter;
    this.#d = delimiter.charCodeAt(0);
    const bytes = () => new FieldBytes(delimiter);
    this.#tier = bytes();
    this.#segment = bytes();
    this.#churnLevel = bytes();
    this.#lifecycle = bytes();
    this.#nextAction = bytes();
    this.#followUpBy = bytes();
  }

  prepare(result: Result): number {
    const labels = this.#labels;
    const f = this.#fields;
    f[0] = this.#tier.of(result.tier ?? '');
    f[1] = this.#segment.of(result.segment === null ? '' : labels.segment[result.segment]);
    f[2] = result.r === null ? this.#empty : this.#rfmBytes(result.r, result.f, result.m);
    f[3] = this.#riskBytes(result.churnRisk);
    f[4] = this.#churnLevel.of(result.churnLevel === null ? '' : labels.churnLevel[result.churnLevel]);
    f[5] = this.#lifecycle.of(result.lifecycle === null ? '' : labels.lifecycle[result.lifecycle]);
    f[6] = this.#nextAction.of(result.nextAction ?? '');
    f[7] = this.#followUpBy.of(result.followUpBy ?? '');
    let why = neutraliseFormula(result.error ?? result.reasons);
    const kind = fieldKind(why, this.#delimiter);
    if (kind === ESCAPED) why = csvText(why, this.#delimiter);
    this.#why = why;
    this.#whyKind = kind;
    let most = 8 + why.length * 3 + 2;
    for (let i = 0; i < 8; i++) most += (f[i] as Uint8Array).length;
    return most;
  }

  /** Writes the prepared row's fields, joined by the delimiter (room for prepare's count must have been made). */
  write(out: Utf8Chunks): void {
    const f = this.#fields;
    for (let i = 0; i < 8; i++) {
      out.bytes(f[i] as Uint8Array);
      out.byte(this.#d);
    }
    if (this.#whyKind === QUOTED) {
      out.byte(QUOTE);
      out.text(this.#why);
      out.byte(QUOTE);
    } else out.text(this.#why);
  }

  /** "535" for r=5, f=3, m=5: scores are whole numbers 1-5, so 216 texts cover them all. */
  #rfmBytes(r: number, f: number | null, m: number | null): Uint8Array {
    if (!isDigit(r) || !isDigit(f) || !isDigit(m)) return Buffer.from(csvText(neutraliseFormula(`${r}${f}${m}`), this.#delimiter), 'utf8');
    const key = r * 36 + f * 6 + m;
    return (this.#rfm[key] ??= Buffer.from(`${r}${f}${m}`, 'latin1'));
  }

  #riskBytes(risk: number | null): Uint8Array {
    if (risk === null) return this.#empty;
    if (Number.isInteger(risk) && risk >= 0 && risk <= 100) return (this.#risks[risk] ??= Buffer.from(String(risk), 'latin1'));
    return Buffer.from(String(risk), 'utf8');
  }
}
