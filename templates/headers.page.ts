/** _headers (headers.11ty.ts): the security headers, and the charset of each raw capture, for hosts that read such a file (src/site/security.ts). */
import type { FileEntry, PageKind } from '../src/site/views.ts';
import type { RawCharset } from '../src/site/security.ts';
import { utf8CopyUrl } from '../src/site/provenance.ts';

export interface HeadersEntry extends FileEntry {
  raw: RawCharset[];
}

export const headers: PageKind<FileEntry, HeadersEntry> = {
  specs: () => [{ url: '/_headers' }],
  build: (file, { archive }) => ({
    ...file,
    raw: archive.rawFiles.flatMap((raw) => {
      const copy = utf8CopyUrl(raw);
      return [{ url: raw.url, charset: raw.encoding === 'utf-8-bom' ? 'utf-8' : raw.encoding }, ...(copy ? [{ url: copy, charset: 'utf-8' }] : [])];
    }),
  }),
  files: (file) => [file.url],
};
