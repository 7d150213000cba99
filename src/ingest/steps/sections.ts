import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import type { ArchiveData } from '../data.ts';
import { blocks, heading, isHeading, textOf } from '../blocks.ts';
import { headingLike } from './captions.ts';

const TIME_OF_DAY = /^(\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚|早上|中午|凌晨)?)[，,]/u;

/**
 * Gives the article its sections.
 * - A short body line without a sentence's punctuation is a heading. Headings that open with an
 *   official's name (杜家毫在株洲督导检查疫情防控工作) divide a round-up into its parts (##); the
 *   others are sub-headings inside them (###). When no heading names an official, all are ##.
 * - A page that reports several meetings without headings (8月4日上午 … 8月4日下午 …) is divided
 *   where the text moves to a new meeting: at the first lead or caption that opens with a new
 *   day and time. Such headings are made by ingest from the words of that lead, and the fidelity
 *   notes say so.
 */
export const markSections: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  let list = blocks(tree);
  const officials = data.officials.flatMap((official) => [official.name, ...official.aliases]);

  const headings = new Set(list.filter((block) => block.tagName === 'p' && headingLike(block)));
  if (headings.size) {
    const namesOfficial = (block: Element) => officials.some((name) => textOf(block).trim().startsWith(name));
    const divided = [...headings].some(namesOfficial);
    list = list.map((block) => {
      if (!headings.has(block)) return block;
      const level = !divided || namesOfficial(block) ? 2 : 3;
      state.ledger.push({ step: 'sections', action: 'moved', label: level === 2 ? '小标题（章节）' : '小标题（节内）', text: textOf(block).trim() });
      return heading(level, textOf(block).trim());
    });
  } else if (!list.some(isHeading)) {
    list = splitMeetings(list, officials, state.fidelity);
  }
  tree.children = list;
};

function splitMeetings(list: Element[], officials: string[], fidelity: string[]): Element[] {
  const starts: { index: number; when: string; lead: string }[] = [];
  const seen = new Set<string>();
  list.forEach((block, index) => {
    const text = block.tagName === 'figure' ? textOf(block) : block.tagName === 'p' ? textOf(block) : '';
    const when = TIME_OF_DAY.exec(text.trim())?.[1];
    if (!when || seen.has(when)) return;
    seen.add(when);
    starts.push({ index, when, lead: text.trim() });
  });
  if (starts.length < 2) return list;
  const made: string[] = [];
  for (const start of starts) {
    const title = meetingHeading(start.when, leadFor(list, start.index), officials);
    if (!title) return list;
    made.push(title);
  }
  // One pass, each heading before its meeting's first block (splicing them in one by one cost the
  // square of the page on a long one).
  const before = new Map(starts.map((start, at) => [start.index, made[at]!]));
  const out: Element[] = [];
  list.forEach((block, index) => {
    const title = before.get(index);
    if (title !== undefined) out.push(heading(2, title));
    out.push(block);
  });
  fidelity.push(`页面在一篇中报道了 ${starts.length} 场会议而没有小标题；ingest 在每场会议开头加了小标题（${made.join('；')}），文字取自该场会议的导语。`);
  return out;
}

/** The first sentence of a section that says who held which meeting. */
function leadFor(list: Element[], from: number): string {
  for (const block of list.slice(from, from + 4)) {
    const text = textOf(block).trim();
    if (/主持召开|主持|召开/u.test(text)) return text;
  }
  return textOf(list[from]!).trim();
}

/** 8月4日上午 + “许达哲紧接着主持召开会议部署疫情防控工作”: the lead's words from the convener on. */
function meetingHeading(when: string, lead: string, officials: string[]): string | undefined {
  const sentence = lead.replace(/^[☆★]/u, '').split(/[。；]/u)[0] ?? '';
  const convened = sentence.search(/主持召开|主持|召开/u);
  if (convened < 0) return undefined;
  let from = -1;
  for (const name of officials) {
    const at = sentence.lastIndexOf(name, convened);
    if (at > from) from = at;
  }
  if (from < 0) return undefined;
  const clause = sentence.slice(from).split(/[，,]/u)[0]!;
  return `${when} ${clause}`;
}
