/** Numbers as the pages print them. */

/** 5855 → 5,855 (byte counts and tallies; the grouping is the same in both scripts). */
export function thousands(value: number): string {
  return value.toLocaleString('en-US');
}
