/**
 * Day-precision dates; all sources are Beijing time (UTC+8). How each edition writes a day is its
 * format's (interface-text.ts).
 */

export const BEIJING_OFFSET = '+08:00';

/** Start of the day in Beijing, as an ISO 8601 string with offset (for JSON-LD). */
export function beijingDateTime(day: string): string {
  return `${day}T00:00:00${BEIJING_OFFSET}`;
}

/** Start of the day in Beijing as a Date (for feeds). */
export function beijingDate(day: string): Date {
  return new Date(beijingDateTime(day));
}
