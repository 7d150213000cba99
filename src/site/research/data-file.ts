/**
 * Reading the research modules' data files (content/data/*.yaml) with one-line errors that name
 * the file and the entry, in the manner of src/ingest/data.ts (officials.yaml and places.yaml are
 * read by the contract, src/contract.ts).
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
