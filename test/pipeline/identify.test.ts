/**
 * Stable ids: a claim keeps the id of the previous claim whose evidence it shares most; when a
 * claim splits in two and both parts share as much of it, the id stays with the part that still
 * says what the claim said, so a verdict stays on the statement it was given for.
 */
import { describe, expect, it } from 'vitest';
import { identify } from '../../scripts/pipeline/identify.ts';
import type { Appearance } from '../../src/schema.ts';
import type { DraftClaim } from '../../scripts/pipeline/types.ts';

function appearance(source: string, sentence: string): Appearance {
  return { source, sentence, speaker: null, index: 0, selector: { exact: sentence, prefix: '', suffix: '', start: 0, end: sentence.length } };
}

function draft(text: string, appearances: Appearance[]): DraftClaim {
  return { id: '', text, kind: 'statement', speaker: null, autoPillar: null, status: 'single-source', sources: appearances.map((a) => a.source), appearances, conflicts: [], variants: [], independent: appearances.length, sharedCopy: [], fact: null };
}

describe('identify', () => {
  const sold = 'The old crane of Port Amsel was sold at the harbour gala.';
  const praised = 'Teodor Lind praised the bidders at the harbour gala.';
  const previous = [{ id: 'old-crane-sold', text: sold, appearances: [appearance('a', praised), appearance('b', sold)] }];

  it('keeps the id of a claim split in two on the part that says what it said', () => {
    const drafts = [draft(praised, [appearance('a', praised)]), draft(sold, [appearance('b', sold)])];
    identify(drafts, previous, new Map());
    expect(drafts.map((d) => d.id)).toEqual([expect.not.stringMatching(/^old-crane-sold$/), 'old-crane-sold']);
    expect(drafts[0]?.id).not.toBe('');
  });

  it('still gives the id to the part with more of the evidence', () => {
    const drafts = [draft(praised, [appearance('a', praised), appearance('b', sold)]), draft(sold, [appearance('c', sold)])];
    identify(drafts, previous, new Map());
    expect(drafts[0]?.id).toBe('old-crane-sold');
  });
});
