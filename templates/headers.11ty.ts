/** _headers: the security headers, and the charset of each raw capture, for hosts that read such a file (src/site/security.ts). */
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { headersFile } from '../src/site/security.ts';
import type { HeadersEntry } from './headers.page.ts';

const template: PaginatedTemplate<HeadersEntry> = {
  data: paginate('headers', (entry) => entry.url),

  render({ entry }) {
    return headersFile(entry.raw);
  },
};

export default template;
