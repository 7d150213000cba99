import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import type { ArchiveData, LineRule } from '../data.ts';
import { blocks, dataOf, isBody, isProse, setText, textOf } from '../blocks.ts';
import { creditFields, creditRule, readChromeCredits, readCreditLine } from '../credits.ts';
import { applyFields } from '../fields.ts';
import { mayHold, prefilterWords } from '../pattern-literals.ts';

/**
 * Removes furniture lines (navigation, page dates, counters, toolbars, footers, notices) and
 * credit lines, by the rules in content/data/furniture.yaml and the capture's site profile, and
 * the labels of content/data/credits.yaml (credits.ts). Credit lines are not lost: their values
 * become front matter (来源 → publisher, 记者 → authors, 责任编辑 → editors), also where they share
 * a line of chrome that a rule removes, and every removal keeps its text in the audit report.
 * Rules scoped to the head apply only above the article's first paragraph of prose, where the
 * byline is; rules scoped to the foot only below its last, where a signature date is. Dates are
 * not chosen here: the publication-date step has chosen the publication day among all the page's
 * sources, and a line that gave it is recorded as moved there.
 *
 * A rule that matches a block holding more than the furniture (a disclaimer at the start of a
 * run-on paragraph, a copyright at its end) removes the phrase, never the prose: the block is cut
 * at the sentence or space where the phrase ends (or begins), when what remains is article prose
 * that no rule matches. A rule that still removes a block of more than one sentence says so in the
 * fidelity notes.
 */
export const stripFurnitureLines: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const rules = [...(state.site?.lines ?? []), ...data.furniture];
  // Each block is tried against every rule: a rule that would scan the whole block first looks for the words it needs.
  const blockRules = rules
    .filter((rule) => rule.scope === 'block' || rule.scope === 'head' || rule.scope === 'foot')
    .map((rule) => ({ rule, words: prefilterWords(rule.pattern) }));
  const tailRules = rules.filter((rule) => rule.scope === 'tail');
  const publication = state.hints.publication?.day;

  const list = blocks(tree);
  const prose = list.map((block) => block.tagName !== 'figure' && isProse(textOf(block)));
  const proseAt = prose.indexOf(true);
  const lastProseAt = prose.lastIndexOf(true);
  const kept: Element[] = [];
  list.forEach((block, index) => {
    if (block.tagName === 'figure') {
      kept.push(block);
      return;
    }
    const inHead = proseAt < 0 || index < proseAt;
    const inFoot = lastProseAt >= 0 && index > lastProseAt;
    const matching = (text: string) =>
      blockRules.find(
        ({ rule: candidate, words }) =>
          (candidate.scope !== 'head' || inHead) && (candidate.scope !== 'foot' || inFoot) && mayHold(text, words) && candidate.pattern.test(text),
      )?.rule;
    let text = textOf(block).trim();
    let rule = matching(text);
    if (!rule) {
      const credits = readCreditLine(text, data.credits);
      if (!credits) {
        kept.push(block);
        return;
      }
      const { id, label } = creditRule(credits);
      record({ id, label }, dataOf(block).raw ?? text, creditFields(credits));
      return;
    }
    // A furniture phrase glued to the article's prose (a disclaimer opening a run-on paragraph of
    // a page saved as text): the phrase goes, the prose stays.
    for (let glued = gluedPhrase(rule, text, matching); rule && glued; glued = rule && gluedPhrase(rule, text, matching)) {
      record(rule, glued.phrase, rule.pattern.exec(glued.phrase)?.groups);
      text = glued.rest;
      rule = matching(text);
    }
    if (!rule) {
      setText(block, text);
      kept.push(block);
      return;
    }
    const whole = text === textOf(block).trim() ? (dataOf(block).raw ?? text) : text;
    // A line of chrome may carry credits too (发布时间：… 来源：洛阳日报 浏览次数：…): they are read first.
    const credits = readChromeCredits(text, data.credits);
    record(rule, whole, { ...(credits ? creditFields(credits) : {}), ...rule.pattern.exec(text)?.groups });
    if (proseSentences(text) > 1) {
      const sentences = text.split(/(?<=[。！？])/u).filter((sentence) => sentence.trim()).length;
      state.fidelity.push(`页面杂项规则“${rule.label}”（${rule.id}）删除了一整段 ${sentences} 句的文字（“${[...text].slice(0, 30).join('')}……”），原文见整理记录。`);
    }
  });
  tree.children = kept;

  // Credits written at the end of the last paragraph (……落到实处。(柳柯) / ……责任编辑蔡东海).
  const last = [...kept].reverse().find(isBody);
  if (last) {
    let text = textOf(last);
    for (let matched = true; matched; ) {
      matched = false;
      for (const rule of tailRules) {
        const match = rule.pattern.exec(text);
        if (!match || match.index === 0) continue;
        record(rule, match[0], match.groups);
        text = text.slice(0, match.index).trimEnd();
        matched = true;
      }
    }
    setText(last, text);
  }

  function record(rule: Pick<LineRule, 'id' | 'label'>, text: string, groups: Record<string, string | undefined> | undefined) {
    const fields = groups ? applyFields(state.meta, groups, data, state.site, publication) : [];
    state.ledger.push({
      step: 'furniture',
      action: fields.length ? 'moved' : 'removed',
      rule: rule.id,
      label: rule.label,
      text,
      ...(fields.length ? { field: fields.join(', ') } : {}),
    });
  }
};

const PROSE = /\p{Script=Han}/gu;
const PHRASE_MAX = 300;

/**
 * What is left of a block once the phrase is cut must be the article's prose, not more furniture
 * (a disclaimer's second sentence): two sentences and this many Chinese characters at least.
 */
const ARTICLE_MIN = 80;

function hanCount(text: string): number {
  return text.match(PROSE)?.length ?? 0;
}

/** Sentences of prose in a text: runs of ten or more Chinese characters ending a sentence. */
function proseSentences(text: string): number {
  return text.split(/(?<=[。！？])/u).filter((sentence) => /[。！？]$/u.test(sentence) && hanCount(sentence) >= 10).length;
}

/**
 * The furniture phrase at the start or the end of a block that the rule matches on its own,
 * leaving article prose (ARTICLE_MIN, matched by no rule).
 * Cuts are tried after sentence punctuation and at spaces, within PHRASE_MAX characters of either
 * end; the shortest phrase wins.
 */
function gluedPhrase(rule: LineRule, text: string, matching: (text: string) => LineRule | undefined): { phrase: string; rest: string } | undefined {
  if (hanCount(text) < ARTICLE_MIN) return undefined;
  const cuts: number[] = [];
  for (const match of text.matchAll(/[。！？；]+|[\s\u3000]+/gu)) {
    const at = match.index! + match[0].length;
    if (at > 0 && at < text.length) cuts.push(at);
  }
  const prose = (rest: string) => hanCount(rest) >= ARTICLE_MIN && proseSentences(rest) >= 2 && !matching(rest);
  // A phrase of furniture is short: only cuts near either end are tried, so a long block costs no more.
  for (const at of cuts.filter((cut) => cut <= PHRASE_MAX)) {
    const phrase = text.slice(0, at).trim();
    const rest = text.slice(at).trim();
    if (rule.pattern.test(phrase) && prose(rest)) return { phrase, rest };
  }
  for (const at of cuts.filter((cut) => cut >= text.length - PHRASE_MAX).reverse()) {
    const phrase = text.slice(at).trim();
    const rest = text.slice(0, at).trim();
    if (rule.pattern.test(phrase) && prose(rest)) return { phrase, rest };
  }
  return undefined;
}
