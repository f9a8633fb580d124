// Numbers inside sentences, the same in every language (digits and "," thousands, as both en and zh-CN write them).

/** 1234.5 → "1,234.5": written out by hand because toLocaleString costs ~10 µs a call, a second per 100k drivers. */
export function money(n: number): string {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = cents % 100;
  const tail = fraction === 0 ? '' : fraction % 10 === 0 ? `.${fraction / 10}` : `.${String(fraction).padStart(2, '0')}`;
  return `${n < 0 && cents > 0 ? '-' : ''}${whole}${tail}`;
}

/** An expected count said with sensible precision: 12, 3.4, 0.57. */
export function twoPlaces(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(x >= 1 ? 1 : 2);
}
