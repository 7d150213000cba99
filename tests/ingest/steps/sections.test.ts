import type { Root } from 'hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { blocks, paragraph } from '../../../src/ingest/blocks.ts';
import { markSections } from '../../../src/ingest/steps/sections.ts';
import { emptyMeta, type IngestState } from '../../../src/ingest/types.ts';
import { archiveData, ingest } from '../helpers.ts';

const HEAD = '省领导督导检查疫情防控工作\n发布时间:2020-02-16\n\n';
const LONG = '他强调，要深入贯彻落实中央和省委决策部署，切实把各项防控措施抓细抓实，坚决打赢疫情防控阻击战，努力实现全年目标任务。';

describe('sections', () => {
  it('makes a heading of a short unpunctuated line, ## for one naming an official, ### inside it', () => {
    const result = ingest(`${HEAD}杜家毫在株洲督导检查疫情防控工作\n\n2月14日，杜家毫到株洲督导检查。${LONG}\n\n越是最吃劲，越要咬紧牙\n\n${LONG}\n\n许达哲赴娄底督导检查疫情防控工作\n\n2月15日，许达哲到娄底督导检查。${LONG}\n`);
    expect(result.markdown.match(/^#{2,3} .+$/gmu)).toEqual(['## 杜家毫在株洲督导检查疫情防控工作', '### 越是最吃劲，越要咬紧牙', '## 许达哲赴娄底督导检查疫情防控工作']);
  });

  it('makes every heading ## when none names an official', () => {
    const result = ingest(`${HEAD}2月14日，会议召开。${LONG}\n\n社区防控要做到情况明\n\n${LONG}\n\n保护好自己就能更好地保护人民群众\n\n${LONG}\n`);
    expect(result.markdown.match(/^#{2,3} .+$/gmu)).toEqual(['## 社区防控要做到情况明', '## 保护好自己就能更好地保护人民群众']);
  });

  it('divides a page reporting two meetings at the lead of the second, with headings from the leads', () => {
    const result = ingest(
      `${HEAD}8月4日上午，省委书记许达哲主持召开会议，部署疫情防控工作。${LONG}\n\n${LONG}\n\n\n\n8月4日下午，省长毛伟明主持召开省安委会全体会议。${LONG}\n\n${LONG}\n`,
    );
    expect(result.markdown.match(/^## .+$/gmu)).toEqual(['## 8月4日上午 许达哲主持召开会议', '## 8月4日下午 毛伟明主持召开省安委会全体会议']);
    expect(result.state.fidelity.join('\n')).toContain('加了小标题');
  });

  it('leaves a page about one meeting undivided', () => {
    const result = ingest(`${HEAD}8月4日上午，省委书记许达哲主持召开会议。${LONG}\n\n8月4日上午的会议还强调，要抓好落实。${LONG}\n`);
    expect(result.markdown).not.toMatch(/^## /mu);
  });
});

describe('sections of a very long page', () => {
  const run = (tree: Root) => {
    const state = { meta: emptyMeta(), ledger: [], fidelity: [], hints: {} } as unknown as IngestState;
    unified().use(markSections, archiveData()).runSync(tree, new VFile({ data: { ingest: state } }));
    return state;
  };

  it('makes headings of 300,000 short lines', () => {
    // Each line was looked up in the list of headings: 300,000 lines cost the square of that.
    const tree: Root = { type: 'root', children: Array.from({ length: 300_000 }, (_, n) => paragraph(`第${n}项会议部署`)) };
    run(tree);
    const list = blocks(tree);
    expect(list).toHaveLength(300_000);
    expect(list.every((block) => block.tagName === 'h2')).toBe(true);
  });

  it('divides a page of thousands of dated leads, one heading before each', () => {
    const leads = Array.from({ length: 12 * 28 }, (_, n) => `${(n % 12) + 1}月${Math.floor(n / 12) + 1}日上午，省委书记许达哲主持召开会议，部署第${n}项工作。`);
    const tree: Root = { type: 'root', children: leads.flatMap((lead) => [paragraph(lead), ...Array.from({ length: 300 }, () => paragraph('他强调，要抓好落实。'))]) };
    const state = run(tree);
    const list = blocks(tree);
    expect(list.filter((block) => block.tagName === 'h2')).toHaveLength(leads.length);
    expect(list).toHaveLength(leads.length * 302);
    expect(list[0]!.tagName).toBe('h2');
    expect(state.fidelity.join('')).toContain(`${leads.length} 场会议`);
  });
});
