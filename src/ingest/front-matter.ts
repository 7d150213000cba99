import matter from 'gray-matter';
import YAML from 'yaml';
import { cleanText } from './clean-text.ts';

/**
 * The front matter of a Hexo capture, read with the `yaml` package rather than gray-matter's own
 * parser: the capture is hostile, and `yaml` refuses a document that expands aliases without end
 * (nine levels of nine aliases took 43 s and 2.9 GB before an internal error) instead of expanding
 * it. The schema is YAML 1.2's core schema with the two things Hexo posts use from the parser
 * gray-matter used before: timestamps (`date: 2021-07-29 08:06:09` is a Date) and merge keys.
 */
const YAML_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions & YAML.ToJSOptions = { schema: 'core', customTags: ['timestamp'], merge: true, maxAliasCount: 100 };

/** Front matter that cannot be read without exhausting the machine: the capture is refused. */
export class FrontMatterRefused extends Error {}

/**
 * A post's front matter is a few lines of metadata; one of hundreds of thousands of characters is
 * not, and the YAML parser's tree of it would take hundreds of MB: such a capture is refused.
 */
export const FRONT_MATTER_MAX_CHARACTERS = 256 * 1024;

export interface ReadFrontMatter {
  /** The mapping, every string in it (keys too) cleaned by cleanText(); absent when it could not be read. */
  data?: Record<string, unknown>;
  /** The text after the front matter. */
  content: string;
  /** The front matter's YAML as written (a parser may turn 2021-02-30 into another day). */
  source?: string;
  /** Why the front matter could not be read (`line 3: …`), when it is not valid YAML or not a mapping. */
  problem?: string;
  /** Characters cleanText() replaced in its strings. */
  replaced: number;
}

/** Reads the front matter of a text that starts with a `---` line. */
export function readFrontMatter(text: string): ReadFrontMatter {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options given turn off gray-matter's cache, which would otherwise keep every capture. Only
    // YAML is read: gray-matter would evaluate `---js` front matter as JavaScript.
    parsed = matter(text, {
      language: 'yaml',
      engines: { yaml: parseYaml, js: refuseLanguage, javascript: refuseLanguage, coffee: refuseLanguage },
    });
  } catch (error) {
    if (error instanceof FrontMatterRefused) throw error;
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new FrontMatterRefused(`front matter refused: its YAML aliases expand beyond ${YAML_OPTIONS.maxAliasCount} nodes (an alias bomb)`);
    }
    return { content: text, problem: yamlProblem(error), replaced: 0 };
  }
  if (!isRecord(parsed.data)) return { content: text, problem: 'not a YAML mapping', replaced: 0 };
  const counter = { replaced: 0 };
  const data = cleanValue(parsed.data, counter) as Record<string, unknown>;
  return { data, content: parsed.content, source: parsed.matter, replaced: counter.replaced };
}

function parseYaml(source: string): object {
  if (source.length > FRONT_MATTER_MAX_CHARACTERS) {
    throw new FrontMatterRefused(
      `front matter refused: ${source.length.toLocaleString('en')} characters of YAML, more than a post's metadata holds (at most ${FRONT_MATTER_MAX_CHARACTERS.toLocaleString('en')})`,
    );
  }
  return YAML.parse(source, YAML_OPTIONS) as object;
}

function refuseLanguage(): never {
  throw new Error('front matter in a language other than YAML is not read');
}

/** Every string of a parsed value, keys included, through cleanText(); without recursion, however deep the value. */
function cleanValue(value: unknown, counter: { replaced: number }): unknown {
  const clean = (text: string) => {
    const cleaned = cleanText(text);
    counter.replaced += cleaned.replaced;
    return cleaned.text;
  };
  const root: { value: unknown } = { value };
  const stack: [Record<string, unknown> | unknown[], string | number][] = [[root, 'value']];
  while (stack.length) {
    const [holder, key] = stack.pop()!;
    const item = (holder as Record<string | number, unknown>)[key];
    if (typeof item === 'string') {
      (holder as Record<string | number, unknown>)[key] = clean(item);
    } else if (Array.isArray(item)) {
      for (let index = 0; index < item.length; index++) stack.push([item, index]);
    } else if (isRecord(item)) {
      const entries = Object.entries(item);
      const copy: Record<string, unknown> = {};
      // Defined, not assigned: a key `__proto__` is a key like any other here.
      for (const [name, child] of entries) Object.defineProperty(copy, clean(name), { value: child, enumerable: true, writable: true, configurable: true });
      (holder as Record<string | number, unknown>)[key] = copy;
      for (const name of Object.keys(copy)) stack.push([copy, name]);
    }
  }
  return root.value;
}

/** `line N: reason`, counting the opening `---` as line 1, or the reason alone. */
function yamlProblem(error: unknown): string {
  const message = String(error instanceof Error ? error.message : error).split('\n')[0]!;
  const reason = message.replace(/ at line \d+, column \d+:?$/, '');
  const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
  return typeof line === 'number' ? `line ${line + 1}: ${reason}` : reason;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
