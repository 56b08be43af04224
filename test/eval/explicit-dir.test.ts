/**
 * `npm run eval -- extraction|sentences --dir X` with a missing X fails with exit 1 and says what
 * to pass, as `claims` does; without --dir, a missing default folder is still only "skipped".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = path.resolve(import.meta.dirname, '../../scripts/cli.ts');
// A project folder one level down, so its default ../shared is inside the temp folder and absent
// even on a machine that has a /tmp/shared.
const outer = mkdtempSync(path.join(tmpdir(), 'triangulate-eval-'));
const empty = path.join(outer, 'project');
mkdirSync(empty);
afterAll(() => rmSync(outer, { recursive: true, force: true }));

function evalCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'eval', ...args], { cwd: empty, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('eval with an explicit --dir that is missing', () => {
  const missing = path.join(empty, 'nope');
  it('extraction: exit 1 and a message', () => {
    const r = evalCli(['extraction', '--dir', missing]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`triangulate: No extraction benchmark at ${missing}: ${path.join(missing, 'ground-truth.json')} does not exist. Give --dir the folder that holds ground-truth.json, e.g. --dir ../shared/eval/extraction.`);
  });

  it('sentences: exit 1 and a message', () => {
    const r = evalCli(['sentences', '--dir', missing]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`triangulate: No sentence benchmark at ${missing}: neither golden-rules-en.json nor gum-news.json is there. Give --dir the folder that holds them, e.g. --dir ../shared/eval/sentences.`);
  });

  it('the default folder missing (no --dir) is still skipped, exit 0', () => {
    for (const what of ['extraction', 'sentences']) {
      const r = evalCli([what]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/skipped/);
    }
  });
});
