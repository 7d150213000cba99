import matter from 'gray-matter';
import { blocks, isBody, textOf } from './blocks.ts';
import { toArticleMarkdown } from './markdown.ts';
import type { IngestedCapture } from './pipeline.ts';
import { slugFromTitle } from './slug.ts';
import { sha256 } from '../support/hash.ts';
import type { ArticleFrontMatter, AuditReport } from '../contract.ts';
import type { ArticleMeta, LedgerEntry, Script, Shape } from './types.ts';

/** One capture behind an article, as its provenance records it. */
export interface CaptureRecord {
  raw: string;
  rawSha256: string;
  encoding: string;
  shape: Shape;
  bytes: number;
  site?: string;
  ledger: LedgerEntry[];
  characters: { capture: number; article: number; removed: number; moved: number };
}

/** An article before it has a slug: what one capture (or several identical ones) says. */
export interface ArticleDraft {
  meta: ArticleMeta;
  originalScript: Script;
  fidelity: string[];
  markdown: string;
  captures: CaptureRecord[];
  /** Identifies the text, so that the same article captured twice becomes one. */
  textKey: string;
  sentences: string[];
  /**
   * The slug the title gives (slugFromTitle), made with the draft: on workers, rather than for
   * every article one after another on the main thread, where slugs are assigned.
   */
  titleSlug?: string;
}

export function draftArticle(ingested: IngestedCapture): ArticleDraft {
  const { state, tree, text: decodedText } = ingested;
  const list = blocks(tree);
  const body = list.filter(isBody).map(textOf);
  const articleText = [state.meta.title, state.meta.subtitle, ...list.map(textOf)].join('');
  const count = visibleCharacters;
  const letters = body.flatMap((paragraph) => paragraph.split(/(?<=[。！？])/u)).map((sentence) => sentence.replace(/[\s\p{P}]/gu, ''));
  const sum = (action: LedgerEntry['action'][]) =>
    state.ledger.filter((entry) => action.includes(entry.action)).reduce((total, entry) => total + count(entry.text) * (entry.count ?? 1), 0);
  return {
    meta: state.meta,
    originalScript: state.originalScript,
    fidelity: state.fidelity,
    markdown: toArticleMarkdown(tree),
    captures: [
      {
        raw: state.capture.path,
        rawSha256: state.capture.sha256,
        encoding: state.encoding,
        shape: state.shape,
        bytes: state.capture.bytes.length,
        ...(state.site ? { site: state.site.name } : {}),
        ledger: state.ledger.map(neutralize),
        characters: { capture: count(decodedText), article: count(articleText), removed: sum(['removed']), moved: sum(['moved']) },
      },
    ],
    // The key is the body without white space and punctuation: its sentences' letters, in order.
    textKey: sha256(letters.join('')),
    sentences: letters.filter((sentence) => sentence.length >= 8),
    titleSlug: slugFromTitle(state.meta.title ?? ''),
  };
}

const MARKUP = /<\s*\/?\s*[a-z!?]|&(?:amp;)*(?:lt|#0*60|#x0*3c);\s*\/?\s*[a-z!?]|javascript\s*:|\bon[a-z]+\s*=/iu;

/**
 * The audit report quotes what ingest removed, but a quote of hostile markup is itself hostile
 * once a page or a JSON download shows it, and so is markup spelled with character references,
 * which the next page to copy the text may turn back into markup. A ledger text that looks like markup is replaced by
 * its size; the raw capture, kept byte for byte, still holds it for anyone who must see it.
 */
function neutralize(entry: LedgerEntry): LedgerEntry {
  const out: LedgerEntry = { ...entry };
  for (const key of ['text', 'before', 'after'] as const) {
    const value = out[key];
    if (value !== undefined && MARKUP.test(value)) out[key] = `〔${[...value].length} 个字符的网页代码，未收录；见原始文件〕`;
  }
  return out;
}

/** Characters that are not white space (a surrogate pair counts once). */
function visibleCharacters(text: string | undefined): number {
  if (!text) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x3000 || code === 0xa0) continue;
    count++;
  }
  return count;
}

/**
 * The front matter, in the order the README documents: the contract's (src/contract.ts).
 * Absent facts are left out, never guessed.
 */
export function frontMatter(draft: ArticleDraft, slug: string, reportPath: string, added: string): ArticleFrontMatter {
  const meta = draft.meta;
  const first = draft.captures[0]!;
  // Every field of the contract, each of its type or undefined; undefined and '' are left out.
  const fields: { [Key in keyof Required<ArticleFrontMatter>]: Required<ArticleFrontMatter>[Key] | undefined } = {
    title: meta.title,
    originalTitle: meta.originalTitle,
    subtitle: meta.subtitle,
    date: meta.date,
    published: meta.published,
    retrieved: meta.retrieved,
    added,
    province: meta.province,
    people: meta.people,
    places: meta.places,
    placePaths: meta.placePaths,
    meetingType: meta.meetingType,
    publisher: meta.publisher,
    site: meta.site,
    sourceUrl: meta.sourceUrl,
    dateline: meta.dateline,
    authors: meta.authors,
    photographers: meta.photographers.length ? meta.photographers : undefined,
    editors: meta.editors,
    slug: slug,
    raw: first.raw,
    rawSha256: first.rawSha256,
    encoding: first.encoding,
    originalScript: draft.originalScript,
    captures: draft.captures.map((capture) => ({ raw: capture.raw, rawSha256: capture.rawSha256, encoding: capture.encoding, ...(capture.site ? { site: capture.site } : {}) })),
    report: reportPath,
    fidelity: draft.fidelity,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== '')) as ArticleFrontMatter;
}

export function renderArticle(draft: ArticleDraft, slug: string, reportPath: string, added: string): string {
  // lineWidth -1: long values stay on one line, so a diff of an article shows the changed field.
  // Given a file object rather than a string, gray-matter does not first parse the content for front
  // matter (and copy it into a Buffer); the output is the same.
  return matter.stringify({ content: `\n${draft.markdown}` }, frontMatter(draft, slug, reportPath, added), { lineWidth: -1 } as never);
}

export function renderReport(draft: ArticleDraft, slug: string, articlePath: string): string {
  const report: AuditReport = {
    slug,
    article: articlePath,
    title: draft.meta.title,
    captures: draft.captures.map((capture) => ({
      raw: capture.raw,
      rawSha256: capture.rawSha256,
      encoding: capture.encoding,
      shape: capture.shape,
      bytes: capture.bytes,
      ...(capture.site ? { site: capture.site } : {}),
      characters: capture.characters,
      entries: capture.ledger,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
