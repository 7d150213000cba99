import { describe, expect, it } from 'vitest';
import type { Element, Text } from 'hast';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { CHART_LABELS_EN, meetingsPerMonth, PROVINCE_COLOURS, timelineChart, type ChartMeeting } from '../../src/site/research/timeline-chart.ts';

const meetings: ChartMeeting[] = [
  { date: '2020-02-14', province: '湖南' },
  { date: '2020-02-15', province: '湖南' },
  { date: '2020-02-20', province: '河南' },
  { date: '2020-04-01', province: '湖南' },
  { date: '2020-04-30', province: '湖北' },
  { date: '2021-01-03', province: '河南' },
];
const series = [
  { province: '湖南', label: '湖南', colour: PROVINCE_COLOURS['湖南']! },
  { province: '河南', label: '河南', colour: PROVINCE_COLOURS['河南']! },
];
const monthUrl = (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}/`;

describe('meetings per month', () => {
  it('counts every month from the first meeting to the last, by province, the rest as other', () => {
    const months = meetingsPerMonth(meetings, ['湖南', '河南']);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ year: 2020, month: 2, counts: [2, 1], other: 0, total: 3 });
    expect(months[1]).toEqual({ year: 2020, month: 3, counts: [0, 0], other: 0, total: 0 });
    expect(months[2]).toEqual({ year: 2020, month: 4, counts: [1, 0], other: 1, total: 2 });
    expect(months.at(-1)).toEqual({ year: 2021, month: 1, counts: [0, 1], other: 0, total: 1 });
    expect(months.reduce((sum, month) => sum + month.total, 0)).toBe(meetings.length);
  });

  it('leaves out articles without a meeting day and is empty for none', () => {
    expect(meetingsPerMonth([{ date: '', province: '湖南' }], ['湖南'])).toEqual([]);
  });
});

// The SVG and table are parsed as a browser would parse them inside a page.
type Node = Element;
function fragment(markup: string) {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(markup);
  const attr = (node: Node, name: string) => {
    const value = node.properties[name === 'aria-labelledby' ? 'ariaLabelledBy' : name === 'aria-describedby' ? 'ariaDescribedBy' : name === 'class' ? 'className' : name];
    return value === undefined ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
  };
  // Every text node, as textContent reads them (hast-util-to-text follows innerText, which skips <title>).
  const text = (node: Node | Text): string => (node.type === 'text' ? node.value : node.children.map((child) => (child.type === 'element' || child.type === 'text' ? text(child) : '')).join(''));
  return { attr, text, named: (name: string) => selectAll(name, tree) as Node[] };
}

describe('the chart', () => {
  const chart = timelineChart({ meetings, series, monthUrl });

  it('links each month that has meetings to its month page, once in the chart and once in the table', () => {
    const svg = fragment(chart.svg.toString());
    const barLinks = svg.named('a').map((link) => svg.attr(link, 'href'));
    expect(barLinks).toEqual(['/archive/2020/02/', '/archive/2020/04/', '/archive/2021/01/']);
    const table = fragment(chart.table.toString());
    expect(table.named('a').map((link) => table.attr(link, 'href'))).toEqual(barLinks);
  });

  it('draws each province’s share of a month as its own segment, tallest month filling the scale', () => {
    const svg = fragment(chart.svg.toString());
    const [february] = svg.named('a');
    const segments = february!.children.filter((node): node is Node => node.type === 'element' && node.tagName === 'rect' && Boolean(svg.attr(node, 'class')));
    expect(segments.map((rect) => svg.attr(rect, 'fill'))).toEqual([PROVINCE_COLOURS['湖南'], PROVINCE_COLOURS['河南']]);
    const heights = segments.map((rect) => Number(svg.attr(rect, 'height')));
    // 2 of Hunan and 1 of Henan on a 180 px scale that ends at the busiest month's 3; the
    // upper segment gives 2 px to the gap between the colours.
    expect(heights[0]).toBeCloseTo(120, 1);
    expect(heights[1]! + 2).toBeCloseTo(60, 1);
    expect(svg.text(february!)).toContain('2020年2月：湖南共 2 场，河南共 1 场');
  });

  it('is labelled by its title and described by a description naming the range and the totals', () => {
    const svg = fragment(chart.svg.toString());
    const [root] = svg.named('svg');
    expect(svg.attr(root!, 'role')).toBe('group');
    expect(svg.attr(root!, 'aria-labelledby')).toBe('timeline-chart-title');
    expect(root!.properties.ariaDescribedBy).toEqual(['timeline-chart-desc']);
    expect(svg.text(svg.named('title')[0]!)).toBe('每月会议数（按省份）');
    expect(svg.text(svg.named('desc')[0]!)).toBe('2020年2月至2021年1月每月报道的会议数，各省份叠放：湖南共 3 场，河南共 2 场，其他共 1 场。各月数字见图下的表格。');
  });

  it('gives the table the same numbers, every month a row, with headers for each column and row', () => {
    const table = fragment(chart.table.toString());
    const rows = table.named('tr').map((row) => row.children.filter((cell): cell is Node => cell.type === 'element').map(table.text));
    expect(rows[0]).toEqual(['月份', '湖南', '河南', '其他', '合计']);
    expect(rows[1]).toEqual(['2020年2月', '2', '1', '0', '3']);
    expect(rows[2]).toEqual(['2020年3月', '0', '0', '0', '0']);
    expect(rows).toHaveLength(13);
    expect(table.named('th').filter((cell) => table.attr(cell, 'scope') === 'row')).toHaveLength(12);
  });

  it('speaks English with the English labels', () => {
    const english = timelineChart({ meetings, series: [{ ...series[0]!, label: 'Hunan' }, { ...series[1]!, label: 'Henan' }], monthUrl, labels: CHART_LABELS_EN });
    const table = fragment(english.table.toString());
    expect(table.named('a').map(table.text)).toEqual(['Feb 2020', 'Apr 2020', 'Jan 2021']);
    expect(english.svg.toString()).toContain('<title>Feb 2020: Hunan 2 in all, Henan 1 in all</title>');
  });

  it('prints hostile province labels and URLs as text', () => {
    const hostile = timelineChart({
      meetings,
      series: [{ province: '湖南', label: '<script>alert(1)</script>', colour: '#cf4b2d' }],
      monthUrl: () => '"><script>alert(2)</script>',
    });
    for (const markup of [hostile.svg.toString(), hostile.table.toString()]) {
      const parsed = fragment(markup);
      expect(parsed.named('script')).toHaveLength(0);
    }
  });
});
