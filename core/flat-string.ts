// Strings the results keep. A template literal or `+` makes a V8 rope (a tree of pieces, one heap
// object each); a million results would keep ~11 of them apiece, and the garbage collector copies
// every one. V8 flattens a rope into one string in place when a builtin reads a character of it
// (here, for sentences said once: sentence-memory.ts) and when a slice is cut from it (each reasons
// line with a sentence of the customer's own, which its driver keeps as a slice: driver-ranking.ts).
// Code V8 has optimized reads through a rope without flattening it, so a line made only of shared
// sentences may stay a rope of those shared pieces: about as small as its flat copy (1M customers,
// heap kept by the results: 533.7 MB as is, 535.8 MB when every line was forced flat through a
// RegExp test, which also cost CPU; bench/cases/core-score.md).

/** The same text, flattened when V8 runs this outside optimized code (see above). */
export function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}
