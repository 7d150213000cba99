import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, setText, textOf } from '../blocks.ts';
import type { Regions } from '../data.ts';
import { outletRegion } from '../outlet.ts';
import { countChanged, hasTraditional, hongKongForms, isTraditional, simplified, type Variant, variantCharacters } from '../script-variants.ts';
import type { IngestState, Script } from '../types.ts';

// Older callers convert front-matter strings with the default (Taiwan's) configuration.
export { hasTraditional, simplified } from '../script-variants.ts';

/** Which script a text is written in, without regard to region. */
export function detectScript(text: string, converted = simplified(text)): 'zh-Hans' | 'zh-Hant' {
  return isTraditional(text, converted) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The region whose variant a capture's text is in: the outlet's (language tag, host, site
 * profile; regions.yaml), else Hong Kong's when the text writes forms only Hong Kong writes.
 */
export function textVariant(state: IngestState, text: string, regions: Regions): { variant: Variant; script: Script } {
  const region = outletRegion(state, regions);
  if (region) return { variant: region.opencc, script: region.script };
  if (hongKongForms(text) >= regions.hongKongForms) {
    const hongKong = regions.regions.find((candidate) => candidate.opencc === 'hk' && candidate.script === 'zh-Hant-HK');
    return { variant: 'hk', script: hongKong?.script ?? 'zh-Hant' };
  }
  return { variant: 'tw', script: 'zh-Hant' };
}

/**
 * Records the capture's script and converts every block to Simplified with opencc-js, with the
 * configuration of the text's region (script-variants.ts), so that the archive is searched and
 * tagged in one script; the site makes the Traditional edition back from it. The Hexo front
 * matter's title is converted with the text. A variant character that neither configuration
 * converts is named in the fidelity notes, never left silently.
 */
export const convertToSimplified: Plugin<[Regions], Root> = (regions) => (tree, file) => {
  const state = file.data.ingest!;
  const list = blocks(tree);
  // One conversion of all the text (blocks joined by a character opencc leaves alone) costs far
  // less than one per block, and the same result tells the original script.
  const texts = list.map(textOf);
  const all = texts.join(SEPARATOR);
  const title = typeof state.frontMatter.title === 'string' ? state.frontMatter.title : '';
  if (!hasTraditional(all) && !hasTraditional(title)) {
    // Nothing opencc would change: the text is Simplified already, and conversion would be idle.
    state.originalScript = 'zh-Hans';
    return;
  }
  const { variant, script } = textVariant(state, all, regions);
  const converted = simplified(all, variant);
  state.originalScript = isTraditional(all, converted) ? script : 'zh-Hans';
  const convertedTexts = converted.split(SEPARATOR);
  const changed = convertedTexts.length === texts.length ? countChanged(all, converted) : 0;
  list.forEach((block, index) => {
    const text = convertedTexts.length === texts.length ? convertedTexts[index]! : simplified(texts[index]!, variant);
    if (text !== texts[index]) setText(block, text);
    const data = block.data as { image?: string } | undefined;
    if (data?.image) data.image = simplified(data.image, variant);
  });
  if (title) state.frontMatter.title = simplified(title, variant);
  if (changed) {
    const label = variant === 'hk' ? '繁体转简体（opencc-js，香港字形）' : '繁体转简体（opencc-js）';
    state.ledger.push({ step: 'script', action: 'converted', label, count: changed });
  }
  const left = variantCharacters(converted);
  if (left.length) state.fidelity.push(`转为简体后仍有 ${left.length} 个繁体或异体字无法转换（${left.join('、')}），按原样保留。`);
};

const SEPARATOR = '\u0000';
