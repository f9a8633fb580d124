// A plain number (-?\d+(\.\d+)?, cells.ts isSimpleNumber) read from a text by character codes, to
// the double Number() reads: shared by the plain order rows (plain-row-parser.ts) and the plain
// customer rows (plain-customer-rows.ts), which read millions of them without making a cell string.

const MINUS = 45;
const DOT = 46;
/** Exact powers of ten: a decimal of at most 15 digits, M / 10^k, is then the double Number() reads (one correctly rounded division). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** text[from, to) as Number() reads a plain number (cells.ts isSimpleNumber: -?\d+(\.\d+)?); NaN when it is not one. */
export function plainNumberAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = i < to && text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let fraction = 0;
  const intFrom = i;
  while (i < to) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    i++;
  }
  if (i === intFrom) return NaN;
  let digits = i - intFrom;
  if (i < to) {
    if (text.charCodeAt(i) !== DOT) return NaN;
    const fractionFrom = ++i;
    while (i < to) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      mantissa = mantissa * 10 + d;
      i++;
    }
    fraction = i - fractionFrom;
    if (fraction === 0) return NaN;
    digits += fraction;
  }
  // More digits than a double holds exactly: read as Number() reads them.
  const value = digits <= 15 ? (fraction === 0 ? mantissa : mantissa / (POW10[fraction] as number)) : Number(text.slice(negative ? from + 1 : from, to));
  return negative ? -value : value;
}
