import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { blocks, isBody, textOf } from '../blocks.ts';
import type { LedgerEntry } from '../types.ts';
import { simplified } from './script.ts';

/**
 * Signs that a capture lost digits: a measure word or date with nothing to count
 * (湖南日报新湖南客户端月日讯, 连续天, 会上，个市州).
 */
const LOST_DIGITS: { pattern: RegExp; what: string; skip?: number }[] = [
  { pattern: /(?<![\d〇零一二三四五六七八九十])月(?:\d{1,2})?日(?=讯|电|以来|起|至|到|，|我省|本土)/gu, what: '日期' },
  { pattern: /(?<![\d〇零一二三四五六七八九十])(?:\d{1,2})?月日/gu, what: '日期' },
  { pattern: /连续(?=[天日周个次年])/gu, what: '天数' },
  // The punctuation is matched rather than looked behind for (much faster), then skipped.
  { pattern: /[，。、；：“]个(?=市州|市|县|省|地区|部门|小组|方面)/gu, what: '数量', skip: 1 },
];

/**
 * Writes the fidelity notes: plain sentences on what ingest changed in the text and what it could
 * not recover, drawn from the ledger and from the text itself. They are the reader's account of
 * how far the article can be trusted; the audit report has every detail.
 */
export const writeFidelityNotes: Plugin<[], Root> = () => (tree, file) => {
  const state = file.data.ingest!;
  const notes: string[] = [];
  const ledger = state.ledger;
  const by = (step: string, action?: LedgerEntry['action']) => ledger.filter((entry) => entry.step === step && (!action || entry.action === action));

  if (state.encoding !== 'utf-8') notes.push(`原始文件的编码为 ${state.encoding}，已转为 UTF-8。`);

  const furniture = by('furniture', 'removed');
  if (furniture.length) {
    const labels = [...new Set(furniture.map((entry) => entry.label).filter(Boolean))];
    notes.push(`删除了 ${furniture.length} 处页面杂项（${labels.slice(0, 8).join('、')}${labels.length > 8 ? '等' : ''}），逐条记录见整理记录。`);
  }
  const markup = by('markup', 'removed');
  if (markup.length) {
    const labels = [...new Set(markup.map((entry) => entry.label).filter(Boolean))];
    notes.push(`删除了 ${markup.length} 处不显示的网页代码（${labels.join('、')}）。`);
  }
  const frontMatter = by('front-matter', 'removed');
  if (frontMatter.length) notes.push(`文件开头的文章属性（博客程序用的标题、日期、分类等）中与文章无关的 ${frontMatter.length} 项（${frontMatter.map((entry) => entry.text!.split(':')[0]).join('、')}）未收入，原文见整理记录。`);
  const unwrapped = by('furniture', 'unwrapped');
  if (unwrapped.length) {
    notes.push(`去掉了 ${unwrapped.length} 处嵌在句中的链接标记（${[...new Set(unwrapped.map((entry) => entry.label))].join('、')}），文字保留在原句中（${[...new Set(unwrapped.map((entry) => entry.text).filter(Boolean))].join('、')}）。`);
  }
  const moved = [...by('furniture', 'moved'), ...by('headline', 'moved')];
  const fields = [...new Set(moved.flatMap((entry) => String(entry.field ?? '').split(/,\s*/u)).map((field) => FIELD_NAMES[field]).filter(Boolean))];
  if (fields.length) notes.push(`${fields.join('、')}从正文移入元数据。`);
  const repeated = by('headline', 'removed');
  if (repeated.length) notes.push('正文开头重复了标题，已删去重复的部分。');

  const repaired = by('mojibake', 'repaired');
  if (repaired.length) {
    notes.push(
      `修复了 ${repaired.length} 处 GBK 乱码（字节错位读出的错字），修复后为：${repaired.map((entry) => `「${simplified((entry.after ?? '').replace(/[<(]$/u, ''))}」`).join('、')}。每处的乱码原文和修复依据见整理记录。`,
    );
  }
  const flagged = by('mojibake', 'flagged');
  if (flagged.length) {
    notes.push(`有 ${flagged.length} 处疑似乱码无法可靠修复，原样保留在正文中，位置见整理记录。`);
  }
  const pinyin = by('pinyin');
  if (pinyin.length) {
    const total = pinyin.reduce((sum, entry) => sum + (entry.count ?? 1), 0);
    notes.push(`删除了 ${total} 处附在字后的拼音注音（如 ${pinyin.slice(0, 3).map((entry) => simplified(entry.text ?? '')).join('、')}）。`);
  }
  const remnants = by('remnants');
  if (remnants.length) {
    const labels = [...new Set(remnants.map((entry) => entry.label))];
    notes.push(`清除了 ${remnants.length} 处排版残留（${labels.join('、')}）。`);
  }
  const scriptName = { 'zh-Hant': '繁体中文', 'zh-Hant-HK': '香港繁体中文', 'zh-Hant-TW': '台湾繁体中文' }[state.originalScript as string];
  if (scriptName) notes.push(`原文为${scriptName}，已用 opencc-js 转为简体；繁体版由简体转回，个别字形可能与原文不同。`);
  const typography = by('typography');
  const widths = typography.filter((entry) => !String(entry.text).includes('空格') && !String(entry.text).includes('装饰'));
  if (widths.length) {
    const total = widths.reduce((sum, entry) => sum + (entry.count ?? 1), 0);
    notes.push(`${total} 处半角标点改为全角（${widths.map((entry) => entry.text).join('、')}），用词未改。`);
  }
  const ornaments = typography.filter((entry) => String(entry.text).includes('装饰'));
  if (ornaments.length) notes.push(`删除了段首的装饰符号（${ornaments.map((entry) => entry.text!.split('→')[0]).join('、')}）。`);
  const captions = by('captions');
  const photos = blocks(tree).filter((block) => block.tagName === 'figure').length;
  if (photos) {
    notes.push(`原页面有 ${photos} 处图片，图片本身未存档${captions.length ? '；图片说明作为图注保留' : ''}。`);
  }

  // What the capture itself lost.
  const body = blocks(tree).filter(isBody).map(textOf);
  const text = body.join('\n');
  const lost = LOST_DIGITS.flatMap(({ pattern, skip = 0 }) => [...text.matchAll(pattern)].map((match) => context(text, match.index! + skip, match[0].length - skip)));
  const uniqueLost = [...new Set(lost)];
  if (uniqueLost.length) {
    notes.push(`采集时丢失了数字：${uniqueLost.map((where) => `「${where}」`).join('、')} 等处缺少日期或数量，原文无从恢复，未作补写。`);
  }
  const length = [...text].length;
  if (length >= 500 && !/[、“”；]/u.test(text)) {
    notes.push('正文中没有一个顿号、引号或分号：原文的大部分标点很可能在采集时丢失，未作补写。');
  }
  if (body.length === 1 && length >= 1000) notes.push('原文的分段在采集时丢失，全文只有一段，未作拆分。');

  state.fidelity = [...notes, ...state.fidelity];
};

const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  originalTitle: '原标题',
  subtitle: '副题',
  dateline: '电头',
  publisher: '来源',
  published: '发布日期',
  retrieved: '采集日期',
  authors: '作者',
  photographers: '摄影',
  editors: '编辑',
};

function context(text: string, at: number, length: number): string {
  const chars = [...text];
  const start = [...text.slice(0, at)].length;
  return chars.slice(Math.max(0, start - 4), start + [...text.slice(at, at + length)].length + 3).join('').replace(/\n/g, ' ');
}
