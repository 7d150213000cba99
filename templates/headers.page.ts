/** _headers (headers.11ty.ts): the security headers, for hosts that read such a file (src/site/security.ts). */
import type { FileEntry, PageKind } from '../src/site/views.ts';

export const headers: PageKind<FileEntry, FileEntry> = {
  specs: () => [{ url: '/_headers' }],
  build: (file) => file,
  files: (file) => [file.url],
};
