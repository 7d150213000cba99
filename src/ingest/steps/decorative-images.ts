import type { Element, Root } from 'hast';
import { find, html } from 'property-information';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { DecorativeImageRules } from '../data.ts';

/**
 * Removes the images of an HTML capture that are page decoration rather than photographs of the
 * report (main-content.yaml, decorativeImages): a QR code, logo or icon by its address or alt
 * text, a banner or divider by its declared shape, a spacer or tracking pixel by its declared
 * size. Left in, each would become a placeholder for a photo that never was. It runs before
 * sanitize, which keeps an image's src and alt only: the lazy-loading address and the declared
 * size are read here.
 */
export const removeDecorativeImages: Plugin<[DecorativeImageRules], Root> = (rules) => {
  const words = new Set(rules.words);
  const property = (attribute: string) => find(html, attribute).property;
  const sources = rules.sourceAttributes.map(property);
  const ratios = rules.ratioAttributes.map(property);
  return (tree, file) => {
    const state = file.data.ingest!;
    if (state.shape === 'text' || state.shape === 'hexo-text') return;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || index === undefined || !parent) return;
      const address = sources.map((name) => node.properties[name]).find((value): value is string => typeof value === 'string' && value.trim() !== '');
      const reason = decoration(node, address, { words, rules, ratios });
      if (!reason) return;
      parent.children.splice(index, 1);
      state.ledger.push({ step: 'images', action: 'removed', rule: `images/${reason}`, label: LABELS[reason], ...(address ? { text: shortAddress(address) } : {}) });
      return [SKIP, index];
    });
  };
};

type Reason = 'decoration-name' | 'decoration-shape' | 'decoration-size';

const LABELS: Record<Reason, string> = {
  'decoration-name': '装饰图片（二维码、标志或图标，据图片地址或说明文字）',
  'decoration-shape': '装饰图片（横幅或分隔线，据标明的宽高）',
  'decoration-size': '装饰图片（占位或统计用的小图，据标明的尺寸）',
};

function decoration(
  node: Element,
  address: string | undefined,
  { words, rules, ratios }: { words: ReadonlySet<string>; rules: DecorativeImageRules; ratios: string[] },
): Reason | undefined {
  if (address && addressParts(address).some((part) => words.has(part))) return 'decoration-name';
  const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
  // Chinese has no spaces between words: a Han word counts anywhere in the alt text.
  if (alt && (wordParts(alt).some((part) => words.has(part)) || [...words].some((word) => /\p{Script=Han}/u.test(word) && alt.includes(word)))) return 'decoration-name';
  const width = pixels(node, 'width');
  const height = pixels(node, 'height');
  if ((width !== undefined && width <= rules.speckPixels) || (height !== undefined && height <= rules.speckPixels)) return 'decoration-size';
  const declared = ratios.map((name) => Number(node.properties[name])).find((value) => Number.isFinite(value) && value > 0);
  const ratio = declared ?? (width && height ? height / width : undefined);
  if (ratio !== undefined && ratio < rules.stripRatio) return 'decoration-shape';
  return undefined;
}

/** The lowercase words of an address's path, its host left out: https://a.cn/img/shareQrCode.png → img, shareqrcode, share, qr, code, png. */
function addressParts(address: string): string[] {
  let path = address.split(/[?#]/)[0] ?? '';
  if (/^data:/i.test(path)) return [];
  path = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept as written: a malformed escape is still a readable path.
  }
  return wordParts(path);
}

/** The lowercase words of a text split at anything but letters and digits, and camelCase words also whole. */
function wordParts(text: string): string[] {
  const parts: string[] = [];
  for (const piece of text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    parts.push(piece.toLowerCase());
    const camel = piece.split(/(?<=\p{Ll})(?=\p{Lu})/u);
    if (camel.length > 1) parts.push(...camel.map((word) => word.toLowerCase()));
  }
  return parts;
}

/** A declared size in CSS pixels, from the attribute or the inline style. */
function pixels(node: Element, side: 'width' | 'height'): number | undefined {
  const attribute = node.properties[side];
  if (typeof attribute === 'number' && attribute > 0) return attribute;
  if (typeof attribute === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(attribute)) return Number.parseFloat(attribute);
  const style = typeof node.properties.style === 'string' ? node.properties.style : '';
  const match = new RegExp(`(?:^|;)\\s*${side}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`, 'i').exec(style);
  return match ? Number(match[1]) : undefined;
}

/** An address as the audit report quotes it: an inline image by its type alone, a long address cut. */
function shortAddress(address: string): string {
  const inline = /^(data:[^,;]*)[^,]*,/i.exec(address);
  if (inline) return `${inline[1]}…`;
  return address.length > 120 ? `${address.slice(0, 117)}…` : address;
}
