/** The table the search page uses to read a query in either script (src/site/search-script-map.ts). */
import { singleFile, type SingleFileTemplate } from '../src/site/page-template.ts';
import { archiveScriptMap } from '../src/site/search-script-map.ts';

const template: SingleFileTemplate = {
  data: singleFile('/search/script-map.json'),

  render({ archive }) {
    return JSON.stringify(archiveScriptMap(archive.model));
  },
};

export default template;
