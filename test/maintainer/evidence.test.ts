/**
 * A claim's text and values come from the evidence it cites now. An article says "101 people
 * attended", an editor of the outlet changes it to 106: the claim must not keep "101" while citing
 * the sentence that says 106, and a run after that with no input change writes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { claimSchema } from '../../src/schema.ts';
import { addArticle, build, cleanRoots, makeRoot, readClaim } from './helpers.ts';

afterAll(cleanRoots);

const edition = (figure: number) =>
  [
    'Harbour forum draws a crowd',
    '',
    `${figure} people attended the harbour forum in Kessel on Tuesday, the organisers said.`,
    '',
    'The council will spend 4.2 million euros on the harbour bridge next year.',
  ].join('\n');

/** Every claim file's text and the sentences it cites. */
async function claimsNow(root: string, ids: readonly string[]) {
  return Promise.all(ids.map(async (id) => ({ id, ...claimSchema.parse((await readClaim(root, id)).data) })));
}

describe('a claim follows its evidence', () => {
  it('takes the new figure when its article is edited, and a third run writes nothing', async () => {
    const root = await makeRoot([]);
    await addArticle(root, 'kessel.txt', edition(101));
    const first = await build(root);
    expect(first.ok).toBe(true);
    expect(first.claims.some((c) => c.text.includes('101 people'))).toBe(true);

    await addArticle(root, 'kessel.txt', edition(106));
    const second = await build(root);
    expect(second.ok).toBe(true);
    const all = await claimsNow(root, second.claims.map((c) => c.id));
    for (const c of all) {
      const cited = c.appearances.map((a) => a.sentence).join(' ');
      if (c.appearances.length > 0) expect(cited.includes('101') || !c.text.includes('101'), `${c.id}: "${c.text}" cites "${cited}"`).toBe(true);
    }
    // The claim that said 101 is the claim that says 106 now: same id, new words.
    const before = first.claims.find((c) => c.text.includes('101 people'));
    const after = second.claims.find((c) => c.id === before?.id);
    expect(after?.text).toContain('106 people');
    expect(after?.orphaned).toBe(false);

    const third = await build(root);
    expect(third.write?.written ?? []).toEqual([]);
    expect(third.write?.deleted ?? []).toEqual([]);
  }, 60_000);

  it('keeps a reviewed statement, marked changed since review, when its figure changes', async () => {
    const root = await makeRoot([]);
    await addArticle(root, 'kessel.txt', edition(101));
    const first = await build(root);
    const id = first.claims.find((c) => c.text.includes('101 people'))?.id ?? '';
    const { writeFile, readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const file = path.join(root, 'claims', `${id}.md`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^verdict: null$/m, 'verdict: accurate'));
    await build(root);
    await addArticle(root, 'kessel.txt', edition(106));
    const third = await build(root);
    const claim = third.claims.find((c) => c.id === id);
    expect(claim?.text).toContain('101 people');
    expect(claim?.changedSinceReview).toBe(true);
    expect((await build(root)).write?.written ?? []).toEqual([]);
  }, 60_000);
});
