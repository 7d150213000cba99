/** Day-precision dates as the archive shows them; all sources are Beijing time (UTC+8). */

export const BEIJING_OFFSET = '+08:00';

export function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

export function monthLabel(month: number): string {
  return `${month}月`;
}

/** Start of the day in Beijing, as an ISO 8601 string with offset (for JSON-LD). */
export function beijingDateTime(day: string): string {
  return `${day}T00:00:00${BEIJING_OFFSET}`;
}

/** Start of the day in Beijing as a Date (for feeds). */
export function beijingDate(day: string): Date {
  return new Date(beijingDateTime(day));
}
