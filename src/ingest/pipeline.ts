import type { Root } from 'hast';
import { type Pluggable, unified } from 'unified';
import { VFile } from 'vfile';
import type { ArchiveData, SiteProfile } from './data.ts';
import { DecodeError, decodeCapture } from './decode.ts';
import { FrontMatterRefused } from './front-matter.ts';
import { shapeCapture } from './shapes/index.ts';
import { toBlocks } from './steps/blocks.ts';
import { markCaptions } from './steps/captions.ts';
import { writeFidelityNotes } from './steps/fidelity.ts';
import { stripFurnitureLines } from './steps/furniture-lines.ts';
import { stripFurnitureMarkup } from './steps/furniture-markup.ts';
import { extractDateline, extractHeadline } from './steps/headline.ts';
import { markImageLines } from './steps/images.ts';
import { removeDecorativeImages } from './steps/decorative-images.ts';
import { refuseOversizedArticle } from './steps/article-size.ts';
import { refuseGarbledText } from './steps/legibility.ts';
import { extractMainContent } from './steps/main-content.ts';
import { stripMarkup } from './steps/markup.ts';
import { readByline } from './steps/byline.ts';
import { emptyPageHead, readPageHead } from './steps/page-head.ts';
import { readPublicationDate } from './steps/publication-date.ts';
import { readSiteIdentity } from './steps/site-identity.ts';
import { extractMetadata } from './steps/metadata.ts';
import { repairGbkMojibake } from './steps/mojibake.ts';
import { stripPinyinAnnotations } from './steps/pinyin.ts';
import { cleanMarkupRemnants } from './steps/remnants.ts';
import { sanitizeCapture } from './steps/sanitize.ts';
import { convertToSimplified } from './steps/script.ts';
import { simplified } from './script-variants.ts';
import { trimTextPage } from './steps/text-extent.ts';
import { markSections } from './steps/sections.ts';
import { normalizePunctuation } from './steps/typography.ts';
import { sha256 } from '../support/hash.ts';
import { CaptureError, type CaptureFile, emptyMeta, type IngestState } from './types.ts';

export interface IngestedCapture {
  state: IngestState;
  /** The capture's text as decoded, before any step. */
  text: string;
  tree: Root;
  /** Problems that did not stop the capture (broken front matter read as text). */
  warnings: string[];
}

/**
 * The ingest pipeline: every raw shape is read into one tree, then the same named steps run on
 * every capture, in this order:
 *   page head → byline → site identity → markup → decorative images → sanitize → furniture (markup) → main content → blocks →
 *   repair (mojibake → pinyin → remnants → typography) → script → publication date →
 *   furniture (lines and credits) → images → text extent → headline → captions → dateline →
 *   sections → metadata → fidelity → legibility → article size
 * Repairs come before script conversion because they work on the bytes and readings of the
 * original characters; furniture and metadata rules come after it, so they are written once, in
 * Simplified.
 */
export function pipeline(data: ArchiveData) {
  return unified()
    .use(ingestSteps(data).map((step) => step.plugin))
    .freeze();
}

/** The steps of the pipeline, in order, by name (the benchmark times each: src/bench/step-cost.ts). */
export function ingestSteps(data: ArchiveData): { name: string; plugin: Pluggable }[] {
  return [
    { name: 'page head', plugin: readPageHead },
    { name: 'byline', plugin: readByline },
    { name: 'site identity', plugin: [readSiteIdentity, data] },
    { name: 'markup', plugin: stripMarkup },
    { name: 'decorative images', plugin: [removeDecorativeImages, data.decorativeImages] },
    { name: 'sanitize', plugin: sanitizeCapture },
    { name: 'furniture (markup)', plugin: stripFurnitureMarkup },
    { name: 'main content', plugin: [extractMainContent, data] },
    { name: 'blocks', plugin: toBlocks },
    { name: 'mojibake', plugin: repairGbkMojibake },
    { name: 'pinyin', plugin: stripPinyinAnnotations },
    { name: 'remnants', plugin: cleanMarkupRemnants },
    { name: 'typography', plugin: normalizePunctuation },
    { name: 'script', plugin: [convertToSimplified, data.regions] },
    { name: 'publication date', plugin: [readPublicationDate, data] },
    { name: 'furniture (lines)', plugin: [stripFurnitureLines, data] },
    { name: 'images', plugin: markImageLines },
    { name: 'text extent', plugin: trimTextPage },
    { name: 'headline', plugin: [extractHeadline, data] },
    { name: 'captions', plugin: [markCaptions, data] },
    { name: 'dateline', plugin: [extractDateline, data] },
    { name: 'sections', plugin: [markSections, data] },
    { name: 'metadata', plugin: [extractMetadata, data] },
    { name: 'fidelity', plugin: writeFidelityNotes },
    { name: 'legibility', plugin: refuseGarbledText },
    { name: 'article size', plugin: refuseOversizedArticle },
  ];
}

export function readCaptureFile(path: string, bytes: Uint8Array): CaptureFile {
  return { path, bytes, sha256: sha256(bytes) };
}

export function ingestCapture(capture: CaptureFile, data: ArchiveData, processor = pipeline(data)): IngestedCapture {
  let decoded;
  try {
    decoded = decodeCapture(capture.bytes);
  } catch (error) {
    if (error instanceof DecodeError) throw new CaptureError(capture.path, error.message);
    throw error;
  }
  let shaped;
  try {
    shaped = shapeCapture(decoded.text);
  } catch (error) {
    if (error instanceof FrontMatterRefused) throw new CaptureError(capture.path, error.message);
    throw error;
  }
  const state: IngestState = {
    capture,
    encoding: decoded.encoding,
    shape: shaped.shape,
    frontMatter: shaped.frontMatter,
    ...(shaped.frontMatterSource !== undefined ? { frontMatterSource: shaped.frontMatterSource } : {}),
    page: emptyPageHead(),
    originalScript: 'zh-Hans',
    meta: emptyMeta(),
    hints: {},
    ledger: [...decoded.ledger],
    fidelity: [...decoded.fidelity],
    warnings: [],
  };
  const site = detectSite(decoded.text, data.sites);
  if (site) state.site = site;
  const warnings: string[] = [];
  if (shaped.warning) {
    warnings.push(shaped.warning);
    state.fidelity.push(`原文件开头的文章属性（YAML 格式）无法解析（${shaped.warning}）。`);
  }
  if (shaped.frontMatterReplaced) {
    state.fidelity.push(`文件开头的文章属性中有 ${shaped.frontMatterReplaced} 个不是文字的字符（控制字符、孤立的代理项或非字符），已替换为 U+FFFD（�）。`);
  }
  state.fidelity.push(...(shaped.notes ?? []));
  const file = new VFile({ path: capture.path, data: { ingest: state } });
  const tree = processor.runSync(shaped.tree, file) as Root;
  warnings.push(...state.warnings);
  return { state, text: decoded.text, tree, warnings };
}

/** The site a capture came from: the first profile whose pattern its text shows. */
export function detectSite(text: string, sites: SiteProfile[]): SiteProfile | undefined {
  const sample = text.length > 200_000 ? text.slice(0, 100_000) + text.slice(-100_000) : text;
  const found = sites.find((site) => site.detect.some((pattern) => pattern.test(sample)));
  if (found) return found;
  // A Traditional capture may name its site in Traditional: convert only when the raw text fails.
  const converted = simplified(sample);
  return sites.find((site) => site.detect.some((pattern) => pattern.test(converted)));
}
