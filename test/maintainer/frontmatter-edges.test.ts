/**
 * Frontmatter that would silently stop being frontmatter: a blank line or spaces before the
 * opening `---` of a curated file, and duplicate keys, are reported with file and line and nothing
 * is written; a note with Windows line endings is written back byte for byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, claimIds, cleanRoots, makeRoot, printed, snapshot } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
afterAll(cleanRoots);

let root = '';
let id = '';
const originals = new Map<string, string>();
const files = () => ['site.md', 'pillars/multinational-force.md', `claims/${id}.md`];
beforeAll(async () => {
  root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
  expect((await build(root)).ok).toBe(true);
  id = (await claimIds(root))[0] ?? '';
  for (const rel of files()) originals.set(rel, await readFile(path.join(root, rel), 'utf8'));
});
async function reset(): Promise<void> {
  for (const [rel, text] of originals) await writeFile(path.join(root, rel), text);
}

describe('a curated file whose frontmatter does not start on the first line', () => {
  for (const [name, prefix, line] of [['a blank line', '\n', 2], ['spaces and a blank line', '   \n\n', 3], ['spaces before the fence', '  ', 1]] as const) {
    it(`is reported, with nothing written: ${name}`, async () => {
      for (const rel of files()) {
        await reset();
        await writeFile(path.join(root, rel), prefix + originals.get(rel)!);
        const before = await snapshot(root);
        const result = await build(root);
        expect(result.ok, rel).toBe(false);
        expect(printed(result).filter((l) => l.startsWith(`${rel}:`))).toEqual([
          `${rel}:${line}:1  frontmatter-start  Unexpected ${prefix.endsWith('\n') ? 'blank line' : 'indentation'} before the opening \`---\`: frontmatter must start on the file's first line, or the whole file is read as text. Remove what comes before \`---\`.`,
        ]);
        expect(await snapshot(root)).toEqual(before);
      }
      await reset();
    });
  }
});

describe('duplicate keys', () => {
  it('are reported by check at the second key, with nothing written', async () => {
    for (const [rel, key] of [[`claims/${id}`, 'verdict: null'], ['pillars/multinational-force', 'order: 1'], ['site', 'title: Again']] as const) {
      await reset();
      const file = `${rel}.md`;
      const text = originals.get(file)!;
      await writeFile(path.join(root, file), text.replace(/\n---\n/, `\n${key}\n---\n`));
      const line = text.slice(0, text.indexOf('\n---\n', 3)).split('\n').length + 1;
      const before = await snapshot(root);
      const result = await build(root, true);
      expect(result.ok, file).toBe(false);
      const lines = printed(result).filter((l) => l.startsWith(`${file}:`));
      expect(lines, file).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:${line}:1  frontmatter-syntax  Invalid YAML frontmatter: Map keys must be unique`));
      expect(await build(root).then((r) => r.ok)).toBe(false);
      expect(await snapshot(root)).toEqual(before);
    }
    await reset();
  });
});

describe('a note with Windows line endings', () => {
  it('is written back byte for byte, and a second run writes nothing', async () => {
    await reset();
    const file = path.join(root, 'claims', `${id}.md`);
    const text = originals.get(`claims/${id}.md`)!;
    const note = 'First line.\r\n\r\nSecond paragraph,\r\nstill the second.\r\n';
    const edited = `${text.slice(0, text.indexOf('\n---\n', 3) + 5)}${note}`;
    await writeFile(file, edited);
    expect((await build(root)).ok).toBe(true);
    const after = await readFile(file, 'utf8');
    expect(after.endsWith(`---\n${note}`)).toBe(true);
    const again = await build(root);
    expect(again.write?.written).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(after);
  });
});
