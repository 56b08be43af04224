/** `npm run init DIR`: a new content root that the pipeline and the site build at once. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../scripts/errors.ts';
import { initContent } from '../../scripts/init.ts';
import { run } from '../../scripts/pipeline/index.ts';
import { buildSite } from '../../scripts/site.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('npm run init', () => {
  it('scaffolds site.md, a pillar, articles/ and a README that build at once, and refuses a folder with content', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'triangulate-init-'));
    dirs.push(parent);
    const root = await initContent(path.join(parent, 'event'));
    expect((await readdir(root)).sort()).toEqual(['README.md', 'articles', 'pillars', 'site.md']);
    await writeFile(path.join(root, 'articles', 'first.txt'), 'Dam cracks force evacuation\nEngineers found cracks in the dam on Monday, officials said.\n');
    const result = await run(root, { today: '2026-01-07' });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    const out = path.join(parent, 'dist');
    expect((await buildSite({ contentDir: root, outDir: out, site: 'https://facts.example' })).pages).toBeGreaterThan(3);
    await expect(initContent(root)).rejects.toThrow(UserError);
  }, 180_000);
});
