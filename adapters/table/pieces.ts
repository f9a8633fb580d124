// Cuts a delimited text into pieces at line starts, for parsing the pieces on worker threads.
// A cut goes at a line break with an even number of quotes before it (RFC 4180 doubles a quote inside a
// quoted field, so an odd count means the break is inside one). A stray quote in an unquoted field can
// still fool the count: the parser of the piece before then meets the piece's end inside a quote and
// reports an unclosed quote, and the caller reads the file in one piece (cli/score/threads/score-in-pieces.ts).

/** Offsets [0, c1, …, text.length] of up to `pieces` pieces of about equal length, each cut just after a '\n'. */
export function cutAtLineStarts(text: string, pieces: number): number[] {
  const cuts = [0];
  let counted = 0; // quotes are counted in text[0, counted)
  let odd = false;
  const quotesOddBefore = (at: number) => {
    for (let q = text.indexOf('"', counted); q >= 0 && q < at; q = text.indexOf('"', q + 1)) odd = !odd;
    counted = at;
    return odd;
  };
  for (let k = 1; k < pieces; k++) {
    const previous = cuts[cuts.length - 1] as number;
    let lineEnd = text.indexOf('\n', Math.max(previous, Math.floor((text.length * k) / pieces)));
    // The parser drops a byte order mark at the start of its text: a line starting with one stays inside its piece.
    while (lineEnd >= 0 && (quotesOddBefore(lineEnd) || text.charCodeAt(lineEnd + 1) === 0xfeff)) lineEnd = text.indexOf('\n', lineEnd + 1);
    if (lineEnd < 0 || lineEnd + 1 >= text.length) break;
    cuts.push(lineEnd + 1);
  }
  cuts.push(text.length);
  return cuts;
}
