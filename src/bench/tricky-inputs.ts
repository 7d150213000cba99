/**
 * Captures made of long repetitive runs of the characters that ingest's rules look at: what a
 * damaged, hostile or merely odd capture can hold in bulk. Each shape is written so that a rule
 * whose cost grows faster than its input (a pattern that backtracks over a line, a list searched
 * once per item, a walk that recurses per level) shows it: one line as long as the capture, or as
 * many short lines or elements as it will hold.
 *
 * Used by the property-based test that every step finishes on them (tests/reliability/
 * long-inputs.test.ts) and by the benchmark of each step's cost per MB (src/bench/step-cost.ts).
 */

export interface TrickyInput {
  name: string;
  /** What it exercises. */
  about: string;
  /** A capture of about `bytes` bytes (UTF-8). */
  make(bytes: number): string;
}

/** A plausible capture around a bulk run: a title, a date, and a sentence, so that ingest reads on past the shape. */
function around(bulk: string, html = false): string {
  if (html) return `<html><head><title>湖南召开疫情防控会议</title></head><body><h1>湖南召开疫情防控会议</h1><p>2021-08-09 10:00</p><p>8月9日，省委书记许达哲主持召开会议。</p>${bulk}<p>他强调，要抓好落实。</p></body></html>\n`;
  return `湖南召开疫情防控会议\n2021-08-09 10:00\n\n8月9日，省委书记许达哲主持召开会议。\n${bulk}\n他强调，要抓好落实。\n`;
}

/** `unit` repeated to about `bytes` UTF-8 bytes. */
function repeat(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit, 'utf8'))));
}

export const TRICKY_INPUTS: TrickyInput[] = [
  { name: 'han-line', about: 'one line of Chinese as long as the capture', make: (bytes) => around(repeat('疫情防控工作会议部署', bytes)) },
  { name: 'open-parenthesis', about: 'an opening parenthesis, then one long line of Chinese', make: (bytes) => around(`(${repeat('疫情防控工作会议部署', bytes)}`) },
  { name: 'parentheses', about: 'half-width parentheses around Chinese, many on one line', make: (bytes) => around(repeat('(会议)(部署', bytes)) },
  { name: 'half-width-punctuation', about: 'half-width , ; : ? ! between Chinese characters on one line', make: (bytes) => around(repeat('会,议;部:署?工!作', bytes)) },
  { name: 'commas-and-spaces', about: 'commas followed by long runs of spaces', make: (bytes) => around(repeat(`会,${' '.repeat(200)}`, bytes)) },
  { name: 'spaces', about: 'runs of spaces, no-break spaces and ideographic spaces', make: (bytes) => around(`会${repeat(' \u00a0\u3000 ', bytes)}议`) },
  { name: 'short-lines', about: 'as many short lines as the capture holds', make: (bytes) => around(repeat('第一行会议。\n', bytes)) },
  { name: 'short-paragraphs', about: 'as many short paragraphs (blank line between) as the capture holds', make: (bytes) => around(repeat('会议部署\n\n', bytes)) },
  { name: 'heading-lines', about: 'short lines without sentence punctuation (heading-like), and dated leads', make: (bytes) => around(repeat('许达哲在长沙督导\n8月4日上午，许达哲主持召开会议\n', bytes)) },
  { name: 'question-ascii', about: 'a question mark and an ASCII letter, repeated (mojibake candidates)', make: (bytes) => around(repeat('?a', bytes)) },
  { name: 'mojibake', about: 'UTF-8 text misread as GBK, repeated', make: (bytes) => around(repeat('鐤儏闃叉帶宸ヤ綔浼氳', bytes)) },
  { name: 'pinyin', about: 'characters each followed by a pinyin annotation', make: (bytes) => around(repeat('疫(yì)情(qíng)', bytes)) },
  { name: 'entities', about: 'character references, double-encoded, in a text capture', make: (bytes) => around(repeat('&amp;lt;p&amp;gt;&nbsp;&#x3C;', bytes)) },
  { name: 'tags-as-text', about: 'tag-like text with and without closing >', make: (bytes) => around(repeat('<a <b/x=1 </p', bytes)) },
  { name: 'open-anchors', about: '`<a ` repeated: HTML or text?', make: (bytes) => around(repeat('<a ', bytes)) },
  { name: 'unclosed-inline', about: 'inline elements opened and never closed, nested as deep as the capture allows', make: (bytes) => around(repeat('<b><i>会', bytes), true) },
  { name: 'nested-blocks', about: 'block elements nested as deep as the capture allows', make: (bytes) => around(`${repeat('<div>', bytes / 2)}会议${repeat('</div>', bytes / 2)}`, true) },
  { name: 'images-in-a-sentence', about: 'one sentence holding as many images as the capture allows', make: (bytes) => around(`<p>会议${repeat('<img src=a.jpg>', bytes)}部署。</p>`, true) },
  { name: 'many-paragraphs', about: 'as many short HTML paragraphs as the capture holds', make: (bytes) => around(repeat('<p>会议部署。</p>', bytes), true) },
  { name: 'dates', about: 'dates and times in every form, repeated on one line', make: (bytes) => around(repeat('2021年8月9日 2021-08-09 10:00 8月9日讯', bytes)) },
  { name: 'names', about: 'officials and places, repeated on one line', make: (bytes) => around(repeat('许达哲毛伟明长沙株洲湘西', bytes)) },
  { name: 'digits', about: 'one long run of digits', make: (bytes) => around(repeat('0123456789', bytes)) },
  { name: 'control-characters', about: 'control characters, lone surrogates and noncharacters between Chinese', make: (bytes) => around(repeat('疫情防控工作会议部署\u0001情防控工作会议部署\ufffe情防控工作会议部署\ud800', bytes)) },
  { name: 'front-matter', about: 'a Hexo post whose front matter holds one long value', make: (bytes) => `---\ntitle: 湖南召开疫情防控会议\ndate: 2021-08-09 10:00:00\ntags: [${repeat('会议,', bytes / 2)}]\n---\n${around(repeat('疫情防控', bytes / 2))}` },
];
