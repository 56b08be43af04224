/**
 * Reviews stay on what was reviewed: a claim with a verdict or a note keeps the statement the editor
 * saw, whatever happens to the articles; a change of its evidence marks it changed since review and
 * warns until an editor confirms; the review date is recorded once, so rebuilds write the same bytes.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run, type RunResult } from '../../scripts/pipeline/index.ts';
import { evidenceFingerprint, publicationProblems, reviewDate } from '../../scripts/pipeline/review.ts';
import { addArticle, claimIds, cleanRoots, editClaim, makeRoot, PROJECT, readClaim, removeArticle, snapshot } from './helpers.ts';

afterAll(cleanRoots);
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const at = (root: string, today: string, dryRun = false): Promise<RunResult> => run(root, { today, dryRun });
const MONITORING = 'The United States will lead a ceasefire monitoring mechanism using drones and satellites, officials said.';

/** The id of the claim a-reuters states in the given sentence. */
function claimStating(result: RunResult, sentence: string): string {
  const claim = result.claims.find((c) => c.appearances.some((a) => a.source === 'a-reuters' && a.sentence === sentence));
  if (!claim) throw new Error(`no claim states ${sentence}`);
  return claim.id;
}

const changedWarnings = (result: RunResult) => result.problems.filter((p) => p.rule === 'claim-changed-since-review');

