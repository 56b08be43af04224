/**
 * Edits that survive: the maintainer's fields and note outlive every regeneration, whatever happens
 * to the articles; ids stay put; a claim whose evidence goes is kept, re-anchored or orphaned and
 * reported, never dropped.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { clean } from '../../scripts/pipeline/clean.ts';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { reanchor } from '../../scripts/pipeline/identify.ts';
import type { RunResult } from '../../scripts/pipeline/index.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import { addArticle, build, claimIds, cleanRoots, editClaim, makeRoot, POOL, printed, readClaim, removeArticle } from './helpers.ts';

afterAll(cleanRoots);
// Each case runs the whole pipeline on a temp root; the machine is shared, so allow for a slow one.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const MACRON = 'macron-france-contribute-several-thousand-troops';
const HUBS = 'britain-france-set-military-hubs-ukraine-store-weapons';
const CELL = 'coordination-cell-ukrainian-coalition-officers-based-paris';
const HISTORIC = 'macron-paris-declaration-historic-day-security-europe';
/** A note with what trimming or reflowing would break: an indented code block first, odd spacing, no final newline. */
const NOTE = '\n    code block first\n\nChecked against the Elysee transcript.   \n\n\n- one\n- two  \n\n<!-- keep me -->\nno final newline';

/** Every (source, exact words) a claim had, by id. */
function evidence(result: RunResult): Map<string, Set<string>> {
  return new Map(result.claims.map((c) => [c.id, new Set(c.appearances.map((a) => `${a.source}|${a.selector.exact}`))]));
}

describe('edits survive', () => {
  it('keeps verdict, pillar, hidden, mergeInto and the note byte for byte through regenerations', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt', 'd-guardian.txt']);
    expect((await build(root)).ok).toBe(true);
    await editClaim(root, MACRON, { verdict: 'accurate', pillar: 'multinational-force', note: NOTE });
    await editClaim(root, HUBS, { hidden: true, note: 'Hidden: the hubs are not a claim of fact.\n' });
    await editClaim(root, CELL, { mergeInto: MACRON, verdict: 'mixed' });
    const written = new Map<string, string>();
    for (const id of [MACRON, HUBS, CELL]) written.set(id, (await readClaim(root, id)).note);

    const steps: Array<() => Promise<void>> = [
      async () => undefined,
      () => addArticle(root, 'e-lemonde.txt'),
      () => removeArticle(root, 'c-bbc.txt'),
      async () => {
        // An edited article: a new first line moves every sentence, one sentence is reworded.
        const file = path.join(root, 'articles', 'a-reuters.txt');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace('\n', '\nThe talks lasted six hours, a diplomat said.\n').replace('store weapons and equipment', 'store weapons, fuel and equipment'));
      },
      () => removeArticle(root, 'a-reuters.txt'),
      () => addArticle(root, 'h-politico.txt'),
    ];
    for (const step of steps) {
      await step();
      const result = await build(root);
      expect(result.ok).toBe(true);
      const macron = await readClaim(root, MACRON);
      expect(macron.data).toMatchObject({ verdict: 'accurate', pillar: 'multinational-force', hidden: false, mergeInto: null });
      expect(macron.note).toBe(NOTE);
      expect(macron.raw.endsWith(`---\n${NOTE}`)).toBe(true);
      expect((await readClaim(root, HUBS)).data).toMatchObject({ hidden: true, verdict: null });
      expect((await readClaim(root, HUBS)).note).toBe(written.get(HUBS));
      expect((await readClaim(root, CELL)).data).toMatchObject({ mergeInto: MACRON, verdict: 'mixed' });
    }
  });

  it('keeps a claim whose evidence disappears, orphaned and reported, with its edits', async () => {
    const root = await makeRoot(['a-reuters.txt', 'e-lemonde.txt']);
    await build(root);
    await editClaim(root, HISTORIC, { verdict: 'misleading', note: 'A quote, not a fact.\n' });
    await removeArticle(root, 'e-lemonde.txt');
    const result = await build(root);
    expect(printed(result)).toContain(
      `claims/${HISTORIC}.md:1:1  claim-orphaned  No article states this claim any more. Its page and your edits are kept; set \`mergeInto\` or \`hidden: true\`, or delete the file.`,
    );
    const claim = await readClaim(root, HISTORIC);
    // The evidence record itself is not kept (see the report: index.ts would need a `lastSeen` field).
    expect(claim.data).toMatchObject({ verdict: 'misleading', orphaned: true, text: 'Macron said the Paris declaration was "a historic day" for the security of Europe.' });
    expect(claim.note).toBe('A quote, not a fact.\n');
    // The article comes back: the claim is no longer orphaned, under the same id.
    await addArticle(root, 'e-lemonde.txt');
    const back = await build(root);
    expect(printed(back)).toEqual([]);
    expect((await readClaim(root, HISTORIC)).data).toMatchObject({ verdict: 'misleading', orphaned: false });
  });
});

