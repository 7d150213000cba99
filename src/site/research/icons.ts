/**
 * The site's favicon and its og:image, made at build time with no network and no fonts.
 *
 * The favicon is an SVG of shapes only (browsers take SVG favicons), rendered to PNG for the
 * places that want one (apple-touch-icon). The og:image must be a PNG with the archive's name
 * in Chinese, and a fresh machine with Node alone has no CJK font. So the artwork's text is
 * turned into outlines once, on a machine that has a CJK font (Debian: fonts-noto-cjk), with
 * `npx tsx src/site/research/og-artwork.ts <font files…>`, and the outlined SVG is kept in the
 * repository (assets/og-artwork.svg); the build renders it with resvg compiled to WebAssembly
 * (@resvg/resvg-wasm: no native binary, no font lookup), which gives the same bytes on every
 * machine. Noto CJK is under the SIL Open Font License, which allows its glyphs in artwork.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { escapeHtml } from '../html.ts';

export const ICON_COLOURS = { paper: '#fbfaf6', ink: '#1d1c1a', inkSoft: '#4a4740', accent: '#8a1c14', onAccent: '#ffffff' } as const;
export const OG_SIZE = { width: 1200, height: 630 } as const;
export const OG_ARTWORK_FILE = fileURLToPath(new URL('./assets/og-artwork.svg', import.meta.url));

let ready: Promise<void> | undefined;

function resvg(): Promise<void> {
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return ready;
}

/** A red tile with three white bars of a timeline: legible at 16 px, on light and dark tab bars. */
export function faviconSvg(): string {
  const { accent, onAccent } = ICON_COLOURS;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="${accent}"/>
<rect x="7" y="15" width="4" height="10" rx="1" fill="${onAccent}"/>
<rect x="14" y="7" width="4" height="18" rx="1" fill="${onAccent}"/>
<rect x="21" y="11" width="4" height="14" rx="1" fill="${onAccent}"/>
</svg>
`;
}

export interface OgText {
  /** 湘豫防疫会议档案 */
  title: string;
  /** 2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案 */
  tagline: string;
  /** Hunan–Henan COVID-control meetings archive */
  english: string;
}

/** The og:image with its text still as text: the input of `outlineText`. */
export function ogArtworkSource(text: OgText): string {
  const { paper, ink, inkSoft, accent } = ICON_COLOURS;
  const { width, height } = OG_SIZE;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="${paper}"/>
<rect width="${width}" height="24" fill="${accent}"/>
<g fill="${accent}">
<rect x="80" y="150" width="22" height="60" rx="3"/>
<rect x="114" y="110" width="22" height="100" rx="3"/>
<rect x="148" y="130" width="22" height="80" rx="3"/>
</g>
<text x="80" y="340" font-family="Noto Serif CJK SC" font-weight="700" font-size="96" fill="${ink}">${escapeHtml(text.title)}</text>
<text x="80" y="420" font-family="Noto Sans CJK SC" font-size="34" fill="${inkSoft}">${escapeHtml(text.tagline)}</text>
<text x="80" y="500" font-family="Noto Sans CJK SC" font-size="30" fill="${inkSoft}">${escapeHtml(text.english)}</text>
<rect y="${height - 12}" width="${width}" height="12" fill="${accent}"/>
</svg>
`;
}

/** The SVG with every text turned into paths, using the given font files (TrueType, OpenType or collections). */
export async function outlineText(svg: string, fontFiles: readonly Uint8Array[]): Promise<string> {
  await resvg();
  const renderer = new Resvg(svg, { font: { fontBuffers: [...fontFiles] } });
  try {
    return renderer.toString();
  } finally {
    renderer.free();
  }
}

export interface RenderedImage {
  png: Uint8Array;
  /** RGBA, row by row. */
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Renders an SVG to PNG at `width` pixels, with no fonts at all: text that is not outlined does not appear. */
export async function renderImage(svg: string, width: number): Promise<RenderedImage> {
  await resvg();
  const renderer = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { fontBuffers: [] } });
  try {
    const image = renderer.render();
    try {
      return { png: image.asPng(), pixels: image.pixels, width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}

/** The site's og:image: the committed outlined artwork as a 1200 × 630 PNG. */
export async function ogImagePng(): Promise<Uint8Array> {
  return (await renderImage(readFileSync(OG_ARTWORK_FILE, 'utf8'), OG_SIZE.width)).png;
}

/** The favicon as a PNG of `size` pixels (180 for apple-touch-icon). */
export async function faviconPng(size: number): Promise<Uint8Array> {
  return (await renderImage(faviconSvg(), size)).png;
}

/** Where the site publishes its icons and its og:image, root-relative. */
export const ICON_URLS = { favicon: '/favicon.svg', faviconPng: '/favicon.png', appleTouchIcon: '/apple-touch-icon.png', ogImage: '/og-image.png' } as const;
/** The PNG favicon for browsers without SVG favicons, and the home-screen icon iOS asks for. */
export const FAVICON_PNG_SIZE = 32;
export const APPLE_TOUCH_ICON_SIZE = 180;

/** The icon files of the site: root-relative URL → bytes. */
export async function siteIconFiles(): Promise<[string, Uint8Array | string][]> {
  return [
    [ICON_URLS.favicon, faviconSvg()],
    [ICON_URLS.faviconPng, await faviconPng(FAVICON_PNG_SIZE)],
    [ICON_URLS.appleTouchIcon, await faviconPng(APPLE_TOUCH_ICON_SIZE)],
    [ICON_URLS.ogImage, await ogImagePng()],
  ];
}
