/**
 * ASCII URL segments for Chinese tag names (许达哲 → xu-da-zhe).
 *
 * Homophones would share a slug; when they do, each of them gets a short suffix derived from
 * the name itself, so the result depends only on the set of names, never on their order.
 */
import { sha256 } from '../support/hash.ts';
import { pinyin } from 'pinyin-pro';

export function pinyinSlug(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const slug = syllables
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || `tag-${shortHash(name)}`;
}

function shortHash(name: string): string {
  return sha256(name).slice(0, 6);
}

/** Assigns a unique slug to every name in `names`. */
export function assignSlugs(names: Iterable<string>): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const base = pinyinSlug(name);
    byBase.set(base, [...(byBase.get(base) ?? []), name]);
  }
  const slugs = new Map<string, string>();
  for (const [base, group] of byBase) {
    for (const name of group) slugs.set(name, group.length === 1 ? base : `${base}-${shortHash(name)}`);
  }
  return slugs;
}
