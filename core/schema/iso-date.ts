import { z } from 'zod';
import { isIsoDate, isoFromUtcDate } from '../dates.ts';

/** A calendar date: "YYYY-MM-DD", or a Date (read in UTC), always parsed to the ISO string. */
export const IsoDateSchema = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'is an invalid Date' });
        return z.NEVER;
      }
      return isoFromUtcDate(value);
    }
    const trimmed = value.trim();
    if (!isIsoDate(trimmed)) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-03-01)` });
      return z.NEVER;
    }
    return trimmed;
  });
