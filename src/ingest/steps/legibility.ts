import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, isBody, textOf } from '../blocks.ts';
import { garbledRuns } from '../mojibake/evidence.ts';
import { CaptureError } from '../types.ts';

/** More of the body than this still garbled after repair, and the capture is refused. */
const MOSTLY = 0.5;
const TITLE_FROM_BODY = 24;

/**
 * Never publishes garbage. After every repair, the text is checked once more for runs that still
 * read as mojibake (src/ingest/mojibake/evidence.ts, garbledRuns): a capture whose body is mostly
 * such runs is refused in one line; a garbled title is replaced by the opening words of the body;
 * a body with a few garbled runs is kept, each run flagged in the audit report, and the first
 * fidelity note says so. Runs the GBK repair step already flagged are not counted twice.
 */
export const refuseGarbledText: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  // The non-ASCII runs of what the GBK repair step flagged, to tell them when met again.
  const flagged = new Set(state.ledger.filter((entry) => entry.action === 'flagged' && entry.text).flatMap((entry) => entry.text!.match(/[^\x00-\x7f\u3000\u00a0]+/gu) ?? []));
  const body = blocks(tree).filter((block) => isBody(block) || block.tagName === 'h2' || block.tagName === 'h3').map(textOf);
  let total = 0;
  let garbled = 0;
  const runs: string[] = [];
  body.forEach((text) => {
    total += nonSpace(text);
    for (const run of garbledRuns(text)) {
      const value = text.slice(run.start, run.end);
      garbled += nonSpace(value);
      if (!flagged.has(enclosing(text, run.start, run.end))) runs.push(value);
    }
  });
  if (total > 0 && garbled > total * MOSTLY) {
    throw new CaptureError(state.capture.path, `still reads as mojibake after repair (${garbled} of ${total} characters of the body, e.g. "${shorten(runs[0] ?? '')}"); not published`);
  }
  const notes: string[] = [];
  const title = state.meta.title ?? '';
  if (title && garbledRuns(title).length) {
    const opening = body.find((text) => text.trim() && !garbledRuns(text).length);
    if (!opening) throw new CaptureError(state.capture.path, `the title still reads as mojibake after repair ("${shorten(title)}") and no clean paragraph can stand for it; not published`);
    state.ledger.push({ step: 'legibility', action: 'flagged', field: 'title', label: '标题是无法修复的乱码，改用正文开头的文字', text: title });
    state.meta.title = `${[...opening.trim()].slice(0, TITLE_FROM_BODY).join('')}…`;
    notes.push(`⚠ 采集页面的标题是无法修复的乱码（「${shorten(title)}」），此处标题取自正文开头的文字。`);
  }
  if (runs.length) {
    for (const run of runs) state.ledger.push({ step: 'legibility', action: 'flagged', label: '修复后仍是乱码，原样保留', text: run });
    const shown = runs.slice(0, 5).map((run) => `「${shorten(run)}」`).join('、');
    notes.push(`⚠ 正文有 ${runs.length} 处修复后仍是乱码（共 ${runs.reduce((sum, run) => sum + nonSpace(run), 0)} 个字符），无法确定原文，原样保留，请对照原始文件阅读：${shown}${runs.length > 5 ? ' 等' : ''}。`);
  }
  if (notes.length) state.fidelity.unshift(...notes);
};

/** The stretch of non-ASCII text a run lies in, as the GBK step's flags quote it. */
function enclosing(text: string, start: number, end: number): string {
  const breaks = (code: number) => code < 0x80 || code === 0x3000 || code === 0xa0;
  let from = start;
  while (from > 0 && !breaks(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !breaks(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

function nonSpace(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code !== 0x3000 && code !== 0xa0) count++;
  }
  return count;
}

function shorten(text: string): string {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
}
