import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ARCHIVE_OG_TEXT } from '../../src/site/research/og-artwork.ts';
import {
  faviconPng,
  faviconSvg,
  ICON_COLOURS,
  OG_ARTWORK_FILE,
  OG_SIZE,
  ogArtworkSource,
  ogImagePng,
  outlineText,
  renderImage,
  type RenderedImage,
} from '../../src/site/research/icons.ts';

// Debian's fonts-noto-cjk, which the browser tests need as well (README: apt-get install -y chromium fonts-noto-cjk).
const FONTS = ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

/** Pixels in a box that are much darker than the paper: where text was drawn. */
function inkIn(image: RenderedImage, box: { x: number; y: number; width: number; height: number }): number {
  let ink = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const at = (y * image.width + x) * 4;
      if (image.pixels[at]! + image.pixels[at + 1]! + image.pixels[at + 2]! < 3 * 128) ink += 1;
    }
  }
  return ink;
}

const TITLE_BOX = { x: 80, y: 250, width: 780, height: 110 };
const ENGLISH_BOX = { x: 80, y: 470, width: 700, height: 40 };
const noExternalReference = (svg: string) => {
  expect(svg).not.toMatch(/<(image|script|foreignObject|style)\b/);
  expect(svg).not.toMatch(/\b(href|src)\s*=|url\(/);
};

describe('the favicon', () => {
  it('is an SVG of shapes alone, drawn in the archive’s red', async () => {
    const svg = faviconSvg();
    expect(svg).not.toContain('<text');
    noExternalReference(svg);
    const image = await renderImage(svg, 32);
    const centre = (16 * 32 + 4) * 4;
    expect([...image.pixels.subarray(centre, centre + 3)]).toEqual([0x8a, 0x1c, 0x14]);
  });

  it('renders to PNG at the sizes browsers ask for', async () => {
    for (const size of [32, 180]) {
      const png = await faviconPng(size);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
  });
});

describe('the og:image', () => {
  it('shows the archive’s name on a machine with no fonts, from the outlined artwork in the repository', async () => {
    const artwork = readFileSync(OG_ARTWORK_FILE, 'utf8');
    expect(artwork).not.toContain('<text');
    noExternalReference(artwork);
    const outlined = await renderImage(artwork, OG_SIZE.width);
    expect({ width: outlined.width, height: outlined.height }).toEqual(OG_SIZE);
    // The same design with its text still as text draws nothing there without fonts: the ink is the outlines'.
    const unoutlined = await renderImage(ogArtworkSource(ARCHIVE_OG_TEXT), OG_SIZE.width);
    expect(inkIn(unoutlined, TITLE_BOX)).toBe(0);
    expect(inkIn(outlined, TITLE_BOX)).toBeGreaterThan(TITLE_BOX.width * TITLE_BOX.height * 0.1);
    expect(inkIn(outlined, ENGLISH_BOX)).toBeGreaterThan(1000);
  });

  it('is a 1200 × 630 PNG, the same bytes every time', async () => {
    const first = await ogImagePng();
    expect([...first.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(first)).toEqual(OG_SIZE);
    expect(Buffer.from(await ogImagePng()).equals(Buffer.from(first))).toBe(true);
  });

  it('has its text outlined from CJK fonts by outlineText', async () => {
    const missing = FONTS.filter((file) => !existsSync(file));
    if (missing.length > 0) throw new Error(`${missing.join(', ')} not found: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)`);
    const source = ogArtworkSource({ ...ARCHIVE_OG_TEXT, title: '档案 & <样张>' });
    const outlined = await outlineText(source, FONTS.map((file) => new Uint8Array(readFileSync(file))));
    expect(outlined).not.toContain('<text');
    const image = await renderImage(outlined, OG_SIZE.width);
    expect(inkIn(image, { x: 80, y: 250, width: 400, height: 110 })).toBeGreaterThan(2000);
  });

  it('draws in the site’s colours', () => {
    const artwork = readFileSync(OG_ARTWORK_FILE, 'utf8');
    for (const colour of [ICON_COLOURS.paper, ICON_COLOURS.accent, ICON_COLOURS.ink]) expect(artwork).toContain(colour);
  });
});
