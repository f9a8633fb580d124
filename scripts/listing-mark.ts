// Tierwise's mark for the Marketplace icons and card banner: four stacked tier bars, A to D, longest
// first, in the tier colours the sidebar and the sheet use (apps-script/sidebar/sidebar.html).
// Drawn on a 32-unit grid so the 32×32 icon is pixel-sharp and the 128×128 one is the same at 4×.

export const TIER_COLOURS = ['#1e8e3e', '#1a73e8', '#f9ab00', '#d93025'] as const;
const TIERS = ['A', 'B', 'C', 'D'] as const;

/** The mark as SVG at `size` pixels; letters only where the bars are tall enough to read them. */
export function markSvg(size: number): string {
  const letters = size >= 96;
  const bars = TIER_COLOURS.map((colour, i) => {
    const y = 3 + i * 7;
    const width = 26 - i * 6;
    const letter = letters ? `<text x="5.2" y="${y + 4.7}" font-size="4.6" font-weight="700" fill="#fff" font-family="Roboto, 'Liberation Sans', Arial, sans-serif">${TIERS[i]}</text>` : '';
    return `<rect x="3" y="${y}" width="${width}" height="6" rx="1.6" fill="${colour}"/>${letter}`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${bars}</svg>`;
}

/** A page holding only the mark, transparent around it, for an icon screenshot. */
export function iconPage(size: number): string {
  return `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${markSvg(size)}</body></html>`;
}

/** The 220×140 card banner: the mark, the name and what it does, on white. */
export function bannerPage(tagline: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 220px; height: 140px; overflow: hidden; background: #fff; font-family: Roboto, 'Liberation Sans', Arial, sans-serif; }
  .card { box-sizing: border-box; width: 220px; height: 140px; padding: 18px 16px; display: flex; flex-direction: column; justify-content: space-between; border-top: 6px solid ${TIER_COLOURS[0]}; background: linear-gradient(180deg, #fff 0%, #f4f8fe 100%); }
  .top { display: flex; align-items: center; gap: 10px; }
  .name { font-size: 26px; font-weight: 700; color: #202124; letter-spacing: -0.3px; }
  .tagline { font-size: 13px; line-height: 1.3; color: #3c4043; }
  </style></head><body><div class="card"><div class="top">${markSvg(48)}<span class="name">Tierwise</span></div><div class="tagline">${tagline}</div></div></body></html>`;
}
