/**
 * The home page's chart of meetings per month by province, made at build time: an inline SVG
 * of stacked bars (no script), each bar a link to its month's page, and an HTML table of the
 * same numbers for screen readers and for anyone who wants the figures.
 *
 * The SVG is as wide as its container: bar positions are percentages and text keeps its pixel
 * size, so labels stay readable from a 375 px phone to a 1280 px screen. Text and grid lines
 * use `currentColor`, and the bar colours have at least 3:1 contrast against both a light and
 * a dark page, so the chart follows the page's theme. Bars carry class names for a stylesheet
 * that wants other colours. Stacked segments are separated by a gap, so that no two colours
 * have to contrast with each other.
 *
 * The SVG is a labelled group (its title) described by its description, not `role="img"`:
 * an image's content is presentational, so links inside one are an accessibility error (axe's
 * nested-interactive). The bar links are left out of the tab order, since keyboard users get
 * the same links in the table; screen readers reach them with their names (the bar's title).
 */
import { html, joined, type Markup } from '../html.ts';
import { interfaceText, type InterfaceText } from '../interface-text.ts';

export interface ChartMeeting {
  /** Meeting day, YYYY-MM-DD. */
  date: string;
  province: string;
}

export interface ChartSeries {
  province: string;
  /** The province as the edition writes it (湖南, Hunan). */
  label: string;
  /** A fill colour with 3:1 contrast against light and dark pages. */
  colour: string;
}

/**
 * Interface strings, Simplified by default. Placeholders: {year}, {month} (1–12), {monthName}
 * (from `monthNames`), {province}, {count}, {first}, {last}, {totals}, {parts}. Every value is a
 * plain string, so the Traditional edition converts them as it converts all interface text.
 */
export interface ChartLabels {
  title: string;
  description: string;
  totalsItem: string;
  listSeparator: string;
  month: string;
  tick: string;
  year: string;
  barTitle: string;
  tableCaption: string;
  monthHeader: string;
  totalHeader: string;
  other: string;
  monthNames?: readonly string[];
}

/** The chart's labels in an edition's script, from the site's interface text. */
export function chartLabels(ui: InterfaceText): ChartLabels {
  return {
    title: ui.chartTitle,
    description: ui.chartDescription,
    totalsItem: ui.chartTotalsItem,
    listSeparator: ui.chartListSeparator,
    month: ui.chartMonth,
    tick: ui.chartTick,
    year: ui.chartYear,
    barTitle: ui.chartBarTitle,
    tableCaption: ui.chartTableCaption,
    monthHeader: ui.chartMonthHeader,
    totalHeader: ui.chartTotalHeader,
    other: ui.chartOther,
    ...(ui.chartMonthNames ? { monthNames: ui.chartMonthNames.split(' ') } : {}),
  };
}

export const CHART_LABELS_ZH: ChartLabels = chartLabels(interfaceText('zh-Hans'));

export const CHART_LABELS_EN: ChartLabels = chartLabels(interfaceText('en'));

/** Hunan, Henan and the rest; each ≥ 3:1 against #fbfaf6 and against #161514. */
export const PROVINCE_COLOURS: Readonly<Record<string, string>> = { 湖南: '#cf4b2d', 河南: '#3a78c2' };
export const OTHER_COLOUR = '#7a7a7a';

export interface MonthCount {
  year: number;
  month: number;
  /** Meetings per series, in the order of the series, then the count of all other provinces. */
  counts: number[];
  other: number;
  total: number;
}

/** Meetings per month and province, for every month from the first meeting's to the last's. */
export function meetingsPerMonth(meetings: readonly ChartMeeting[], provinces: readonly string[]): MonthCount[] {
  const dated = meetings.filter((meeting) => /^\d{4}-\d{2}-\d{2}$/.test(meeting.date));
  if (dated.length === 0) return [];
  const key = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const keys = dated.map((meeting) => key(meeting.date));
  const first = Math.min(...keys);
  const months: MonthCount[] = [];
  for (let index = first; index <= Math.max(...keys); index += 1) {
    months.push({ year: Math.floor(index / 12), month: (index % 12) + 1, counts: provinces.map(() => 0), other: 0, total: 0 });
  }
  for (const meeting of dated) {
    const month = months[key(meeting.date) - first]!;
    const series = provinces.indexOf(meeting.province);
    if (series >= 0) month.counts[series]! += 1;
    else month.other += 1;
    month.total += 1;
  }
  return months;
}

export interface TimelineChartInput {
  meetings: readonly ChartMeeting[];
  series: readonly ChartSeries[];
  /** The URL of a month's page, as the page should link it (path prefix included). */
  monthUrl: (year: number, month: number) => string;
  labels?: ChartLabels;
  /** Makes the SVG's ids unique when a page holds more than one chart. */
  idPrefix?: string;
}

export interface TimelineChart {
  svg: Markup;
  table: Markup;
  months: MonthCount[];
}

const LEGEND_HEIGHT = 28;
const PLOT_HEIGHT = 180;
const AXIS_HEIGHT = 40;
const GUTTER = 8; // per cent of the width, for the count labels
const BAR_SHARE = 0.7;
const SEGMENT_GAP = 2;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Roughly how wide a label is at 12 px: Chinese characters are square, Latin letters about half that. */
function textWidth(label: string): number {
  return [...label].reduce((width, char) => width + (/[\u2e80-\uffff]/.test(char) ? 12 : 7), 0);
}

function percent(value: number): string {
  return `${Number(value.toFixed(4))}%`;
}

/** A round step for the count axis, so that it has at most four grid lines. */
function axisStep(max: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (step * magnitude * 4 >= max) return step * magnitude;
  }
}

