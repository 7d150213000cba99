/**
 * What a page of the site may load and run: its own scripts and styles only, images only from
 * itself (and the empty data: icon), no plugins, no <base> or form target elsewhere. Captures are
 * hostile, and the site already lets none of their markup through (article-body.ts, html.ts);
 * the policy is the second wall, should a way through ever be found: a script or style that came
 * from a capture would be refused by the browser and reported.
 *
 * Given as a <meta> on every page, since hosts differ in what headers they let a site set, and in
 * a `_headers` file (Netlify, Cloudflare Pages) for the hosts that read one, where it can also say
 * what a <meta> cannot: that no other site may frame the pages. A browser enforces both, so a
 * page gets what both allow.

 */
const PAGE: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

function policy(directives: [string, string][]): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy of every page's <meta http-equiv="Content-Security-Policy">. */
export const PAGE_POLICY = policy(PAGE);

export const REFERRER_POLICY = 'no-referrer';

/** A raw capture's site path (URL-encoded, without the path prefix, as `/*` is) and the charset its bytes are in. */
export interface RawCharset {
  url: string;
  charset: string;
}

/**
 * `_headers`: the policy (with what only a header can say), the referrer policy and no content
 * sniffing, for every path; and each raw capture served as plain text in its own charset, since
 * with nosniff a browser reads a GB18030 capture served as UTF-8 as mojibake.
 */
export function headersFile(raw: readonly RawCharset[] = []): string {
  const header = policy([...PAGE, ['frame-ancestors', "'none'"]]);
  const captures = raw.map((file) => `${file.url}\n  Content-Type: text/plain; charset=${file.charset}\n`).join('');
  return `/*\n  Content-Security-Policy: ${header}\n  Referrer-Policy: ${REFERRER_POLICY}\n  X-Content-Type-Options: nosniff\n${captures}`;
}
