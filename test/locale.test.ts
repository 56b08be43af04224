/**
 * Builds are the same under any process locale: nothing in src/ or scripts/ sorts with
 * localeCompare or Intl collation (Danish sorts "Aa" after "Z"), only with a fixed comparison.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const PROJECT = path.resolve(import.meta.dirname, '..');
const NAMES = ['Z', 'Aa', 'ø', 'Å', 'a', 'b', 'Ab', 'æ', 'é', 'e'];

/** Sorts NAMES (as ids, and as problems' files and rules) in a child process under a locale. */
function sortedUnder(locale: string): string {
  const script = `
    import { sortProblems } from './scripts/errors.ts';
    import { compareText } from './src/lib/sort.ts';
    const names = ${JSON.stringify(NAMES)};
    const problems = sortProblems(names.map((file) => ({ file, line: 1, column: 1, rule: file, message: '', fatal: true })));
    console.log(JSON.stringify([[...names].sort(compareText), problems.map((p) => p.file)]));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT, env: { ...process.env, LC_ALL: locale, LANG: locale }, encoding: 'utf8' });
}

describe('sorting does not follow the process locale', () => {
  test('ids and problems sort the same under C and da_DK.UTF-8', () => {
    const c = sortedUnder('C');
    expect(sortedUnder('da_DK.UTF-8')).toBe(c);
    expect(sortedUnder('sv_SE.UTF-8')).toBe(c);
    expect(JSON.parse(c)[0]).toEqual([...NAMES].sort());
  });

  test('no localeCompare or Intl collation in src/ or scripts/', () => {
    const offenders: string[] = [];
    for (const dir of ['src', 'scripts']) {
      for (const entry of readdirSync(path.join(PROJECT, dir), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(ts|astro|mjs|js)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if (/\blocaleCompare\b|Intl\.Collator|toLocale(Lower|Upper)Case/.test(line)) offenders.push(`${path.relative(PROJECT, file)}:${i + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});
