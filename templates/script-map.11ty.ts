/** The table the search page uses to read a query in either script (src/site/search-script-map.ts). */
import type { SingleFileTemplate } from '../src/site/page-template.ts';
import { archiveScriptMap } from '../src/site/search-script-map.ts';

const template: SingleFileTemplate = {
  data: { permalink: '/search/script-map.json', eleventyExcludeFromCollections: true },

  render({ archive }) {
    return JSON.stringify(archiveScriptMap(archive.model));
  },
};

export default template;
