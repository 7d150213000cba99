import type { Root } from 'hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../src/ingest/blocks.ts';
import { type ArticleLimits, refuseOversizedArticle } from '../../../src/ingest/steps/article-size.ts';
import { CaptureError } from '../../../src/ingest/types.ts';
import { captureState, ingest } from '../helpers.ts';

function run(texts: string[], limits?: ArticleLimits): Root {
  const tree: Root = { type: 'root', children: texts.map((text) => paragraph(text)) };
  unified().use(refuseOversizedArticle, limits).runSync(tree, new VFile({ data: { ingest: captureState({ capture: { path: 'content/raw/dump.html', bytes: new Uint8Array(), sha256: '' } }) } }));
  return tree;
}

function refusal(action: () => unknown): CaptureError {
  try {
    action();
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error('the capture was not refused');
}

const SENTENCE = '会议强调，要坚决落实各项防控措施。';

describe('refuseOversizedArticle', () => {
  it('keeps an article at the limits whole', () => {
    const texts = Array.from({ length: 4 }, () => SENTENCE);
    const tree = run(texts, { blocks: 4, characters: 4 * [...SENTENCE].length });
    expect(tree.children).toHaveLength(4);
  });

  it('refuses, in one line naming the file and the size, an article of more paragraphs than a page holds', () => {
    const error = refusal(() => run(Array.from({ length: 5 }, () => SENTENCE), { blocks: 4, characters: 1_000 }));
    expect(error.file).toBe('content/raw/dump.html');
    expect(error.reason).toContain('5 paragraphs');
    expect(error.message).not.toContain('\n');
  });

  it('refuses an article of more characters than a page holds, counting characters, not UTF-16 units', () => {
    const rare = '𠀀'.repeat(10);
    expect(() => run([rare], { blocks: 10, characters: 10 })).not.toThrow();
    const error = refusal(() => run([rare, '会'], { blocks: 10, characters: 10 }));
    expect(error.reason).toContain('11 characters');
  });

  it('refuses a whole capture of 150,000 short paragraphs (2.5 MB, under the size limit of a capture), and nothing else of ingest fails on it', () => {
    const text = `湖南召开疫情防控会议\n2021-08-09 10:00\n\n${Array.from({ length: 150_000 }, () => '会议部署。').join('\n\n')}\n`;
    const error = refusal(() => ingest(text, 'content/raw/dump.txt'));
    expect(error.file).toBe('content/raw/dump.txt');
    expect(error.reason).toMatch(/too long for one page/u);
  }, 120_000);
});
