/** A day as the archive shows it: a <time> element, or the words for an unknown day (日期不详). */
import { html, type Markup } from '../../../src/site/html.ts';

export function day(value: string | undefined, label: string): Markup {
  return value ? html`<time datetime="${value}">${label}</time>` : html`<span class="undated">${label}</span>`;
}
