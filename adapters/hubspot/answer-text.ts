// Turning an answer HubSpot (or something in between) gave into words for one line of a message:
// never a whole HTML page, never a stack.
import type { ErrorBody } from './api.ts';

const MAX = 120;

/** At most one line of an answer: an HTML page's title (else its first text), or the start of the text. */
export function describeAnswer(text: string): string {
  if (text.trim() === '') return 'an empty body';
  if (/^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    const words = (title ?? text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    return `an HTML page ("${clip(words || 'no text')}")`;
  }
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return `"${clip(firstLine.trim())}"`;
}

function clip(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

/**
 * The scopes a 403 MISSING_SCOPES names. Portals answer
 * `{category:"MISSING_SCOPES", errors:[{message:"One or more of the following scopes are required.",
 * context:{requiredGranularScopes:[…]}}]}` (as reported from live portals; older answers use
 * `requiredScopes`), any one of the listed scopes being enough.
 */
export function missingScopes(body: ErrorBody): string[] {
  const found: string[] = [];
  const contexts = [body.context, ...(body.errors ?? []).map((e) => e.context)];
  for (const context of contexts) {
    for (const key of ['requiredGranularScopes', 'requiredScopes']) {
      const list = context?.[key];
      if (Array.isArray(list)) for (const scope of list) if (typeof scope === 'string' && !found.includes(scope)) found.push(scope);
    }
  }
  return found;
}
