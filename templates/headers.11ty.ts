/** _headers: the security headers, for hosts that read such a file (src/site/security.ts). */
import { singleFile, type SingleFileTemplate } from '../src/site/page-template.ts';
import { headersFile } from '../src/site/security.ts';

const template: SingleFileTemplate = {
  data: singleFile('/_headers'),

  render() {
    return headersFile();
  },
};

export default template;
