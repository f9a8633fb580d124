import { z } from 'zod';
import { isIsoDate, isoFromUtcDate } from '../dates.ts';

/** A calendar date: "YYYY-MM-DD", or a Date (read in UTC), always parsed to the ISO string. */
export const IsoDateSchema = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      const iso = isoFromUtcDate(value);
      if (iso === null) {
        ctx.addIssue({ code: 'custom', message: 'is not a usable date (invalid, or outside the years 1-9999)' });
        return z.NEVER;
      }
      return iso;
    }
    const trimmed = value.trim();
    if (!isIsoDate(trimmed)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-01)` });
      return z.NEVER;
    }
    return trimmed;
  });
