/**
 * Markup for the templates: a tagged template literal that escapes every interpolated value,
 * so that no string from a capture (titles, names, report entries) can become markup by
 * accident. Markup that is already safe – an article body after rehype-sanitize, or a fragment
 * built with `html` itself – is passed through only when wrapped by `raw()` or produced by `html`.
 *
 * The escaping is Nunjucks' autoescape (the templates' previous engine), so text prints the same
 * bytes as before; it is valid in HTML text, in quoted attribute values and in XML.
 */

/** A fragment of markup that is known to be safe to print as it is. */
export class Markup {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: text (escaped), numbers, markup, lists of these, or nothing. */
export type Interpolation = string | number | Markup | null | undefined | false | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (char) => ESCAPES[char]!);
}

/** Marks markup that has been sanitised elsewhere (article bodies) as safe to print verbatim. */
export function raw(markup: string): Markup {
  return new Markup(markup);
}

function print(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  let joined = '';
  for (const item of value) joined += print(item);
  return joined;
}

/** `html`…`` : the literal parts are trusted markup, every `${value}` is escaped unless it is Markup. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index += 1) out += print(values[index]) + strings[index + 1]!;
  return new Markup(out);
}

/** Joins fragments with a separator that is itself escaped text (e.g. 、 between names). */
export function joined(items: readonly Interpolation[], separator: string): Markup {
  return new Markup(items.map(print).join(escapeHtml(separator)));
}
