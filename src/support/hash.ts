/**
 * The one SHA-256 helper of ingest and the site: raw captures, article files and the files the
 * build cache keys on are all hashed here, so that a hash written by one is the hash the other
 * computes.
 */
import { createHash } from 'node:crypto';

/** The SHA-256 of bytes, or of a text's UTF-8 bytes, as 64 lowercase hexadecimal digits (what `sha256sum` prints). */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The SHA-256 of several parts, each followed by a NUL, so that ("ab", "c") and ("a", "bc") differ:
 * a key made of several inputs (a page's data and its settings, a file's name and its bytes).
 */
export function sha256OfParts(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
