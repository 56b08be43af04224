/**
 * Serialises the generator's frontmatter data byte for byte as the yaml library does with the
 * options of `scripts/frontmatter.ts` (core schema, `lineWidth: 0`, `blockQuote: false`, plain
 * strings by default), but in one pass over the data: the library builds a document of nodes first,
 * which made writing thousands of appearances the slowest stage. Anything outside the plain subset
 * the generator writes (repeated objects, which the library turns into aliases; non-integer
 * numbers; unusual keys; class instances) returns null, and the caller uses the library instead.
 * `test/perf/yaml.test.ts` compares both on the seeds and on hostile strings.
 */
import YAML from 'yaml';

/** Thrown inside the walk when the data leaves the supported subset. */
const BAIL = Symbol('bail');

/** The core schema's tests for plain scalars that would read back as something other than a string. */
const NOT_STRING: readonly RegExp[] = new YAML.Document(null, { schema: 'core' }).schema.tags.flatMap((tag) =>
  tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test ? [tag.test] : [],
);

/** A value that cannot stay plain: an indicator first, `: ` or ` #` inside, or a space or colon last. */
const PLAIN_UNSAFE = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Control characters and lone surrogates: always double-quoted. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The library's `doubleQuotedMinMultiLineLength` default. */
const MIN_MULTILINE = 40;

/** The YAML of a map as the yaml library would write it, or null when only the library should. */
export function stringifyYaml(data: Record<string, unknown>): string | null {
  try {
    if (!isPlainObject(data) || Object.keys(data).every((k) => data[k] === undefined)) return null;
    return `${block(data, '', new Set())}\n`;
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

/** A node at `indent` (the library's `ctx.indent`): scalars inline, collections as block lines. */
function block(value: unknown, indent: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return scalar(value, indent);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
      throw BAIL;
    case 'object':
      break;
    default:
      throw BAIL;
  }
  if (seen.has(value)) throw BAIL;
  seen.add(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    const lines: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined) throw BAIL;
      lines.push(`- ${block(value[i], inner, seen)}`);
    }
    return lines.join(`\n${indent}`);
  }
  if (!isPlainObject(value)) throw BAIL;
  const record = value as Record<string, unknown>;
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined) continue;
    if (!SIMPLE_KEY.test(key) || NOT_STRING.some((test) => test.test(key))) throw BAIL;
    const str = block(item, inner, seen);
    const collection = item !== null && typeof item === 'object';
    lines.push(collection && str !== '[]' && str !== '{}' ? `${key}:\n${inner}${str}` : `${key}: ${str}`);
  }
  return lines.length === 0 ? '{}' : lines.join(`\n${indent}`);
}

/** True when `stringifyYaml` writes this data itself (it would not hand it back to the library). */
export function isPlainYamlData(data: Record<string, unknown>): boolean {
  const seen = new Set<object>();
  const walk = (value: unknown): boolean => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0);
    if (typeof value !== 'object' || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!(i in value) || value[i] === undefined || !walk(value[i])) return false;
      return true;
    }
    if (!isPlainObject(value)) return false;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      if (!SIMPLE_KEY.test(key) || NOT_STRING.some((test) => test.test(key)) || !walk(item)) return false;
    }
    return true;
  };
  return isPlainObject(data) && Object.keys(data).some((k) => data[k] !== undefined) && walk(data);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Written forms of single-line strings, which do not depend on the indent: evidence repeats its sentences. */
const written = new Map<string, string>();

/** A string value (never a key, never in a flow collection, never at the document's top). */
function scalar(value: string, indent: string): string {
  if (value.includes('\n')) return CONTROL.test(value) ? doubleQuoted(value, indent) : quoted(value, indent);
  let out = written.get(value);
  if (out === undefined) {
    out = CONTROL.test(value) ? doubleQuoted(value, indent) : PLAIN_UNSAFE.test(value) || NOT_STRING.some((test) => test.test(value)) ? quoted(value, indent) : value;
    if (written.size > 100_000) written.clear();
    written.set(value, out);
  }
  return out;
}

function quoted(value: string, indent: string): string {
  return value.includes('"') && !value.includes("'") ? singleQuoted(value, indent) : doubleQuoted(value, indent);
}

function singleQuoted(value: string, indent: string): string {
  if (/[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, indent);
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`)}'`;
}

/** The library's double-quoted style: JSON escapes, YAML's short escapes, and folded newlines. */
function doubleQuoted(value: string, indent: string): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a newline is escaped, or folding would eat it.
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    switch (json[i + 1]) {
      case 'u': {
        str += json.slice(start, i);
        const code = json.substr(i + 2, 4);
        const short: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e', '0085': '\\N', '00a0': '\\_', '2028': '\\L', '2029': '\\P' };
        str += short[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6));
        i += 5;
        start = i + 1;
        break;
      }
      case 'n':
        if (json[i + 2] === '"' || json.length < MIN_MULTILINE) {
          i += 1;
        } else {
          // A newline is written as a blank line; folding reads it back as one newline.
          str += `${json.slice(start, i)}\n\n`;
          while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
            str += '\n';
            i += 2;
          }
          str += indent;
          if (json[i + 2] === ' ') str += '\\';
          i += 1;
          start = i + 1;
        }
        break;
      default:
        i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}
