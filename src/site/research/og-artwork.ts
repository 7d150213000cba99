/**
 * Remakes assets/og-artwork.svg, the og:image with its text in outlines, from the archive's
 * name and the CJK fonts given on the command line (run it when the name or the design changes):
 *
 *   npx tsx src/site/research/og-artwork.ts /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc \
 *     /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
 *
 * The fonts come from Debian's fonts-noto-cjk; any fonts with the families the artwork names
 * (Noto Serif CJK SC, Noto Sans CJK SC) will do.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { OG_ARTWORK_FILE, ogArtworkSource, outlineText, type OgText } from './icons.ts';

export const ARCHIVE_OG_TEXT: OgText = {
  title: '湘豫防疫会议档案',
  tagline: '2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案',
  english: 'Hunan–Henan COVID-control meetings archive',
};

async function main(fontPaths: string[]): Promise<void> {
  if (fontPaths.length === 0) {
    console.error('usage: npx tsx src/site/research/og-artwork.ts <font file>… (e.g. Debian fonts-noto-cjk: /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc)');
    process.exit(2);
  }
  const fonts = fontPaths.map((file) => {
    try {
      return new Uint8Array(readFileSync(file));
    } catch {
      console.error(`${file}: cannot be read`);
      process.exit(2);
    }
  });
  const outlined = await outlineText(ogArtworkSource(ARCHIVE_OG_TEXT), fonts);
  if (outlined.includes('<text')) {
    console.error(`${fontPaths.join(', ')}: the fonts left some text without outlines`);
    process.exit(1);
  }
  const temporary = `${OG_ARTWORK_FILE}.tmp`;
  writeFileSync(temporary, outlined);
  renameSync(temporary, OG_ARTWORK_FILE);
  console.log(`${OG_ARTWORK_FILE}: ${Buffer.byteLength(outlined)} bytes`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await main(process.argv.slice(2));
}