describe('reviews anchored to what was reviewed', () => {
  it("records what was reviewed, keeps the reviewed statement through added, removed and edited articles, and flags changed evidence until confirmed", async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt']);
    const first = await at(root, '2026-01-07');
    const id = claimStating(first, MONITORING);
    const reviewed = first.claims.find((c) => c.id === id)!;
    const text = reviewed.text;
    await editClaim(root, id, { verdict: 'accurate', reviewer: 'Ana Editor', note: 'The declaration says so.\n' });

    const second = await at(root, '2026-01-08');
    expect(second.ok).toBe(true);
    let claim = (await readClaim(root, id)).data;
    expect(claim['review']).toEqual({
      date: '2026-01-08',
      text,
      evidence: evidenceFingerprint(reviewed.appearances, reviewed.conflicts),
      sources: [...new Set(reviewed.appearances.map((a) => a.source))].sort(),
      verdict: 'accurate',
      note: expect.stringMatching(/^[0-9a-f]{12}$/),
      updates: [],
    });
    expect(claim['changedSinceReview']).toBe(false);
    expect(changedWarnings(second)).toEqual([]);

    // A third source states it: the text stays, the claim is marked and reported, with the line to confirm.
    await addArticle(root, 'g-kyiv.txt');
    const third = await at(root, '2026-01-09');
    claim = (await readClaim(root, id)).data;
    expect(claim['text']).toBe(text);
    expect(claim['changedSinceReview']).toBe(true);
    expect((claim['review'] as { date: string }).date).toBe('2026-01-08');
    const [warning] = changedWarnings(third);
    const fingerprint = evidenceFingerprint(third.claims.find((c) => c.id === id)!.appearances, []);
    expect(warning).toMatchObject({ file: `claims/${id}.md`, line: 9, fatal: false });
    expect(warning?.message).toBe(
      `Unexpected change since review: the evidence reviewed on 2026-01-08 changed: a source was added (g-kyiv). Check that the verdict and note still hold, then confirm with \`confirmed: ${fingerprint}\` in the frontmatter (line 9).`,
    );
    expect(third.tally?.changedSinceReview).toEqual([id]);
    // `check` says so too, without writing.
    expect(changedWarnings(await at(root, '2026-01-09', true))).toHaveLength(1);

    // Confirming is one line; it clears the mark and leaves a dated entry.
    await editClaim(root, id, { confirmed: fingerprint });
    const fourth = await at(root, '2026-01-10');
    expect(changedWarnings(fourth)).toEqual([]);
    claim = (await readClaim(root, id)).data;
    expect(claim['changedSinceReview']).toBe(false);
    expect((claim['review'] as { updates: unknown[] }).updates).toEqual([{ date: '2026-01-10', change: 'The sources changed; the editors checked that the review still holds.' }]);

    // Removing a source and rewording another keep the text and mark it again.
    await removeArticle(root, 'b-ap.txt');
    const raw = await readFile(path.join(root, 'articles/a-reuters.txt'), 'utf8');
    await writeFile(path.join(root, 'articles/a-reuters.txt'), raw.replace('using drones and satellites', 'using drones, radar and satellites'));
    const fifth = await at(root, '2026-01-11');
    claim = (await readClaim(root, id)).data;
    expect(claim['text']).toBe(text);
    expect(claim['verdict']).toBe('accurate');
    expect(claim['reviewer']).toBe('Ana Editor');
    expect(claim['changedSinceReview']).toBe(true);
    expect(changedWarnings(fifth).map((p) => p.file)).toEqual([`claims/${id}.md`]);
  });

  it('keeps a dated corrections trail when the verdict or the note changes', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    const id = claimStating(await at(root, '2026-01-07'), MONITORING);
    await editClaim(root, id, { verdict: 'mixed' });
    await at(root, '2026-01-08');
    await editClaim(root, id, { verdict: 'accurate', note: 'The full declaration settles it.\n' });
    await at(root, '2026-01-12');
    const review = (await readClaim(root, id)).data['review'] as { date: string; updates: unknown[] };
    expect(review.date).toBe('2026-01-08');
    expect(review.updates).toEqual([
      { date: '2026-01-12', change: 'Verdict changed from Mixed to Accurate.' },
      { date: '2026-01-12', change: "Editor's note added." },
    ]);
  });

  it('records the review date once: later runs on other days, with or without the cache, write nothing', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt']);
    const id = claimStating(await at(root, '2026-01-07'), MONITORING);
    await editClaim(root, id, { verdict: 'accurate' });
    await at(root, '2026-01-08');
    const before = await snapshot(root);
    const again = await at(root, '2027-06-30');
    expect(again.write?.written).toEqual([]);
    expect(await snapshot(root)).toEqual(before);
    // A fresh clone: the same files in another folder, no cache for it.
    const clone = await makeRoot([]);
    await cp(root, clone, { recursive: true });
    const cloned = await at(clone, '2030-01-01');
    expect(cloned.write?.written).toEqual([]);
  });

  it('takes the date from SOURCE_DATE_EPOCH when it is set, as reproducible builds do', () => {
    expect(reviewDate({ SOURCE_DATE_EPOCH: '1767830400' }, () => 0)).toBe('2026-01-08');
    expect(reviewDate({}, () => Date.UTC(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });

  it('articles about another story change no existing claim text', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt', 'd-guardian.txt']);
    const first = await at(root, '2026-01-07');
    const texts = new Map(first.claims.map((c) => [c.id, c.text]));
    const dam = path.join(PROJECT, 'test/fixtures/events/orvelle-dam/articles');
    for (const name of ['harlow-herald.md', 'national-daily.txt']) await addArticle(root, name, await readFile(path.join(dam, name)));
    const second = await at(root, '2026-01-08');
    const after = new Map(second.claims.map((c) => [c.id, c.text]));
    for (const [id, text] of texts) expect(after.get(id), id).toBe(text);
    expect((await claimIds(root)).length).toBeGreaterThan(texts.size);
    expect(second.tally?.kept).toBe(texts.size);
  });

  it('warns when reviews would have no ClaimReview (no publisher), and in check while no corrections contact is set', () => {
    const claim = { verdict: 'accurate', hidden: false, mergeInto: null } as unknown as Parameters<typeof publicationProblems>[1][number];
    expect(publicationProblems({ corrections: null, publisher: null }, [claim], { check: true }).map((p) => `${p.file}:${p.line}:${p.column}  ${p.rule}  ${p.fatal}`)).toEqual([
      'site.md:1:1  review-unpublished  false',
      'site.md:1:1  site-unset  false',
    ]);
    expect(publicationProblems({ corrections: null, publisher: null }, [claim], { check: false }).map((p) => p.rule)).toEqual(['review-unpublished']);
    expect(publicationProblems({ corrections: 'desk@example.org', publisher: 'Desk' }, [claim], { check: true })).toEqual([]);
    expect(publicationProblems({ corrections: 'desk@example.org', publisher: null }, [], { check: true }), 'no review, nothing left out').toEqual([]);
  });
});
