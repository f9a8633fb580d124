// Reads a scored CSV back (Tierwise's or a competitor's) and counts its rows, tiers and R/F/M scores,
// and compares each customer's tier with a reference side's, so the bench compares like with like:
// every side must score every customer, by the same quintiles.
// Streams the file (a scored million is ~350 MB) through a small RFC 4180 state machine.
import { createReadStream } from 'node:fs';

export interface ScoredCounts {
  rows: number;
  /** Customers per tier; '' counts rows left without a tier (prospects, rows with a problem). */
  tiers: Record<string, number>;
  /** rfm[k][s - 1]: customers with score s in R (k = 0), F (1), M (2). */
  rfm: [number[], number[], number[]];
  /** Each tiered customer's tier by id, when asked for (the reference side). */
  tierById: Map<string, string> | null;
  /** Against a reference's tiers: its customers found here, and how many of them got the same tier. */
  found: number;
  sameTier: number;
}

export interface ReadBackOptions {
  /** Keep every customer's tier by id (for the reference side). */
  keepTiers?: boolean;
  /** Compare each customer's tier with this reference's. */
  against?: ReadonlyMap<string, string>;
  /** Only the tests change it: a record split across chunks must read the same. */
  chunkSize?: number;
}

type Columns = { id: number; tier: number; r: number; f: number; m: number; rfm: number };

/**
 * Column positions by name: the id (`customer_id`, `Customer` or `id`), `Tier`/`tier`, and either
 * `RFM` (three digits, Tierwise) or `R`, `F`, `M`.
 */
function columnsOf(header: string[], file: string): Columns {
  const at = (name: string) => header.findIndex((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase() === name.toLowerCase());
  const id = [at('customer_id'), at('customer'), at('id')].find((k) => k >= 0) ?? -1;
  const columns = { id, tier: at('tier'), r: at('R'), f: at('F'), m: at('M'), rfm: at('RFM') };
  if (columns.id < 0) throw new Error(`${file}: no "customer_id", "Customer" or "id" column in the header (${header.join(', ')})`);
  if (columns.tier < 0) throw new Error(`${file}: no "tier" column in the header (${header.join(', ')})`);
  if (columns.rfm < 0 && (columns.r < 0 || columns.f < 0 || columns.m < 0)) {
    throw new Error(`${file}: expected an "RFM" column or "R", "F" and "M" columns in the header (${header.join(', ')})`);
  }
  return columns;
}

export async function countScored(file: string, options: ReadBackOptions = {}): Promise<ScoredCounts> {
  const counts: ScoredCounts = {
    rows: 0,
    tiers: {},
    rfm: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]],
    tierById: options.keepTiers ? new Map() : null,
    found: 0,
    sameTier: 0,
  };
  const chunkSize = options.chunkSize ?? 1 << 20;
  let columns: Columns | null = null;
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just read a quote inside a quoted field: "" or the field's end
  const endRecord = () => {
    record.push(field);
    field = '';
    if (record.length === 1 && record[0] === '') {
      record = []; // a blank line (the file's last newline)
      return;
    }
    if (columns === null) columns = columnsOf(record, file);
    else tally(record, columns, counts, file, options.against);
    record = [];
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: chunkSize })) {
    const text = chunk as string;
    let from = 0; // start of the plain run not yet added to `field`
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (afterQuote) {
          afterQuote = false;
          if (c === 34) continue; // "" is a quote inside the field; the first one was already kept out
          quoted = false; // the quote closed the field: handle c as outside
        } else {
          if (c === 34) {
            field += text.slice(from, i);
            from = i + 1;
            afterQuote = true;
          }
          continue;
        }
      }
      if (c === 44 || c === 10) {
        field += text.slice(from, i);
        from = i + 1;
        if (c === 44) {
          record.push(field);
          field = '';
        } else endRecord();
      } else if (c === 34 && field === '' && from === i) {
        quoted = true;
        from = i + 1;
      } else if (c === 13) {
        field += text.slice(from, i);
        from = i + 1;
      }
    }
    // A chunk that ends right after a quote leaves afterQuote set: the next chunk's first character
    // says whether it was "" or the field's end.
    field += text.slice(from);
  }
  if (field !== '' || record.length > 0) endRecord();
  if (columns === null) throw new Error(`${file}: empty, expected a header row`);
  return counts;
}

function tally(record: string[], columns: Columns, counts: ScoredCounts, file: string, against: ReadonlyMap<string, string> | undefined): void {
  counts.rows++;
  const tier = record[columns.tier] ?? '';
  counts.tiers[tier] = (counts.tiers[tier] ?? 0) + 1;
  if (tier === '') return;
  const texts = columns.rfm >= 0 ? [...(record[columns.rfm] ?? '')] : [record[columns.r], record[columns.f], record[columns.m]];
  for (let k = 0; k < 3; k++) {
    const text = texts[k] ?? '';
    const s = Number(text);
    if (!/^[1-5]$/.test(text)) throw new Error(`${file}, row ${counts.rows + 1}: ${'RFM'[k]} score ${JSON.stringify(text)}, expected 1-5`);
    const tallies = counts.rfm[k] as number[];
    tallies[s - 1] = (tallies[s - 1] as number) + 1;
  }
  const id = record[columns.id] ?? '';
  // A copy, so the map never keeps a whole 1 MB chunk alive through a slice of it.
  if (counts.tierById !== null) counts.tierById.set(Buffer.from(id).toString(), tier);
  const theirs = against?.get(id);
  if (theirs !== undefined) {
    counts.found++;
    if (theirs === tier) counts.sameTier++;
  }
}

/** True when both sides gave the same number of customers each R, F and M score. */
export function sameRfmCounts(ours: ScoredCounts, theirs: ScoredCounts): boolean {
  return ours.rfm.every((scores, k) => scores.every((count, s) => count === theirs.rfm[k]?.[s]));
}