describe('stable ids', () => {
  it('adding or removing an unrelated article changes no id that still has evidence', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt', 'e-lemonde.txt']);
    let before = evidence(await build(root));
    const everIds = new Set(before.keys());
    for (const change of [() => addArticle(root, 'f-dw.txt'), () => addArticle(root, 'g-kyiv.txt'), () => removeArticle(root, 'c-bbc.txt'), () => removeArticle(root, 'f-dw.txt')]) {
      await change();
      const result = await build(root);
      const present = new Set(result.claims.flatMap((c) => c.sources));
      const after = evidence(result);
      for (const [id, keys] of before) {
        for (const key of keys) {
          if (!present.has(key.split('|')[0] ?? '')) continue;
          expect(after.get(id), `${id} lost ${key}`).toContain(key);
        }
      }
      for (const id of after.keys()) everIds.add(id);
      expect(await claimIds(root)).toEqual([...everIds].sort());
      before = after;
    }
  });
});

describe('reanchor', () => {
  const original = 'Paris talks\nLeaders of 35 countries met in Paris on Tuesday.\nThe United States will lead a ceasefire monitoring mechanism using drones and satellites, officials said.\n';
  const article = (text: string) => segment(clean(readArticle('a', 'articles/a.txt', Buffer.from(text))));
  const old = () => {
    const a = article(original);
    const s = a.sentences.find((x) => x.text.startsWith('The United States'));
    if (!s) throw new Error('no sentence');
    const exact = 'The United States will lead a ceasefire monitoring mechanism';
    const start = a.text.indexOf(exact);
    return { source: 'a', sentence: s.text, speaker: null, index: s.index, selector: { exact, prefix: a.text.slice(start - 32, start), suffix: a.text.slice(start + exact.length, start + exact.length + 32), start, end: start + exact.length } };
  };

  it('finds the exact words where they moved', () => {
    const moved = article(original.replace('Paris talks\n', 'Paris talks\nA new first paragraph was added.\n'));
    const found = reanchor(old(), moved);
    expect(found?.selector.exact).toBe(old().selector.exact);
    expect(found?.index).toBe(old().index + 1);
  });

  it('falls back to the prefix and suffix when the words changed', () => {
    const reworded = article(original.replace('will lead a ceasefire monitoring mechanism', 'is to head a truce-monitoring scheme'));
    expect(reanchor(old(), reworded)?.selector.exact).toBe('The United States is to head a truce-monitoring scheme');
  });

  it('falls back to the most similar sentence, then gives up', () => {
    const rewritten = article('Paris talks\nOfficials said drones and satellites would watch the ceasefire, with the United States leading the monitoring mechanism.\n');
    expect(reanchor(old(), rewritten)?.sentence).toMatch(/^Officials said drones/);
    expect(reanchor(old(), article('Paris talks\nNothing about it here at all.\n'))).toBeNull();
  });
});

void POOL;
