import type { Root } from 'hast';
import fc from 'fast-check';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../src/ingest/blocks.ts';
import { DecodeError, decodeCapture } from '../../../src/ingest/decode.ts';
import { repairMisdecodedCapture } from '../../../src/ingest/mojibake/capture.ts';
import { refuseGarbledText } from '../../../src/ingest/steps/legibility.ts';
import { repairMojibake } from '../../../src/ingest/steps/mojibake.ts';
import { CaptureError, emptyMeta, type IngestState } from '../../../src/ingest/types.ts';
import { captureState } from '../helpers.ts';

/**
 * Long repetitive lines of the character classes the mojibake rules look at, fed to every repair
 * step: each must finish. A line of `?a` repeated took minutes in the GBK step, which re-read the
 * text before each candidate run (issue 15). How long they take is measured, per megabyte, by
 * `npx tsx src/bench/repair-cost.ts`, not asserted here.
 */
const UNITS = [
  '?', '!', 'a', 'I', '(', ')', 'shù', '(yī)', '?!', '?shù)', '<', '/p>', '1', ' ', ',', '\n',
  'é', 'Ã', '©', 'â€', '\u0081', '\u009d', '€', '–', '“', '”', '。', '，', '\u3000', '\u00a0',
  '湖', '南', '省', '倍', '偶', '銊', '钇', '髽', '鼷', '婀', '栧', '崡', '鐪', '佽', '仈',
  '锟斤拷', '烫', '屯', '\uFFFD', '\uE0F1', '😀', '𠮷', 'カ', 'ㄛ', '﹝', 'Д', 'β', '─',
];

const line = fc
  .record({
    pattern: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 6 }),
    noise: fc.array(fc.constantFrom(...UNITS), { maxLength: 4 }),
    length: fc.integer({ min: 20_000, max: 60_000 }),
  })
  .map(({ pattern, noise, length }) => {
    const unit = pattern.join('');
    const repeated = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    // A few other characters somewhere, so that the line is not purely periodic.
    return noise.reduce((text, insert, index) => {
      const at = Math.floor(((index + 1) * text.length) / (noise.length + 1));
      return text.slice(0, at) + insert + text.slice(at);
    }, repeated);
  });

// The inputs of issue 15 at their size (150 KB), tried first.
const KNOWN = ['?a', '?!', '當?shù)芈?lián)', 'Ã©', '鼷', '锟斤拷x', 'Äê '].map((unit) => [unit.repeat(Math.ceil(150_000 / unit.length))] as [string]);

function state(): IngestState {
  return captureState({ capture: { path: 'content/raw/long.txt', bytes: new Uint8Array(), sha256: '' }, shape: 'text', meta: { ...emptyMeta(), title: '会议' } });
}

describe('the repair steps on long repetitive lines (property-based)', { timeout: 180_000 }, () => {
  it('decoding (with the undoing of wrong decodings) finishes', () => {
    fc.assert(
      fc.property(line, (text) => {
        try {
          expect(typeof decodeCapture(Buffer.from(text, 'utf8')).text).toBe('string');
        } catch (error) {
          if (!(error instanceof DecodeError)) throw error;
        }
        expect(repairMisdecodedCapture(text).text.length).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 20211211, examples: KNOWN },
    );
  });

  it('the GBK one-byte-out-of-step repair finishes', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(repairMojibake(text).text.length).toBeGreaterThan(0);
      }),
      { numRuns: 25, seed: 20200214, examples: KNOWN },
    );
  });

  it('the legibility check finishes', () => {
    fc.assert(
      fc.property(line, (text) => {
        const tree: Root = { type: 'root', children: text.split('\n').map((part) => paragraph(part)) };
        try {
          unified().use(refuseGarbledText).runSync(tree, new VFile({ data: { ingest: state() } }));
        } catch (error) {
          if (!(error instanceof CaptureError)) throw error;
        }
      }),
      { numRuns: 25, seed: 20210809, examples: KNOWN },
    );
  });
});
