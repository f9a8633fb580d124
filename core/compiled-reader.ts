// Speed seam: the field table's readers unrolled into straight-line code, one property access per
// field as hand-written code would have. A loop over the keys makes every access megamorphic: on a
// million customers the loop takes ~5x the time of this (bench/cases/customer-check.ts measures both).
// zod v4 compiles its object parsers the same way (and falls back where eval is refused, as here).
// The source text holds only the table's keys, quoted by JSON.stringify; the values stay data.
// Outline: compileReader (blank, fast, reread of a field table), compileRecord (one record literal).
import { INVALID } from './field-readers.ts';
import type { CustomerReader, ReaderParts } from './customer-reader.ts';

/** The readers compiled from `parts`, or null when the host refuses code generation (a CSP without unsafe-eval). */
export function compileReader<C, D>({ keys, reads, rereads, blanks, dayNames }: ReaderParts): CustomerReader<C, D> | null {
  plainKeys(keys);
  const at = keys.map((key) => `[${JSON.stringify(key)}]`);
  const blank = `return {${keys.map((key, i) => `${JSON.stringify(key)}: ${JSON.stringify(blanks[i])}`).join(', ')}};`;
  const fast = [
    `if (typeof r !== 'object' || r === null) return undefined;`,
    ...keys.map((_, i) => `const v${i} = read${i}(r${at[i]}); if (v${i} === INVALID) return undefined;`),
    `const c = into === undefined ? blank() : into;`,
    // A date read as its day number: the value is its reread, the day goes to `days`.
    ...keys.map((_, i) => {
      const dayName = dayNames[i];
      return dayName === null || dayName === undefined ? `c${at[i]} = v${i};` : `c${at[i]} = reread${i}(r${at[i]}); if (days !== undefined) days[${JSON.stringify(dayName)}] = v${i};`;
    }),
    `return c;`,
  ].join('\n');
  const reread = [`const c = into === undefined ? blank() : into;`, ...keys.map((_, i) => `c${at[i]} = reread${i}(r${at[i]});`), `return c;`].join('\n');
  const names = [...reads.map((_, i) => `read${i}`), ...rereads.map((_, i) => `reread${i}`)];
  const source = `'use strict';
const blank = () => { ${blank} };
return { blank, fast(r, into, days) { ${fast} }, reread(r, into) { ${reread} } };`;
  let make: (...args: unknown[]) => CustomerReader<C, D>;
  try {
    make = new Function('INVALID', ...names, source) as typeof make;
  } catch (error) {
    // Only a refusal to generate code falls back to the loop; anything else is a bug here.
    if (error instanceof EvalError) return null;
    throw error;
  }
  return make(INVALID, ...reads, ...rereads);
}

/**
 * `(source) => ({ key0: make0(source), key1: make1(source), … })`: one object literal, so every
 * record built shares one shape and each field is one call site; null where code generation is refused.
 */
export function compileRecord<S, R>(keys: readonly string[], makers: readonly ((source: S) => unknown)[]): ((source: S) => R) | null {
  plainKeys(keys);
  const source = `'use strict';
return (s) => ({ ${keys.map((key, i) => `${JSON.stringify(key)}: make${i}(s)`).join(', ')} });`;
  try {
    return new Function(...makers.map((_, i) => `make${i}`), source)(...makers) as (source: S) => R;
  } catch (error) {
    if (error instanceof EvalError) return null;
    throw error;
  }
}

/** "__proto__" in an object literal sets the prototype instead of a field: no table may use it. */
function plainKeys(keys: readonly string[]): void {
  if (keys.includes('__proto__')) throw new Error('a field table cannot have a field "__proto__"');
}
