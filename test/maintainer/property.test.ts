/**
 * Property: random maintainer edits, together with random article additions and removals, over many
 * regenerations, lose nothing and keep every id reachable. Seeded, so a failure replays exactly.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEFAULT_VERDICTS } from '../../src/schema.ts';
import { addArticle, build, claimIds, cleanRoots, editClaim, makeRoot, poolNames, printed, readClaim, removeArticle } from './helpers.ts';
import { prng } from '../../scripts/bench/corpus.ts';

afterAll(cleanRoots);


interface Edits {
  verdict: string | null;
  pillar: string | null;
  hidden: boolean;
  mergeInto: string | null;
  note: string;
}

const NOTES = ['', 'Checked.\n', '\n  Indented start, trailing spaces   \n\n\n', 'No newline at the end', '\n# A heading\n\n> a quote\n\n- a list\n', 'Ünïcödé “quotes” — and an emoji 🙂\n'];

for (const seed of [1, 2026]) {
  it(`seed ${seed}: 20 rounds of random edits and article changes lose nothing`, async () => {
    const random = prng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const pool = await poolNames();
    const pillars = (await readdir(path.join(process.cwd(), 'content/pillars'))).map((n) => n.replace(/\.md$/, ''));
    const verdicts = DEFAULT_VERDICTS.map((v) => v.id);
    const present = new Set(pool.slice(0, 3));
    const root = await makeRoot([...present]);
    const edited = new Map<string, Edits>();
    const ever = new Set<string>();
    const log: string[] = [];

    for (let round = 0; round < 20; round++) {
      // Article changes: add one, remove one, or both.
      const absent = pool.filter((n) => !present.has(n));
      if (absent.length > 0 && random() < 0.6) {
        const name = pick(absent);
        await addArticle(root, name);
        present.add(name);
        log.push(`+${name}`);
      }
      if (present.size > 1 && random() < 0.5) {
        const name = pick([...present]);
        await removeArticle(root, name);
        present.delete(name);
        log.push(`-${name}`);
      }
      // Maintainer edits on claims that exist on disk.
      const ids = await claimIds(root);
      for (let n = Math.floor(random() * 4); n > 0 && ids.length > 0; n--) {
        const id = pick(ids);
        const current = edited.get(id) ?? { verdict: null, pillar: null, hidden: false, mergeInto: null, note: '' };
        const next = { ...current };
        const field = pick(['verdict', 'pillar', 'hidden', 'mergeInto', 'note'] as const);
        if (field === 'verdict') next.verdict = random() < 0.2 ? null : pick(verdicts);
        if (field === 'pillar') next.pillar = random() < 0.2 ? null : pick(pillars);
        if (field === 'hidden') next.hidden = !next.hidden;
        if (field === 'note') next.note = pick(NOTES);
        if (field === 'mergeInto') {
          // Only merges that make no circle: into a claim not merged itself, from one nothing merges into.
          const mergedInto = (x: string) => edited.get(x)?.mergeInto ?? null;
          const targets = ids.filter((t) => t !== id && mergedInto(t) === null);
          const isTarget = [...edited.values()].some((e) => e.mergeInto === id);
          next.mergeInto = current.mergeInto !== null || isTarget || targets.length === 0 ? null : pick(targets);
        }
        await editClaim(root, id, next);
        edited.set(id, next);
        log.push(`${id}.${field}=${JSON.stringify(next[field])}`);
      }

      const result = await build(root);
      const context = `seed ${seed} round ${round}: ${log.join(' ')}`;
      expect(result.ok, context).toBe(true);
      expect(printed(result).filter((line) => !line.includes('  claim-orphaned  ') && !line.includes('  claim-changed-since-review  ')), context).toEqual([]);
      for (const c of result.claims) ever.add(c.id);
      // Every id ever written still has a file, and every merge still points at one.
      const onDisk = new Set(await claimIds(root));
      for (const id of ever) expect(onDisk.has(id), `${context}: ${id} lost`).toBe(true);
      // Every edit is intact, the note byte for byte.
      for (const [id, e] of edited) {
        const claim = await readClaim(root, id);
        expect({ verdict: claim.data['verdict'], pillar: claim.data['pillar'], hidden: claim.data['hidden'], mergeInto: claim.data['mergeInto'], note: claim.note }, `${context}: ${id}`).toEqual(e);
        if (e.mergeInto !== null) expect(onDisk.has(e.mergeInto)).toBe(true);
      }
      // Each present article still has its source page; removed ones do not.
      const sources = (await readdir(path.join(root, 'sources'))).sort();
      expect(sources, context).toEqual([...present].map((n) => n.replace(/\.txt$/, '.md')).sort());
    }
    expect(edited.size, log.join(" ")).toBeGreaterThan(5);
  }, 120_000);
}
