/**
 * gray-matter, wrapped once: always with explicit options (its option-less cache is shared and
 * mutable), YAML only (`---js` and `---javascript` are refused, never executed), YAML dates kept as
 * strings, and field positions available for messages with a place.
 */
import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import YAML, { LineCounter, isMap, isNode, isScalar } from 'yaml';
import { RULES, problem } from './errors.ts';
import type { Problem } from './pipeline/types.ts';
import { stringifyYaml } from './pipeline/yaml.ts';

const refuse = (): never => {
  throw new Error('executable frontmatter is refused');
};

/**
 * YAML 1.2 core schema: no timestamps, so `published: 2026-01-06` stays a string. js-yaml reads a
 * claim file ten times faster (2.4 s against 0.26 s for 10 MB of claims); the yaml library, which
 * also gives every field's place, words the error when js-yaml refuses a file. `uniqueKeys`: a
 * key given twice is an error (curated files: Astro's YAML reader would crash on it) rather than
 * the last one winning.
 */
const parseYaml =
  (uniqueKeys: boolean) =>
  (source: string): object => {
    try {
      return (jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA, json: !uniqueKeys }) ?? {}) as object;
    } catch {
      return (YAML.parse(source, { schema: 'core', uniqueKeys }) ?? {}) as object;
    }
  };

