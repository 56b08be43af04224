/**
 * The one-pass frontmatter serialiser must write exactly what the yaml library writes: on every
 * generated file of the seeds, and on hostile strings in every place a string can stand.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../scripts/frontmatter.ts';
import { stringifyYaml } from '../../scripts/pipeline/yaml.ts';

const OPTIONS = { schema: 'core', lineWidth: 0, blockQuote: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;
const library = (data: unknown): string => YAML.stringify(data, OPTIONS);
const root = path.resolve(import.meta.dirname, '../../content');

const HOSTILE = [
  '', ' ', '  ', 'a', '-', '- a', '-a', '?', '? a', ':', 'a:', 'a: b', 'a:b', '#', 'a #b', 'a#b', '# a', "'", '"', `'"`, `"a" 'b'`,
  'it\'s', 'say "hi"', '"quoted"', "'single'", 'null', 'Null', 'NULL', '~', 'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off',
  '0', '12', '-12', '+12', '1.5', '.5', '1e3', '1E-3', '0x1F', '0o17', '017', '.inf', '-.Inf', '.nan', '2026-01-07', '2026-01-07T10:00:00Z',
  '12:30', '1,000', '3 %', '%YAML', '---', '--- a', '...', 'a\n---\nb', '@user', '`code`', '&anchor', '*alias', '!tag', '|', '>', '[a]', '{a}', 'a, b',
  'line\nbreak', 'two\n\nbreaks', 'trailing\n', '\nleading', ' \nspace before', 'space after\n ', 'tab\tinside', '\ttab first', 'end ', ' start',
  'a\u0000b', 'bell\u0007', 'esc\u001b', 'nel\u0085', 'nbsp\u00a0x', 'ls\u2028ps\u2029', 'lone \ud800 surrogate', 'del\u007f', 'c1\u0090',
  'Zelenskyy’s “deal”', '«guillemets»', 'émigré naïve', '日本語のテキスト', 'emoji 🙂 here', 'Ukraine’s sovereignty: non-negotiable',
  'anisms to monitor a ceasefire.\n\n', ' The document emphasizes that Uk', 'a much longer prefix with a newline in the middle\nand more text after it',
  'a much longer prefix with a newline in the middle \nand a space before it', 'a much longer prefix with newlines\n\n\nthree of them and then "quotes"',
  'x'.repeat(1100), `${'word '.repeat(40)}end`, 'a much longer string with a trailing newline that is long enough\n', '\n\n\n', 'a\\b', 'back\\slash\nand newline that is long enough to fold',
];

describe('one-pass YAML serialiser', () => {
  it('writes every generated file of the seeds as the yaml library does', () => {
    let files = 0;
    for (const folder of ['claims', 'sources']) {
      for (const name of readdirSync(path.join(root, folder)).filter((n) => n.endsWith('.md'))) {
        const { data } = parseFrontmatter(readFileSync(path.join(root, folder, name), 'utf8'), name);
        const fast = stringifyYaml(data);
        expect(fast, `${folder}/${name}`).not.toBeNull();
        expect(fast, `${folder}/${name}`).toBe(library(data));
        files++;
      }
    }
    expect(files).toBeGreaterThan(10);
  });

  it('writes hostile strings as the yaml library does, in every place a string stands', () => {
    for (const s of HOSTILE) {
      const data = {
        top: s,
        list: [s, 'plain', s],
        nested: { deeper: { value: s, list: [s] } },
        appearances: [{ source: s, selector: { exact: s, prefix: s, start: 1 } }, { source: 'x', sentence: s }],
        lists: [[s, [s]], []],
        empty: {},
        none: [],
      };
      expect(stringifyYaml(data), JSON.stringify(s)).toBe(library(data));
    }
  });

  it('writes numbers, booleans, null and omitted fields as the yaml library does', () => {
    const data = { a: 0, b: -7, c: 123456789, d: true, e: false, f: null, g: undefined, h: [null, true, 3], i: { j: undefined, k: 1 } };
    expect(stringifyYaml(data)).toBe(library(data));
  });

  it('hands back what only the library should write', () => {
    const shared = { a: 1 };
    for (const data of [
      { x: 1.5 }, { x: -0 }, { x: Number.POSITIVE_INFINITY }, { x: Number.NaN }, { x: 2 ** 60 }, { x: 10n },
      { x: shared, y: shared }, { x: new Date(0) }, { x: new Map() }, { 'odd key': 1 }, { true: 1 }, { x: [undefined] }, { x: () => 1 }, {},
    ] as Array<Record<string, unknown>>) {
      expect(stringifyYaml(data)).toBeNull();
    }
  });

  it('agrees with the library on random strings from a hostile alphabet', () => {
    const alphabet = [...'ab -:#\'"\n\t,[]{}&*!|>%@`?~.0123456789eE+xo\\é“”«»\u0000\u0085\u00a0\u2028'];
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * (n % 3 === 0 ? 60 : 8));
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      const data = { v: s, l: [s], m: [{ k: s, n: { k: s } }] };
      expect(stringifyYaml(data), JSON.stringify(s)).toBe(library(data));
    }
  });
});

/** What the yaml library reads from a frontmatter, the reference the fast reader must match. */
const reference = (yaml: string): unknown => YAML.parse(yaml, { schema: 'core', uniqueKeys: false }) ?? {};
const read = (yaml: string) => parseFrontmatter(`---\n${yaml}---\nBody.\n`, 'x.md');

