/** _headers: the security headers, for hosts that read such a file (src/site/security.ts). */
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { headersFile } from '../src/site/security.ts';
import type { FileEntry } from '../src/site/views.ts';

const template: PaginatedTemplate<FileEntry> = {
  data: paginate('headers', (entry) => entry.url),

  render() {
    return headersFile();
  },
};

export default template;
