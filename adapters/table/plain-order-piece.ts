// A piece of an order file's text read on a worker thread, when every row of it is plain (a customer
// id, an ISO date and a plain amount: plain-row-parser.ts): its orders gathered as the main thread's
// PlainOrderRows.addPiece takes them, in typed arrays, with the piece's own customer numbers. One row
// that is not plain ends the piece's reading: the main thread then reads the file the one-thread way.
// Outline: PlainPieceRows.push (text as it is decoded) → piece() (the gathered orders, or null).
import { IdIndex } from '../../core/id-index.ts';
import { flatCopy } from './csv-stream.ts';
import { INCOMPLETE, PlainRowParser, type PlainColumns } from './plain-row-parser.ts';

/** The orders of a piece whose rows were all plain: row i of the piece is order i. */
export interface PlainPiece {
  rows: number;
  /**
   * The piece's customers in order of first appearance: their ids one after another (customer j's is
   * idText[idEnds[j - 1], idEnds[j])), found by text range on the main thread without a string each,
   * and the piece row (0-based) each first appears on.
   */
  idText: string;
  idEnds: Int32Array;
  firstRows: Int32Array;
  /** Per order: its customer (a place in `ids`), day number and amount. */
  owner: Int32Array;
  days: Int32Array;
  amounts: Float64Array;
  /** The orders with a negative amount, in row order (the trails net them, in that order). */
  negatives: Int32Array;
}

/** The typed arrays of a piece, to transfer rather than copy between threads. */
export const pieceBuffers = (piece: PlainPiece): ArrayBuffer[] => [piece.idEnds, piece.firstRows, piece.owner, piece.days, piece.amounts, piece.negatives].map((a) => a.buffer as ArrayBuffer);

export class PlainPieceRows extends PlainRowParser {
  private readonly widest: number;
  private readonly index = new IdIndex();
  private readonly ids: string[] = [];
  private firstRows = new Int32Array(1024);
  private idEnds = new Int32Array(1024);
  private idLength = 0;
  private owner: Int32Array<ArrayBuffer>;
  private days: Int32Array<ArrayBuffer>;
  private amounts: Float64Array<ArrayBuffer>;
  private negatives = new Int32Array(64);
  private negativeCount = 0;
  private count = 0;
  /** The start of a row that goes on in the next text. */
  private rest = '';
  /** The piece row (0-based) that was not plain; -1 while all were. */
  notPlainAt = -1;

  /**
   * `widest`: the most cells a row of the file had before the piece (order-text-rows.ts handOver); a
   * wider row is not plain. `expectedRows`: room made at the start (the arrays grow past it).
   */
  constructor(columns: PlainColumns, delimiter: ',' | ';' | '\t', widest: number, expectedRows = 1024) {
    super(columns, delimiter);
    this.widest = widest;
    const room = Math.max(16, expectedRows);
    this.owner = new Int32Array(room);
    this.days = new Int32Array(room);
    this.amounts = new Float64Array(room);
  }

  /** Reads the next text of the piece (`final`: the file ends with it); false once a row is not plain. */
  push(piece: string, final: boolean): boolean {
    if (this.notPlainAt >= 0) return false;
    let text = piece;
    let at = 0;
    if (this.rest !== '') {
      // Only the row cut between two texts is joined: up to the first line break.
      const lf = piece.indexOf('\n');
      if (lf < 0 && !final) {
        this.rest += piece;
        return true;
      }
      const joinedEnd = lf < 0 ? piece.length : lf + 1;
      text = this.rest + piece.slice(0, joinedEnd);
      at = this.read(text, 0, final && joinedEnd === piece.length);
      if (at < 0) return false;
      if (at !== text.length) {
        // Plain rows end at their line break: this one goes on past it.
        this.notPlainAt = this.count;
        return false;
      }
      text = piece;
      at = joinedEnd;
    }
    const end = this.read(text, at, final);
    if (end < 0) return false;
    this.rest = end < text.length ? text.slice(end) : '';
    return true;
  }

  /** The piece's orders once its text is all pushed; null when a row was not plain or the text ended inside a row. */
  piece(): PlainPiece | null {
    if (this.notPlainAt >= 0) return null;
    if (this.rest !== '') {
      this.notPlainAt = this.count;
      return null;
    }
    const n = this.count;
    return {
      rows: n,
      idText: this.ids.join(''),
      idEnds: this.idEnds.subarray(0, this.ids.length),
      firstRows: this.firstRows.subarray(0, this.ids.length),
      owner: this.owner.subarray(0, n),
      days: this.days.subarray(0, n),
      amounts: this.amounts.subarray(0, n),
      negatives: this.negatives.subarray(0, this.negativeCount),
    };
  }

  /** Adds the rows of text from `at`: where the unread text starts, or -1 when a row was not plain. */
  private read(text: string, at: number, final: boolean): number {
    const n = text.length;
    while (at < n) {
      const next = this.parse(text, at, final, this.widest);
      if (next < 0) {
        // A row cut by the end of the text may look not plain (a date cut short): judged once it is whole.
        if (next === INCOMPLETE || (!final && text.indexOf('\n', at) < 0)) return at;
        this.notPlainAt = this.count;
        return -1;
      }
      this.add(text);
      at = next;
    }
    return at;
  }

  private add(text: string): void {
    const row = this.count++;
    if (row === this.owner.length) this.grow();
    let c = this.index.positionOfRange(text, this.idStart, this.idEnd);
    if (c < 0) {
      const id = flatCopy(text.slice(this.idStart, this.idEnd));
      c = this.index.positionOf(id);
      if (c === this.firstRows.length) {
        this.firstRows = grown(this.firstRows, c * 2);
        this.idEnds = grown(this.idEnds, c * 2);
      }
      this.firstRows[c] = row;
      this.idLength += id.length;
      this.idEnds[c] = this.idLength;
      this.ids.push(id);
    }
    this.owner[row] = c;
    this.days[row] = this.day;
    const amount = this.amount;
    this.amounts[row] = amount;
    if (amount < 0) {
      if (this.negativeCount === this.negatives.length) this.negatives = grown(this.negatives, this.negativeCount * 2);
      this.negatives[this.negativeCount++] = row;
    }
  }

  private grow(): void {
    const size = this.owner.length * 2;
    this.owner = grown(this.owner, size);
    this.days = grown(this.days, size);
    const amounts = new Float64Array(size);
    amounts.set(this.amounts);
    this.amounts = amounts;
  }
}

function grown(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
