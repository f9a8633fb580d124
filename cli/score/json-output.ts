// `score --json`: one JSON object per output row (DESIGN.md), as an array with one object per line,
// streamed in chunks of about 64 KB (see order-output.ts's CHUNK_CHARS), from a whole list or batch by batch (order tables).
import { once } from 'node:events';
import type { ScoredRow } from '../../adapters/table/contract.ts';

/** One JSON object per output row (DESIGN.md). */
function jsonRow(r: ScoredRow) {
  const x = r.result;
  return {
    row: r.row,
    id: r.id,
    tier: x.tier,
    segment: x.segment,
    r: x.r,
    f: x.f,
    m: x.m,
    churnRisk: x.churnRisk,
    churnLevel: x.churnLevel,
    lifecycle: x.lifecycle,
    nextAction: x.nextAction,
    followUpBy: x.followUpBy,
    reasons: x.reasons,
    error: x.error,
    valueBand: x.valueBand,
    pAlive: x.pAlive,
    expectedPurchases: x.expectedPurchases,
    clv: x.clv,
  };
}

/** The array written as rows come: "[", one object a line with a comma after all but the last, "]". */
export class JsonArrayWriter {
  private readonly stream: NodeJS.WritableStream;
  private chunk = '[\n';
  private count = 0;

  constructor(stream: NodeJS.WritableStream) {
    this.stream = stream;
  }

  async rows(rows: readonly ScoredRow[]): Promise<void> {
    for (const r of rows) {
      // The comma ends the line before: whether a row is the last is known only at the end.
      this.chunk += (this.count++ === 0 ? '' : ',\n') + JSON.stringify(jsonRow(r));
      if (this.chunk.length >= 1 << 16) {
        if (!this.stream.write(this.chunk)) await once(this.stream, 'drain');
        this.chunk = '';
      }
    }
  }

  async end(): Promise<void> {
    this.stream.write(this.chunk + (this.count === 0 ? '' : '\n') + ']\n');
    this.chunk = '';
  }
}

/** A JSON array, one object per line, streamed. */
export async function writeJsonArray(stream: NodeJS.WritableStream, rows: readonly ScoredRow[]): Promise<void> {
  const json = new JsonArrayWriter(stream);
  await json.rows(rows);
  await json.end();
}
