/** The table the search page uses to read a query in either script (src/site/search-script-map.ts). */
import { singleFile, type SingleFileTemplate } from '../src/site/page-template.ts';

const template: SingleFileTemplate = {
  data: singleFile('/search/script-map.json'),

  render({ archive }) {
    return JSON.stringify(archive.model.scriptMap);
  },
};

export default template;
