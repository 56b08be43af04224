/**
 * `npm test` must not fail on a loaded machine (issue 12, Also): the wall-clock ratio gate
 * (`npm run bench -- --ci`) is kept out of it, and the bench's own code is still tested (bench.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('npm test runs no timing gate', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts['test']).not.toMatch(/\bbench\b/);
  expect(pkg.scripts['bench']).toBe('node scripts/bench.ts');
});
