/**
 * `mergeInto` folds one claim into another: the claim it became counts the evidence of both, the
 * merged claim keeps its id and file, and further runs move no id and rewrite nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { build, claimIds, cleanRoots, editClaim, makeRoot, poolNames, readClaim, snapshot } from './helpers.ts';

afterAll(() => cleanRoots());

interface Facts {
  sources: string[];
  appearances: Array<{ source: string; selector: { exact: string } }>;
}
const facts = async (root: string, id: string): Promise<Facts> => (await readClaim(root, id)).data as unknown as Facts;
const evidence = (f: Facts): string[] => f.appearances.map((a) => `${a.source}|${a.selector.exact}`).sort();

describe('mergeInto', () => {
  it('folds the evidence into the claim it became, and keeps every id on later runs', async () => {
    const root = await makeRoot(await poolNames());
    expect((await build(root)).ok).toBe(true);
    const ids = await claimIds(root);
    const all = await Promise.all(ids.map(async (id) => ({ id, f: await facts(root, id) })));
    // Merge a claim into another that it shares no source with, so the fold is visible.
    const pair = all
      .flatMap((a) => all.map((b) => [a, b] as const))
      .find(([a, b]) => a.id !== b.id && a.f.sources.every((s) => !b.f.sources.includes(s)));
    expect(pair, 'two claims from different sources').toBeDefined();
    const [from, into] = pair as NonNullable<typeof pair>;
    await editClaim(root, from.id, { mergeInto: into.id });

    expect((await build(root)).ok).toBe(true);
    const merged = await facts(root, into.id);
    expect(merged.sources).toEqual([...new Set([...into.f.sources, ...from.f.sources])].sort());
    expect(evidence(merged)).toEqual([...new Set([...evidence(into.f), ...evidence(from.f)])].sort());
    // The merged claim keeps its own evidence, its file and its edit.
    expect(evidence(await facts(root, from.id))).toEqual(evidence(from.f));
    expect((await readClaim(root, from.id)).data['mergeInto']).toBe(into.id);

    const before = await snapshot(root);
    expect((await build(root)).write?.written).toEqual([]);
    expect(await snapshot(root)).toEqual(before);
    expect(await claimIds(root)).toEqual(ids);
  }, 60_000);
});