const yamlEngine = {
  parse: parseYaml(false),
  // Repeated objects are written out, never as anchors and aliases: curated files refuse those.
  stringify: (data: object): string =>
    YAML.stringify(data, { schema: 'core', lineWidth: 0, blockQuote: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', aliasDuplicateObjects: false }),
};

const OPTIONS = {
  language: 'yaml',
  engines: { yaml: yamlEngine, js: refuse, javascript: refuse },
} as const;
const CURATED_OPTIONS = { ...OPTIONS, engines: { ...OPTIONS.engines, yaml: { ...yamlEngine, parse: parseYaml(true) } } } as const;

/** The opening fence after blank lines or indentation: to a reader still frontmatter, to a parser text. */
const LATE_FENCE = /^((?:[ \t]*\n)*)([ \t]*)---[ \t]*[A-Za-z]*[ \t]*\n/;

export interface Parsed {
  data: Record<string, unknown>;
  content: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Line and column of a frontmatter field, for messages. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
  /** Line and column of a top-level key itself (not its value), for "unexpected field" messages. */
  locateKey(key: string): { line: number; column: number };
  /** YAML comments in the frontmatter, with their place: a rewrite of the file would drop them. */
  comments: Array<{ text: string; line: number; column: number }>;
  problems: Problem[];
}

const FENCE = /^---[ \t]*([A-Za-z]*)[ \t]*\r?\n/;

/**
 * Parses a Markdown file's frontmatter, reporting problems instead of throwing. `curated` (the
 * files maintainers write: site.md, pillars, claims) also reports what would silently change what
 * the file means: YAML anchors and aliases (never expanded), a key given twice, and an opening
 * `---` after blank lines or indentation (which makes the whole file text).
 */
export function parseFrontmatter(input: string, file: string, options: { curated?: boolean } = {}): Parsed {
  // A byte-order mark (Windows editors) would hide the fence; CRLF would leave `\r` in every value.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fence = FENCE.exec(text);
  const none: Parsed = {
    data: {},
    content: text,
    bodyLine: 1,
    locate: () => ({ line: 1, column: 1 }),
    locateKey: () => ({ line: 1, column: 1 }),
    comments: [],
    problems: [],
  };
  if (!fence) {
    const late = options.curated ? LATE_FENCE.exec(text) : null;
    if (!late || (late[1] === '' && late[2] === '')) return none;
    const what = late[1] === '' ? 'indentation' : 'blank line';
    return {
      ...none,
      content: '',
      problems: [
        problem(file, RULES.frontmatterStart, `Unexpected ${what} before the opening \`---\`: frontmatter must start on the file's first line, or the whole file is read as text. Remove what comes before \`---\`.`, {
          line: countLines(late[1] ?? '') + 1,
        }),
      ],
    };
  }
  const language = (fence[1] ?? '').toLowerCase();
  if (language !== '' && language !== 'yaml') {
    return {
      ...none,
      content: '',
      problems: [
        problem(
          file,
          RULES.frontmatterEngine,
          `Unexpected \`---${fence[1]}\` frontmatter, expected YAML between \`---\` lines. ` +
            'Executable frontmatter is never run; rewrite it as YAML.',
        ),
      ],
    };
  }
  if (options.curated) {
    const found = findAlias(text.slice(fence[0].length - 1, closingFence(text)));
    if (found) {
      const kind = found.text.startsWith('&') ? 'anchor' : 'alias';
      return {
        ...none,
        content: '',
        problems: [
          problem(file, RULES.frontmatterAlias, `Unexpected YAML ${kind} \`${found.text.slice(0, 40)}\`: anchors and aliases (\`*name\`) are refused in site.md, pillars/ and claims/, since a few of them can expand into gigabytes. Write each value out in full.`, found),
        ],
      };
    }
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, options.curated ? CURATED_OPTIONS : OPTIONS);
  } catch (error) {
    // The YAML error's line counts from the opening fence's line break, so it is the file's line.
    const mark = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return {
      ...none,
      content: '',
      problems: [
        problem(file, RULES.frontmatterSyntax, `Invalid YAML frontmatter: ${firstLine(error)}. Fix the YAML syntax (quote a value that contains \`: \` or starts with a special character).`, {
          line: mark?.line ?? 1,
          column: mark?.col ?? 1,
        }),
      ],
    };
  }
  const raw = parsed.matter;
  const headerLines = countLines(text.slice(0, text.indexOf(raw)));
  // `raw` runs from the opening fence's line break to the closing fence's: fence, lines, fence.
  const bodyLine = headerLines + countLines(raw) + 3;
  const data = parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? parsed.data : {};
  return withPlaces({ data: data as Record<string, unknown>, content: parsed.content, bodyLine, problems: [] }, raw, headerLines);
}

/**
 * The raw frontmatter of a file the generator wrote (`---` at the start, the first line that
 * starts `---` closing it, as gray-matter reads it): what withPlaces locates fields in.
 */
export function writtenFrontmatter(text: string): string {
  return text.slice(3, text.indexOf('\n---', 3));
}

/** The parts of a parsed file that are plain data (what a cache can keep). */
export type ParsedData = Pick<Parsed, 'data' | 'content' | 'bodyLine' | 'problems'>;

/**
 * Adds field positions and comments to parsed data, computed from the raw frontmatter only when
 * first asked for: most files never need a message with a place, and a second YAML parse of every
 * file cost more than the first. `comments` can be given when already known.
 */
export function withPlaces(parsed: ParsedData, raw: string, headerLines: number, known?: Parsed['comments']): Parsed {
  let tree: { doc: YAML.Document.Parsed; lineCounter: LineCounter } | undefined;
  const document = () => {
    if (!tree) {
      const lineCounter = new LineCounter();
      tree = { doc: YAML.parseDocument(raw, { lineCounter, schema: 'core', uniqueKeys: false }), lineCounter };
    }
    return tree;
  };
  let comments = known;
  return {
    ...parsed,
    locate(path) {
      const { doc, lineCounter } = document();
      let node: unknown = doc.getIn(path, true);
      // For a missing field, point at its parent (or the first line of the frontmatter).
      for (let depth = path.length - 1; !isNode(node) && depth >= 0; depth--) node = doc.getIn(path.slice(0, depth), true);
      const range = isNode(node) ? node.range : undefined;
      if (!range) return { line: headerLines + 1, column: 1 };
      const pos = lineCounter.linePos(range[0]);
      return { line: headerLines + pos.line, column: pos.col };
    },
    locateKey(key) {
      const { doc, lineCounter } = document();
      const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (!range) return this.locate([key]);
      const pos = lineCounter.linePos(range[0]);
      return { line: headerLines + pos.line, column: pos.col };
    },
    get comments() {
      comments ??= findComments(raw, headerLines);
      return comments;
    },
  };
}

/** Where the closing fence's line starts (gray-matter's rule: the first line starting `---`), or the end. */
function closingFence(text: string): number {
  const at = text.indexOf('\n---', 3);
  return at === -1 ? text.length : at;
}

/** An anchor might start here: `&` or `*` at a token's start, followed by a name. */
const MAYBE_ALIAS = /(^|[\s[\]{},:?-])[&*][^\s,[\]{}]/;

/** The first YAML anchor or alias of a frontmatter (from its opening fence's line break), with its place. */
function findAlias(raw: string): { text: string; line: number; column: number } | null {
  // Nearly every file has none; only a possible one costs a lexer pass.
  if (!MAYBE_ALIAS.test(raw)) return null;
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  for (const token of new YAML.Lexer().lex(raw)) {
    const type = YAML.CST.tokenType(token);
    if (type === 'anchor' || type === 'alias') return { text: token.trim(), line, column: offset - lineStart + 1 };
    // The lexer's control tokens (document start, scalar marker) are not characters of the source.
    if (type === 'doc-mode' || type === 'scalar' || type === 'flow-error-end' || type === 'byte-order-mark') continue;
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    offset += token.length;
  }
  return null;
}

/** YAML comments of a frontmatter, with their place in the file. */
function findComments(raw: string, headerLines: number): Parsed['comments'] {
  // Lines of `#` before the first key (a claim file's header) are comments wherever they stand.
  const leading: Parsed['comments'] = [];
  let at = 0;
  for (let line = 1; at < raw.length; line++) {
    const end = raw.indexOf('\n', at);
    const text = raw.slice(at, end === -1 ? raw.length : end);
    if (text.trim() !== '' && !text.startsWith('#')) break;
    if (text.startsWith('#')) leading.push({ text, line: headerLines + line, column: 1 });
    at = end === -1 ? raw.length : end + 1;
  }
  // A comment starts with `#` at a line start or after a space or tab: without one after the
  // leading lines, those are all; otherwise the lexer tells comments from `#` inside values.
  if (!/(^|[ \t])#/m.test(raw.slice(at))) return leading;
  const comments: Parsed['comments'] = [];
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  for (const token of new YAML.Lexer().lex(raw)) {
    if (YAML.CST.tokenType(token) === 'comment') comments.push({ text: token, line: headerLines + line, column: offset - lineStart + 1 });
    for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) {
      line++;
      lineStart = offset + i + 1;
    }
    offset += token.length;
  }
  return comments;
}

/**
 * The YAML of frontmatter data; `plain` when the one-pass serialiser wrote it (the data is then
 * plain JSON data, and reads back equal to itself).
 */
export function frontmatterYaml(data: Record<string, unknown>): { yaml: string; plain: boolean } {
  // The one-pass serialiser writes what the library would; it hands back what it does not cover.
  const fast = stringifyYaml(data);
  return fast === null ? { yaml: yamlEngine.stringify(data), plain: false } : { yaml: fast, plain: true };
}

/** The YAML comments of a frontmatter's first lines, with their place (for files the generator writes). */
export function leadingComments(raw: string): Parsed['comments'] {
  return findComments(raw, 0);
}

/** Serialises data and a body into a Markdown file with YAML frontmatter, deterministically. */
export function stringifyFrontmatter(data: Record<string, unknown>, body: string): string {
  const { yaml } = frontmatterYaml(data);
  const content = body.trim() === '' ? '' : `\n${body.trim()}\n`;
  return `---\n${yaml}---\n${content}`;
}

/** Number of line breaks in a text. */
export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The yaml library appends "at line N, column M:" counted inside the frontmatter; the place is reported separately.
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
