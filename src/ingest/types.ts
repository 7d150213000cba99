import type { ReportEntry, Script } from '../contract.ts';
import type { SiteProfile } from './data.ts';
import type { GazetteerPlace } from './gazetteer.ts';

/** One raw file in `content/raw/`, as read from disk. Never modified: it is evidence. */
export interface CaptureFile {
  /** Path relative to the repository root, with forward slashes (content/raw/000_….txt). */
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

export type Shape = 'hexo-html' | 'hexo-text' | 'markdown' | 'html' | 'text';
/** The script of a capture: mainland Simplified, or Traditional (of Hong Kong or Taiwan when the page is theirs); the contract's (src/contract.ts). */
export type { Script };

/**
 * What ingest did to a capture's text, one entry per act. The audit report of every article is
 * made of these (an entry of the contract's report, src/contract.ts), so that an archivist can
 * check each removal against the raw file.
 */
export type LedgerEntry = ReportEntry;

/** Metadata gathered while reading a capture; becomes the article's front matter. */
export interface ArticleMeta {
  title?: string;
  originalTitle?: string;
  subtitle?: string;
  dateline?: string;
  date?: string;
  published?: string;
  retrieved?: string;
  province?: string;
  people: string[];
  places: string[];
  /** For each of `places`, in the same order: province › prefecture › county, joined by `/` (湖南/长沙/岳麓区). */
  placePaths: string[];
  meetingType: string[];
  publisher?: string;
  site?: string;
  sourceUrl?: string;
  authors: string[];
  photographers: string[];
  editors: string[];
}

/**
 * What an HTML page says about itself outside its visible text (steps/page-head.ts), read before
 * the markup step removes the head and the scripts. Every value is capture text: hostile, to be
 * reduced to plain text by whoever uses it.
 */
export interface PageHead {
  /** The <title>, white space collapsed (often with the site's name appended: …_网易新闻). */
  title?: string;
  /** Every <meta> with a name, property, itemprop or http-equiv, lowercased, in document order. */
  meta: { name: string; content: string }[];
  /** JSON-LD objects of the page, @graph members flattened. */
  jsonLd: Record<string, unknown>[];
  /** Text of inline scripts (CMSs keep publication timestamps there). */
  scripts: string[];
  canonical?: string;
  /** <html lang>: zh-CN, zh-HK, zh-TW … */
  lang?: string;
  /** The charset the page declares (<meta charset>, or http-equiv Content-Type). */
  charset?: string;
  /**
   * The visible lines right under the page's headline (steps/byline.ts), where CMSs print the
   * publication time and source, kept for the date rules before body extraction drops them.
   */
  byline?: string[];
}

/** Where a page named its own site (steps/site-identity.ts). */
export type IdentitySource = 'profile' | 'meta' | 'title' | 'json-ld' | 'footer' | 'author';

/** The site a capture belongs to, as the page names it, and where that site is. */
export interface SiteIdentity {
  /** The name the site's place was read from (洛阳市人民政府), and where. */
  name?: string;
  source?: IdentitySource;
  /** The site's place and its ancestors, from the province down ([湖南, 张家界, 永定区]); empty when no name names a place. */
  places: GazetteerPlace[];
  /** The province of the site's ICP or 公网安备 registration (豫ICP备 → 河南). */
  registration?: string;
}

/** Where a page gives its publication day, most trusted first (README, *Dates*). */
export type PublicationSource = 'byline' | 'front-matter' | 'meta' | 'json-ld' | 'script';

/** The state a capture carries through the pipeline, kept on `file.data.ingest`. */
export interface IngestState {
  capture: CaptureFile;
  encoding: string;
  shape: Shape;
  /** Front matter of a Hexo capture, as parsed (hostile: strings may hold markup). */
  frontMatter: Record<string, unknown>;
  /** The front matter's YAML as the capture wrote it, for reading a value the parser changed (dates). */
  frontMatterSource?: string;
  site?: SiteProfile;
  /** The site the page says it belongs to, and where that is (steps/site-identity.ts). */
  identity?: SiteIdentity;
  /** What an HTML page says of itself in its head and scripts; empty for other shapes. */
  page: PageHead;
  originalScript: Script;
  meta: ArticleMeta;
  /** Facts a step learned that later steps need (the dateline's day, the body's indentation…). */
  hints: {
    datelineMonthDay?: { month: number; day: number };
    datelineLostDigits?: boolean;
    /** The publication day the page gives, from the most trusted of its sources (steps/publication-date.ts). */
    publication?: { day: string; source: PublicationSource; text: string };
  };
  ledger: LedgerEntry[];
  fidelity: string[];
  /** Problems the archivist should see in one line each (`<file>: <warning>`), though the capture went through. */
  warnings: string[];
}

declare module 'vfile' {
  interface DataMap {
    ingest: IngestState;
  }
}

/** A capture that cannot become an article. The CLI prints `<file>: <reason>` and goes on. */
export class CaptureError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'CaptureError';
  }
}

export function emptyMeta(): ArticleMeta {
  return { people: [], places: [], placePaths: [], meetingType: [], authors: [], photographers: [], editors: [] };
}