export function timelineChart(input: TimelineChartInput): TimelineChart {
  const labels = input.labels ?? CHART_LABELS_ZH;
  const id = input.idPrefix ?? 'timeline-chart';
  const months = meetingsPerMonth(input.meetings, input.series.map((series) => series.province));
  const monthText = (month: MonthCount) =>
    fill(labels.month, { year: month.year, month: month.month, monthName: labels.monthNames?.[month.month - 1] ?? month.month });
  const bands = [
    ...input.series.map((series, index) => ({ label: series.label, colour: series.colour, className: `timeline-bar-${index + 1}`, count: (month: MonthCount) => month.counts[index]! })),
    { label: labels.other, colour: OTHER_COLOUR, className: 'timeline-bar-other', count: (month: MonthCount) => month.other },
  ].filter((band) => months.some((month) => band.count(month) > 0));
  const parts = (month: MonthCount) =>
    bands
      .filter((band) => band.count(month) > 0)
      .map((band) => fill(labels.totalsItem, { province: band.label, count: band.count(month) }))
      .join(labels.listSeparator);

  const max = Math.max(1, ...months.map((month) => month.total));
  const step = axisStep(max);
  const top = Math.ceil(max / step) * step;
  const y = (count: number) => LEGEND_HEIGHT + PLOT_HEIGHT - (count / top) * PLOT_HEIGHT;
  const slot = 100 / Math.max(1, months.length);

  const grid = [];
  for (let value = 0; value <= top; value += step) {
    grid.push(html`<line x1="${percent(GUTTER)}" x2="100%" y1="${y(value)}" y2="${y(value)}" stroke="currentColor" stroke-opacity="${value === 0 ? 0.6 : 0.2}"/>
<text x="${percent(GUTTER - 1)}" y="${y(value) + 4}" text-anchor="end">${value}</text>
`);
  }

  const bars = months
    .map((month, index) => ({ month, index }))
    .filter(({ month }) => month.total > 0)
    .map(({ month, index }) => {
      let stacked = 0;
      const segments = bands
        .filter((band) => band.count(month) > 0)
        .map((band, position) => {
          const count = band.count(month);
          const top = y(stacked + count);
          const height = y(stacked) - top - (position > 0 && y(stacked) - top > SEGMENT_GAP + 1 ? SEGMENT_GAP : 0);
          stacked += count;
          return html`<rect class="${band.className}" x="${percent(slot * (index + (1 - BAR_SHARE) / 2))}" y="${Number(top.toFixed(2))}" width="${percent(slot * BAR_SHARE)}" height="${Number(height.toFixed(2))}" fill="${band.colour}"/>`;
        });
      return html`<a href="${input.monthUrl(month.year, month.month)}" tabindex="-1"><title>${fill(labels.barTitle, { month: monthText(month), parts: parts(month) })}</title><rect x="${percent(slot * index)}" y="${LEGEND_HEIGHT}" width="${percent(slot)}" height="${PLOT_HEIGHT}" fill="transparent"/>${segments}</a>
`;
    });

  const ticks = months.map((month, index) => {
    const x = percent(slot * (index + 0.5));
    const yearLabel = month.month === 1 || index === 0 ? html`<text x="${x}" y="${LEGEND_HEIGHT + PLOT_HEIGHT + 34}" text-anchor="middle" font-weight="bold">${fill(labels.year, { year: month.year })}</text>` : '';
    const tick = (month.month - 1) % 3 === 0 ? html`<text x="${x}" y="${LEGEND_HEIGHT + PLOT_HEIGHT + 16}" text-anchor="middle">${fill(labels.tick, { month: month.month, monthName: labels.monthNames?.[month.month - 1] ?? month.month })}</text>` : '';
    return html`${tick}${yearLabel}`;
  });

  let legendX = 0;
  const legend = bands.map((band) => {
    const item = html`<rect x="${legendX}" y="6" width="12" height="12" fill="${band.colour}" class="${band.className}"/><text x="${legendX + 18}" y="17">${band.label}</text>`;
    legendX += 18 + textWidth(band.label) + 16;
    return item;
  });

  const first = months[0];
  const last = months.at(-1);
  const totals = bands.map((band) => fill(labels.totalsItem, { province: band.label, count: months.reduce((sum, month) => sum + band.count(month), 0) })).join(labels.listSeparator);
  const description = first && last ? fill(labels.description, { first: monthText(first), last: monthText(last), totals }) : labels.title;

  const svg = html`<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" width="100%" height="${LEGEND_HEIGHT + PLOT_HEIGHT + AXIS_HEIGHT}" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-size="12" fill="currentColor">
<title id="${id}-title">${labels.title}</title>
<desc id="${id}-desc">${description}</desc>
<g class="timeline-legend">${legend}</g>
<g class="timeline-grid">
${grid}</g>
<svg x="${percent(GUTTER)}" width="${percent(100 - GUTTER)}" overflow="visible">
<g class="timeline-bars">
${bars}</g>
<g class="timeline-axis">
${ticks}</g>
</svg>
</svg>`;

  const table = html`<table class="timeline-table">
<caption>${labels.tableCaption}</caption>
<thead><tr><th scope="col">${labels.monthHeader}</th>${bands.map((band) => html`<th scope="col">${band.label}</th>`)}<th scope="col">${labels.totalHeader}</th></tr></thead>
<tbody>
${months.map(
  (month) =>
    html`<tr><th scope="row">${month.total > 0 ? html`<a href="${input.monthUrl(month.year, month.month)}">${monthText(month)}</a>` : monthText(month)}</th>${joined(
      bands.map((band) => html`<td>${band.count(month)}</td>`),
      '',
    )}<td>${month.total}</td></tr>
`,
)}</tbody>
</table>`;

  return { svg, table, months };
}
