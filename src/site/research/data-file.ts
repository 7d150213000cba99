/**
 * Reading the research modules' data files (content/data/*.yaml) with one-line errors that name
 * the file and the entry, in the manner of src/ingest/data.ts, until one contract module reads
 * every data file (issue 12).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A data file, or an entry in it, that cannot be used. `message` is one line: `<file>: <reason>`. */
export class ResearchDataError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ResearchDataError';
  }
}

export function readYamlFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ResearchDataError(file, 'cannot be read');
  }
  try {
    return parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ResearchDataError(file, `is not valid YAML: ${first}`);
  }
}

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A day as data files write it, at the precision known: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
const PARTIAL_DAY = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDay(value: string): boolean {
  const match = PARTIAL_DAY.exec(value);
  if (!match) return false;
  if (!match[3]) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return day <= daysInMonth(year, month);
}

export function isDay(value: string): boolean {
  return value.length === 10 && isPartialDay(value);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and the last day a partial day can stand for ('2020-10' → 2020-10-01 … 2020-10-31). */
export function dayRange(partial: string): { first: string; last: string } {
  const [year, month, day] = partial.split('-');
  if (day) return { first: partial, last: partial };
  if (month) {
    const last = String(daysInMonth(Number(year), Number(month))).padStart(2, '0');
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${last}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}