/** Frontmatter as maintainers type it: unquoted dates and words, odd numbers, repeats, anchors, blocks. */
const TYPED = [
  'published: 2026-01-06\nverdict: ~\nhidden: yes\npillar: no\n',
  'order: 010\nb: 0x1F\nc: 0o17\nd: 1e3\ne: .inf\nf: -.Inf\ng: .nan\nh: +12\ni: 1_000\n',
  'title: Same key\ntitle: Again\n',
  'a: &x [one, two]\nb: *x\nc: {k: v, "q": \'s\'}\n',
  'note: |\n  kept\n  lines\nfolded: >\n  folded\n  text\n\nafter: 1\n',
  'keywords:\n  - monitoring # a comment\n  - "quoted: colon"\n  - \'it\'\'s\'\n  - ~\n  -\n',
  'tab:\t"value"\nspaces:    padded   \nunicode: Zelenskyy’s «plan» 🙂\nempty:\n',
  'when: 12:30\nratio: 3 %\nlist: [1, "2", three, null, true, False]\n',
  '? complex\n: value\n',
  'a: !!str 12\nb: !!int "7"\n',
];

describe('fast YAML reader', () => {
  it('reads every frontmatter of the content and the fixtures as the yaml library does', () => {
    let files = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.md')) {
          const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
          const match = /^---\n([\s\S]*?\n)---/.exec(text);
          if (!match) continue;
          let expected: unknown;
          try {
            expected = reference(match[1] ?? '');
          } catch {
            continue; // A fixture of broken YAML: the messages are tested where it is used.
          }
          expect(read(match[1] ?? '').data, file).toEqual(expected);
          files++;
        }
      }
    };
    walk(root);
    walk(path.resolve(import.meta.dirname, '../fixtures'));
    walk(path.resolve(import.meta.dirname, '../site/fixture'));
    expect(files).toBeGreaterThan(100);
  });

  it('reads frontmatter as maintainers type it as the yaml library does', () => {
    for (const yaml of TYPED) expect(read(yaml).data, yaml).toEqual(reference(yaml));
  });

  it('reads what the serialiser writes, for hostile strings in every place', () => {
    for (const s of HOSTILE) {
      const yaml = library({ top: s, list: [s, 'plain'], nested: { value: s } });
      expect(read(yaml).data, JSON.stringify(s)).toEqual(reference(yaml));
    }
  });
});

describe('frontmatter comments', () => {
  const comments = (text: string) => parseFrontmatter(text, 'x.md').comments;

  it('finds a header of comment lines without lexing the rest, and a # inside a value is no comment', () => {
    expect(comments('---\n# Yours to edit\n# Everything else\nverdict: null\ntext: "a # b"\n---\nx')).toEqual([
      { text: '# Yours to edit', line: 2, column: 1 },
      { text: '# Everything else', line: 3, column: 1 },
    ]);
    expect(comments('---\n# only\n---\n')).toEqual([{ text: '# only', line: 2, column: 1 }]);
  });

  it('finds comments after the first key, indented ones and ones at the end of a line', () => {
    expect(comments('---\n\n# one\n\n# two\nkey: 1 # late\n---\n')).toEqual([
      { text: '# one', line: 3, column: 1 },
      { text: '# two', line: 5, column: 1 },
      { text: '# late', line: 6, column: 11 },
    ]);
    expect(comments('---\nkey: 1\n# after\n---\n')).toEqual([{ text: '# after', line: 3, column: 1 }]);
    expect(comments('---\n  # indented\nkey: v\n---\n')).toEqual([{ text: '# indented', line: 2, column: 3 }]);
  });
});
