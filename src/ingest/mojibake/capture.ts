import type { LedgerEntry } from '../types.ts';
import { badness, hasSuspectCharacters, profile } from './evidence.ts';
import { applyRepairs, describeReadings, type KnownBytes, LOST, type Marker, planCaptureRepairs, readingsKey, type WindowRepair } from './redecode.ts';

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
  if (plan.every((repairs) => !repairs.length)) return { text, ledger: [], fidelity: [] };
  const restored = restoreFromCopies(lines, plan);
  const ledger: LedgerEntry[] = [];
  const applied: { repairs: WindowRepair[]; after: string }[] = [];
  plan.forEach((repairs, index) => {
    if (!repairs.length) return;
    const before = lines[index]!;
    const after = applyRepairs(before, repairs);
    lines[index] = after;
    applied.push({ repairs, after });
    for (const group of groups(repairs)) ledger.push(entry(before, group, restored));
  });
  return { text: lines.join('\n'), ledger, fidelity: notes(applied, restored) };
}

/** Characters read back from another copy, by the repair that had lost them. */
type Restorations = Map<WindowRepair, string[]>;

/** Three characters before a lost one, two of them Han at least, pin down the phrase it belongs to. */
const CONTEXT = 3;

/**
 * A character lost in one copy of a text and whole in another: a page names its headline in its
 * <title>, its <h1> and its description, and a misreading that lost the last byte of a run in
 * one copy (the run there had an odd number of bytes) often kept it in another (where an ASCII
 * letter followed, and paired with it). Where the other copies of the three characters before the
 * marker continue with a character whose UTF-8 begins and ends with the bytes that survived at
 * the marker, and all of them with the same one, the marker is that character. The repairs are changed in
 * place; what was read back is returned, for the audit report.
 */
function restoreFromCopies(lines: string[], plan: WindowRepair[][]): Restorations {
  const restored: Restorations = new Map();
  const repaired = plan.map((repairs, index) => (repairs.length ? applyRepairs(lines[index]!, repairs) : lines[index]!));
  interface Lost {
    line: number;
    at: number;
    repair: WindowRepair;
    marker: Marker & { known: KnownBytes };
    found: Set<string>;
  }
  const byContext = new Map<string, Lost[]>();
  plan.forEach((repairs, line) => {
    let shift = 0;
    for (const repair of repairs) {
      const start = repair.start + shift;
      shift += repair.after.length - (repair.end - repair.start);
      for (const marker of repair.markers) {
        if (!marker.known || marker.lost !== 1) continue;
        const at = start + marker.at;
        const context = repaired[line]!.slice(at - CONTEXT, at);
        if (at < CONTEXT || context.length !== CONTEXT || context.includes(LOST) || [...context].filter((char) => /\p{Script=Han}/u.test(char)).length < 2) continue;
        const list = byContext.get(context) ?? [];
        list.push({ line, at, repair, marker: marker as Marker & { known: KnownBytes }, found: new Set() });
        byContext.set(context, list);
      }
    }
  });
  if (!byContext.size) return restored;
  const firsts = new Set([...byContext.keys()].map((context) => context.charCodeAt(0)));
  repaired.forEach((text, line) => {
    for (let at = 0; at + CONTEXT < text.length; at++) {
      if (!firsts.has(text.charCodeAt(at))) continue;
      const waiting = byContext.get(text.slice(at, at + CONTEXT));
      if (!waiting) continue;
      const next = text.codePointAt(at + CONTEXT)!;
      const char = String.fromCodePoint(next);
      for (const lost of waiting) {
        if (lost.line === line && lost.at === at + CONTEXT) continue;
        // A copy that goes on otherwise is another phrase; one whose character fits is a witness.
        if (fits(char, lost.marker.known)) lost.found.add(char);
      }
    }
  });
  for (const list of byContext.values()) {
    for (const lost of list) {
      const [char] = [...lost.found];
      // Every witness agrees, on a character of the basic plane (it takes the marker's place exactly).
      if (lost.found.size !== 1 || !char || char.length !== 1) continue;
      const { repair, marker } = lost;
      repair.after = repair.after.slice(0, marker.at) + char + repair.after.slice(marker.at + 1);
      repair.lost -= 1;
      repair.markers = repair.markers.filter((other) => other !== marker);
      restored.set(repair, [...(restored.get(repair) ?? []), char]);
    }
  }
  return restored;
}

/** Whether a character's UTF-8 has the length and the surviving bytes of a lost one. */
function fits(char: string, known: KnownBytes): boolean {
  const bytes = Buffer.from(char, 'utf8');
  if (bytes.length !== known.length || known.prefix.length + known.suffix.length >= known.length) return false;
  return known.prefix.every((byte, index) => bytes[index] === byte) && known.suffix.every((byte, index) => bytes[bytes.length - known.suffix.length + index] === byte);
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

function entry(line: string, repairs: WindowRepair[], restored: Restorations): LedgerEntry {
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
    `乱码特征（生僻字、拉丁字母、控制字符、私用区字符等，加权计）由 ${round(badness(before))} 降至 ${round(badness(after))}，常用字由 ${profile(before).commonHan} 个变为 ${profile(after).commonHan} 个`,
    lost ? `${lost}${repairs.some((repair) => repair.lostApproximate) ? ' 个以上' : ' 个'}字的字节已在错误读取时丢失，以 ${LOST} 标出` : '',
    earlier ? `${earlier} 个 U+FFFD（更早的一次转换已丢失的字节，显示为“锟斤拷”之类）以 ${LOST} 标出` : '',
    memory ? `${memory} 字节未初始化的内存（0xCC/0xCD，显示为“烫烫烫”“屯屯屯”）不是文字，以 ${LOST} 标出` : '',
    readBack(repairs, restored),
  ].filter(Boolean);
  const rules = [...new Set(repairs.map((repair) => readingsKey(repair.readings) || 'uninitialised-memory'))];
  return { step: 'redecode', action: 'repaired', rule: `redecode/${rules.join(',')}`, label: evidence.join('；'), before, after };
}

function readBack(repairs: WindowRepair[], restored: Restorations): string {
  const chars = repairs.flatMap((repair) => restored.get(repair) ?? []);
  return chars.length ? `丢失的「${chars.join('」「')}」在本页另一处相同的文字中字节完整（前三个字相同，残存的字节相符），据此补回` : '';
}

function notes(applied: { repairs: WindowRepair[]; after: string }[], restored: Restorations): string[] {
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
    notes.push(`原文有 ${count} 处文字曾按错误的编码读取（${kinds}），已按字节还原；每处的乱码原文和依据见整理记录。`);
  }
  const lossy = all.filter((repair) => repair.lost > 0);
  if (lossy.length) {
    const approximate = lossy.some((repair) => repair.lostApproximate);
    notes.push(
      `其中 ${lossy.length} 处的字节在错误读取时已经丢失，共 ${approximate ? '至少 ' : ''}${total(lossy, 'lost')} 个字无法恢复，未作补写，每处以一个 ${LOST} 标出：${places(applied, (repair) => repair.lost > 0)}。`,
    );
  }
  const readBackChars = all.flatMap((repair) => restored.get(repair) ?? []);
  if (readBackChars.length) {
    notes.push(`另有 ${readBackChars.length} 个在错误读取时丢了字节的字，在本页另一处相同的文字中完整保留（前三个字相同，残存的字节相符），已据此补回：「${readBackChars.join('」「')}」。`);
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

function total(repairs: WindowRepair[], key: 'lost' | 'earlierLost' | 'uninitialised'): number {
  return repairs.reduce((sum, repair) => sum + repair[key], 0);
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
