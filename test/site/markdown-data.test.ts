/**
 * The sources loader: every `*.md` of a folder becomes an entry with its validated frontmatter
 * (the body stays in the file, read by the page), unchanged files are not parsed again, removed
 * files leave the store, and a file with broken frontmatter is named in the error. And the page's
 * reader gives back exactly the body of a source file.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { markdownData } from '../../src/loaders/markdown-data.ts';
import { readSourceBody } from '../../src/lib/source-html.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  digest?: string;
  filePath?: string;
}

/** Just enough of Astro's loader context: a Map for a store, and a count of parses. */
function context(root: string) {
  const store = new Map<string, Stored>();
  const parsed: string[] = [];
  const ctx = {
    collection: 'sources',
    store: {
      keys: () => [...store.keys()],
      get: (id: string) => store.get(id),
      set: (entry: Stored) => (store.set(entry.id, entry), true),
      delete: (id: string) => void store.delete(id),
    },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => (parsed.push(id), data),
    generateDigest: (data: string) => String(data.length) + data.slice(-8),
    logger: { error: () => undefined },
    config: { root: pathToFileURL(`${root}/`) },
  } as unknown as LoaderContext;
  return { ctx, store, parsed };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triangulate-loader-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('markdownData', () => {
  test('keeps each file\'s frontmatter as data, by file stem, and leaves its body in the file', async () => {
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: A\nsentences: 2\n---\nSome :claim[text]{#s0 claims="x"}.\n');
    await writeFile(path.join(dir, 'notes.txt'), 'not an entry');
    const { ctx, store } = context(dir);
    await markdownData(dir).load(ctx);
    expect([...store.keys()]).toEqual(['a']);
    const a = store.get('a');
    expect(a?.data).toEqual({ title: 'A', sentences: 2 });
    expect(a?.body).toBeUndefined();
    expect(a?.filePath).toBe('a.md');
  });

  test('does not parse a file again while its bytes are the same, and drops files that are gone', async () => {
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: A\n---\nOne.\n');
    await writeFile(path.join(dir, 'b.md'), '---\ntitle: B\n---\nTwo.\n');
    const { ctx, store, parsed } = context(dir);
    await markdownData(dir).load(ctx);
    await rm(path.join(dir, 'b.md'));
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: A\n---\nOne, edited.\n');
    await markdownData(dir).load(ctx);
    expect(parsed).toEqual(['a', 'b', 'a']);
    expect([...store.keys()]).toEqual(['a']);
    await markdownData(dir).load(ctx);
    expect(parsed).toHaveLength(3);
  });

  test('names the file whose frontmatter cannot be read, and says how to fix it', async () => {
    await writeFile(path.join(dir, 'bad.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const { ctx } = context(dir);
    await expect(markdownData(dir).load(ctx)).rejects.toThrow(`${path.join(dir, 'bad.md')}: unreadable frontmatter (`);
    await expect(markdownData(dir).load(ctx)).rejects.toThrow('run it to write this one again');
  });
});

describe('readSourceBody', () => {
  test('reads the body of a source file of the content root, without its frontmatter', async () => {
    const root = path.resolve(import.meta.dirname, '../../content/sources');
    const name = (await readdir(root)).find((n) => n.endsWith('.md')) ?? '';
    const text = await readFile(path.join(root, name), 'utf8');
    const body = readSourceBody(name.slice(0, -3));
    expect(body.length).toBeGreaterThan(100);
    expect(text.endsWith(body)).toBe(true);
    expect(body).not.toContain('sentences:');
  });
});
