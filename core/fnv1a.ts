// FNV-1a over a string's UTF-16 units, as an unsigned 32-bit number: the id hash behind the id index
// (id-index.ts) and the model fits' id sample (models/estimate.ts), so neither depends on row order.
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
