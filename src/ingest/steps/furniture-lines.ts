import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import type { ArchiveData, LineRule } from '../data.ts';
import { blocks, dataOf, isBody, setText, textOf } from '../blocks.ts';
import { applyFields } from '../fields.ts';

/**
 * Removes furniture lines (navigation, page dates, counters, toolbars, footers, notices) and
 * credit lines, by the rules in content/data/furniture.yaml and the capture's site profile.
 * Credit lines are not lost: their named groups become front matter (来源 → publisher,
 * 责任编辑 → editors), and every removal keeps its text in the audit report.
 */
export const stripFurnitureLines: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  const rules = [...(state.site?.lines ?? []), ...data.furniture];
  const blockRules = rules.filter((rule) => rule.scope === 'block');
  const tailRules = rules.filter((rule) => rule.scope === 'tail');

  const kept: Element[] = [];
  for (const block of blocks(tree)) {
    if (block.tagName === 'figure') {
      kept.push(block);
      continue;
    }
    const text = textOf(block).trim();
    const rule = blockRules.find((candidate) => candidate.pattern.test(text));
    if (!rule) {
      kept.push(block);
      continue;
    }
    record(rule, dataOf(block).raw ?? text, rule.pattern.exec(text)?.groups);
  }
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

  function record(rule: LineRule, text: string, groups: Record<string, string> | undefined) {
    const fields = groups ? applyFields(state.meta, groups, data, state.site) : [];
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
