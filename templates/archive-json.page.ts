/** /archive.json (archive-json.11ty.ts): the whole archive, metadata and plain text, for researchers (src/site/research-export.ts). */
import { exportedArticles, type ExportedArticle } from '../src/site/research-export.ts';
import type { FileEntry, PageKind } from '../src/site/views.ts';

export interface ArchiveDownload extends FileEntry {
  articles: ExportedArticle[];
}

export const archiveJson: PageKind<FileEntry, ArchiveDownload> = {
  specs: () => [{ url: '/archive.json' }],
  build: (file, { archive, sources }) => ({ ...file, articles: exportedArticles(archive, (article) => sources.texts(article)) }),
  files: (file) => [file.url],
};
