/**
 * Errors that are not messages (issue 12, item 9): a read-only content root and a full disk give
 * the catalogue's `file:line:column  rule  message` with what to do, not a stack trace. The file
 * system is mocked: tests run as root, for whom chmod does not make a folder read-only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { content } from '../../scripts/cli.ts';
import { addArticle, build, cleanRoots, makeRoot, printed, snapshot } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const state = vi.hoisted(() => ({ root: '', code: '' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  /** Fails a write under the chosen root with the chosen error code, as the OS would. */
  const guard = <A extends unknown[], R>(name: string, op: (target: string, ...rest: A) => Promise<R>) =>
    async (target: string, ...rest: A): Promise<R> => {
      if (state.code !== '' && String(target).startsWith(state.root)) {
        const reason = state.code === 'ENOSPC' ? 'no space left on device' : state.code === 'EROFS' ? 'read-only file system' : 'permission denied';
        throw Object.assign(new Error(`${state.code}: ${reason}, ${name} '${target}'`), { code: state.code, syscall: name, path: target });
      }
      return op(target, ...rest);
    };
  return {
    ...fs,
    writeFile: guard('open', fs.writeFile as (t: string, ...r: unknown[]) => Promise<void>),
    // Making a folder that is already there succeeds even on a full or read-only disk.
    mkdir: async (target: string, ...rest: unknown[]) =>
      (await fs.stat(target).then(() => true, () => false)) ? (fs.mkdir as (t: string, ...r: unknown[]) => Promise<string | undefined>)(target, ...rest) : guard('mkdir', fs.mkdir as (t: string, ...r: unknown[]) => Promise<string | undefined>)(target, ...rest),
    rename: guard('rename', fs.rename as (t: string, ...r: unknown[]) => Promise<void>),
  };
});
afterEach(() => {
  state.code = '';
  vi.restoreAllMocks();
});
afterAll(cleanRoots);

describe('a content root the run cannot write', () => {
  it('read-only: each file it could not write is a write-failed problem, and nothing changes', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    Object.assign(state, { root, code: 'EROFS' });
    const before = await snapshot(root);
    const result = await build(root);
    expect(result.ok).toBe(false);
    expect(printed(result)[0]).toBe(
      `claims/:1:1  write-failed  Cannot write claims/: the content root is read-only (EROFS). Make it writable, or copy it to a folder you can write and pass --content DIR; nothing was changed.`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('a full disk (ENOSPC): a write-failed problem that says to free space, no temp file left', async () => {
    const root = await makeRoot(['a-reuters.txt']);
    expect((await build(root)).ok).toBe(true);
    await addArticle(root, 'b-ap.txt');
    Object.assign(state, { root: path.join(root, 'sources'), code: 'ENOSPC' });
    const before = await snapshot(root);
    const result = await build(root);
    expect(result.ok).toBe(false);
    expect(printed(result)).toContain(
      `sources/a-reuters.md:1:1  write-failed  Cannot write sources/a-reuters.md: the disk is full (ENOSPC). Free some space and run again; nothing was changed.`,
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('the command prints the catalogue line and what to do, and no stack trace', async () => {
    const root = await makeRoot(['a-reuters.txt']);
    Object.assign(state, { root, code: 'EACCES' });
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const result = await content(root);
    expect(result.ok).toBe(false);
    expect(errors).toEqual([
      `claims/:1:1  write-failed  Cannot write claims/: permission denied (EACCES). Make the content root writable for you, or copy it to a folder you can write and pass --content DIR; nothing was changed.`,
      'Could not write the generated files. Fix the problem above and run again.',
    ]);
    expect(errors.join('\n')).not.toMatch(/\n\s+at /);
  });
});

describe('article metadata that is not text', () => {
  it('a number, a list or a mapping in an article\'s frontmatter is a warning, not silently dropped', async () => {
    const root = await makeRoot([]);
    const body = (await readFile(path.join(import.meta.dirname, '../fixtures/maintainer/pool/a-reuters.txt'), 'utf8')).split('\n').slice(1).join('\n\n');
    await addArticle(root, 'x.md', `---\ntitle: 42\noutlet: [Reuters, AP]\nauthor: {name: Jane}\npublished: true\n---\n\n${body}`);
    const result = await build(root);
    expect(result.ok).toBe(true);
    expect(printed(result)).toEqual([
      'articles/x.md:2:8  metadata-type  Expected title to be text, received a number: 42. It is ignored; put the value in quotes. Example: `title: "42"`.',
      'articles/x.md:3:9  metadata-type  Expected outlet to be text, received a list: ["Reuters","AP"]. It is ignored; give one value in quotes. Example: `outlet: "Reuters"`.',
      'articles/x.md:4:9  metadata-type  Expected author to be text, received a mapping: {"name":"Jane"}. It is ignored; give one value in quotes. Example: `author: "Jane Doe"`.',
      'articles/x.md:5:12  metadata-type  Expected published to be text, received a boolean: true. It is ignored; put the value in quotes. Example: `published: "true"`.',
    ]);
  });
});
