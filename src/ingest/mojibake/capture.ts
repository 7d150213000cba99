import type { LedgerEntry } from '../types.ts';
import { hasSuspectCharacters } from './evidence.ts';
import { applyRepairs, describeReadings, LOST, planCaptureRepairs, readingsKey, type WindowRepair } from './redecode.ts';

/**
 * Undoes the wrong decodings a capture's text shows (redecode.ts), as part of decoding it: before
 * the text is shaped, so that a Hexo post's front matter parses (YAML refuses the C1 controls a
 * Windows-1252 misreading leaves), the site is recognised, and the title, dates and body are all
 * read from the repaired text. The lines of the text are its units: each window of a line is
 * judged on its own evidence, since a page may be damaged in one part only, and a short window (a
 * lone 年 misread as `Äê`) only when the capture shows the same misreading with strong evidence.
 * Every repair goes into the audit report with the misreading undone and the evidence; the
 * fidelity notes say what was repaired, and how many characters were lost and where.
 */
export interface RepairedCapture {
  text: string;
  ledger: LedgerEntry[];
  fidelity: string[];
}

/** Repairs closer together than this are one entry of the audit report. */
const ENTRY_GAP = 16;

export function repairMisdecodedCapture(text: string): RepairedCapture {
  // Clean text: one pass of table lookups, and nothing else.
  if (!hasSuspectCharacters(text)) return { text, ledger: [], fidelity: [] };
  const lines = text.split('\n');
  const plan = planCaptureRepairs(lines);
  const ledger: LedgerEntry[] = [];
  const applied: { repairs: WindowRepair[]; after: string }[] = [];
  let changed = false;
  plan.forEach((repairs, index) => {
    if (!repairs.length) return;
    const before = lines[index]!;
    const after = applyRepairs(before, repairs);
    lines[index] = after;
    changed = true;
    applied.push({ repairs, after });
    for (const group of groups(repairs)) ledger.push(entry(before, group));
  });
  if (!changed) return { text, ledger, fidelity: [] };
  return { text: lines.join('\n'), ledger, fidelity: notes(applied) };
}

/** Repairs of one line, in runs whose gaps are short: a paragraph of mojibake is one entry, not one per clause. */
function groups(repairs: WindowRepair[]): WindowRepair[][] {
  const out: WindowRepair[][] = [];
  for (const repair of repairs) {
    const last = out[out.length - 1];
    if (last && repair.start - last[last.length - 1]!.end <= ENTRY_GAP) last.push(repair);
    else out.push([repair]);
  }
  return out;
}

function entry(line: string, repairs: WindowRepair[]): LedgerEntry {
  const first = repairs[0]!;
  const last = repairs[repairs.length - 1]!;
  // `before` as the capture has it and `after` as the article has it: the one replays into the other.
  const before = line.slice(first.start, last.end);
  const after = applyRepairs(before, repairs.map((repair) => ({ ...repair, start: repair.start - first.start, end: repair.end - first.start })));
  const readings = [...new Set(repairs.filter((repair) => repair.readings.length).map((repair) => describeReadings(repair.readings)))];
  const lost = total(repairs, 'lost');
  const earlier = total(repairs, 'earlierLost');
  const memory = total(repairs, 'uninitialised');
  const evidence = [
    readings.length ? `${readings.join('；')}：还原为当时读到的字节，再按原编码解码` : '',
    `乱码特征（生僻字、拉丁字母、控制字符、私用区字符等，加权计）由 ${round(total(repairs, 'badnessBefore'))} 降至 ${round(total(repairs, 'badnessAfter'))}，常用字由 ${total(repairs, 'commonBefore')} 个变为 ${total(repairs, 'commonAfter')} 个`,
    lost ? `${lost}${repairs.some((repair) => repair.lostApproximate) ? ' 个以上' : ' 个'}字的字节已在错误读取时丢失，以 ${LOST} 标出` : '',
    earlier ? `${earlier} 个 U+FFFD（更早的一次转换已丢失的字节，显示为“锟斤拷”之类）以 ${LOST} 标出` : '',
    memory ? `${memory} 字节未初始化的内存（0xCC/0xCD，显示为“烫烫烫”“屯屯屯”）不是文字，以 ${LOST} 标出` : '',
  ].filter(Boolean);
  const rules = [...new Set(repairs.map((repair) => readingsKey(repair.readings) || 'uninitialised-memory'))];
  return { step: 'redecode', action: 'repaired', rule: `redecode/${rules.join(',')}`, label: evidence.join('；'), before, after };
}

function notes(applied: { repairs: WindowRepair[]; after: string }[]): string[] {
  const notes: string[] = [];
  const all = applied.flatMap(({ repairs }) => repairs);
  const byReading = new Map<string, number>();
  for (const repair of all) {
    if (!repair.readings.length) continue;
    const name = describeReadings(repair.readings);
    byReading.set(name, (byReading.get(name) ?? 0) + 1);
  }
  if (byReading.size) {
    const count = [...byReading.values()].reduce((sum, value) => sum + value, 0);
    const kinds = [...byReading].map(([name, value]) => `${name}，${value} 处`).join('；');
    notes.push(`原文有 ${count} 处文字曾按错误的编码读取（${kinds}），已按字节还原；每处的乱码原文和依据见审计报告。`);
  }
  const lossy = all.filter((repair) => repair.lost > 0);
  if (lossy.length) {
    const approximate = lossy.some((repair) => repair.lostApproximate);
    notes.push(
      `其中 ${lossy.length} 处的字节在错误读取时已经丢失，共 ${approximate ? '至少 ' : ''}${total(lossy, 'lost')} 个字无法恢复，未作补写，每处以一个 ${LOST} 标出：${places(applied, (repair) => repair.lost > 0)}。`,
    );
  }
  if (all.some((repair) => repair.earlierLost > 0)) {
    notes.push(`原文有“锟斤拷”一类乱码：更早的一次转换已把那里的字换成了无法解码的字符，原字无从恢复，以 ${LOST} 标出：${places(applied, (repair) => repair.earlierLost > 0)}。`);
  }
  if (all.some((repair) => repair.uninitialised > 0)) {
    notes.push(`原文有“烫烫烫”或“屯屯屯”：那是未初始化的内存被当作文字保存下来，不是原文，以 ${LOST} 标出：${places(applied, (repair) => repair.uninitialised > 0)}。`);
  }
  return notes;
}

/** Where the markers of some repairs stand, with a few characters either side. */
function places(applied: { repairs: WindowRepair[]; after: string }[], which: (repair: WindowRepair) => boolean): string {
  const found: string[] = [];
  for (const { repairs, after } of applied) {
    let shift = 0;
    for (const repair of repairs) {
      const start = repair.start + shift;
      shift += repair.after.length - (repair.end - repair.start);
      if (!which(repair)) continue;
      for (let at = repair.after.indexOf(LOST); at >= 0; at = repair.after.indexOf(LOST, at + 1)) {
        const position = start + at;
        found.push(`「${after.slice(Math.max(0, position - 6), position + 7).replace(/<[^>]*>?|\s+/gu, ' ').trim()}」`);
      }
    }
  }
  const shown = found.slice(0, 8);
  return `${shown.join('、')}${found.length > shown.length ? ` 等 ${found.length} 处` : ''}`;
}

function total(repairs: WindowRepair[], key: 'lost' | 'earlierLost' | 'uninitialised' | 'badnessBefore' | 'badnessAfter' | 'commonBefore' | 'commonAfter'): number {
  return repairs.reduce((sum, repair) => sum + repair[key], 0);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
