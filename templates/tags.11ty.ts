/** Every tag of every kind, with its article count, in every edition. */
import { html } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import type { TagIndexPage } from './tag.page.ts';
import { basePage } from './_includes/layouts/base.ts';

const template: PaginatedTemplate<TagIndexPage> = {
  data: paginate('tagIndex', (entry) => entry.url),

  render({ entry }) {
    return basePage(this, entry, html`<div class="page-wrap tag-index">
  <h1>${entry.ui.allTags}</h1>
${entry.kinds.map(
  (group) => html`  <section class="tag-group" aria-labelledby="kind-${group.kind}">
    <h2 id="kind-${group.kind}">${group.label} <span class="count">${group.tags.length}</span></h2>
    <ul class="tag-cloud">
      ${group.tags.map((tag) => html`<li><a href="${tag.url}">${tag.text}<span class="count">${tag.count}</span></a></li>`)}
    </ul>
  </section>
`,
)}</div>
`);
  },
};

export default template;
