/** /archive.json: the whole archive, metadata and plain text, for researchers (src/site/research-export.ts). */
import { singleFile, type SingleFileTemplate } from '../src/site/page-template.ts';
import { researchExport } from '../src/site/research-export.ts';

const template: SingleFileTemplate = {
  data: singleFile('/archive.json'),

  render({ archive }) {
    return researchExport(archive.model, (url) => this.siteUrl(url));
  },
};

export default template;
