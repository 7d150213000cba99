import { parseDocument } from 'yaml';
import type { IngestState } from './types.ts';

/**
 * The text of a front-matter value as the post wrote it. A YAML parser may have made a Date of a
 * timestamp, losing what it said (2021-02-30 becomes 2021-03-02, 0099 becomes 1999): the front
 * matter's source is read again with YAML 1.2's core schema, which keeps timestamps as text.
 * Undefined when the value is not a Date or the source is not known.
 */
export function frontMatterText(state: IngestState, key: string): string | undefined {
  if (!(state.frontMatter[key] instanceof Date) || !state.frontMatterSource) return undefined;
  try {
    const value = parseDocument(state.frontMatterSource, { schema: 'core', uniqueKeys: false }).get(key);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
