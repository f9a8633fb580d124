// Strings the results keep. A template literal or `+` makes a V8 rope (a tree of pieces, one heap
// object each); a million results keep ~11 of them apiece, and the garbage collector copies every
// one. Reading a character makes V8 flatten the rope into one string, and the pieces die young.
// Measured on 1M customers with npm run bench (README, "Benchmarks").

/** The same text, stored as one flat string. */
export function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}
