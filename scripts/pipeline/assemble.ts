/**
 * Puts each claim file's two owners together: the generator's facts for every current claim, the
 * maintainer's edits and note from its file, and the claims carried over from earlier runs that no
 * article states any more (kept, with what is known of them, so no page and no edit is lost).
 */
import { RULES, problem } from '../errors.ts';
import { leansOn } from './compare/title.ts';
import type { CarriedClaim } from './identify.ts';
import type { Problem, DraftClaim } from './types.ts';
import type { Curated } from './validate.ts';
import type { ClaimOut } from './render.ts';

const NO_EDITS = { verdict: null, pillar: null, hidden: false, mergeInto: null, reviewer: null, confirmed: null } as const;

/** Every claim to write, sorted by id; reports orphans the maintainer has not dealt with yet. */
export function assemble(drafts: readonly DraftClaim[], carried: readonly CarriedClaim[], curated: Curated, problems: Problem[]): ClaimOut[] {
  const files = new Map(curated.claims.map((c) => [c.id, c]));
  const claims: ClaimOut[] = drafts.map((d) => {
    const file = files.get(d.id);
    return { ...d, text: keptWording(d, file?.previous.text), ...(file?.edits ?? NO_EDITS), note: file?.note ?? '', orphaned: false, supersededBy: null, lastSeen: [], review: null, changedSinceReview: false };
  });
  for (const c of carried) {
    const file = files.get(c.id);
    if (!file) continue;
    const sources = [...new Set(c.appearances.map((a) => a.source))].sort();
    const facts = file.facts;
    const autoPillar = facts['autoPillar'];
    claims.push({
      ...file.edits,
      id: c.id,
      note: file.note,
      text: citedWording(file.previous.text, c.appearances) || c.id,
      kind: facts['kind'] === 'quote' ? 'quote' : 'statement',
      speaker: typeof facts['speaker'] === 'string' ? facts['speaker'] : null,
      autoPillar: typeof autoPillar === 'string' && curated.pillars.some((p) => p.id === autoPillar) ? autoPillar : null,
      status: sources.length >= 2 ? 'corroborated' : 'single-source',
      sources,
      appearances: c.appearances,
      conflicts: [],
      variants: [],
      // What an orphan's sources agreed on, as last written: its evidence is what it was.
      fact: typeof facts['fact'] === 'string' && facts['fact'] !== '' ? facts['fact'] : null,
      orphaned: c.orphaned,
      supersededBy: c.supersededBy,
      lastSeen: c.lastSeen,
      review: null,
      changedSinceReview: false,
    });
    // Warn until the maintainer has decided what the orphan becomes.
    if (c.orphaned && !file.edits.hidden && file.edits.mergeInto === null) {
      const where = c.supersededBy ? `; its evidence is now in claims/${c.supersededBy}.md` : '';
      problems.push(
        problem(`claims/${c.id}.md`, RULES.orphaned, `No article states this claim any more${where}. Its page and your edits are kept; set \`mergeInto\` or \`hidden: true\`, or delete the file.`),
      );
    }
  }
  return claims.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * A claim keeps the words it was written with while a source still states it in those words: which
 * sentence stands for a cluster can change when unrelated articles arrive, and its text must not.
 * A quote with other wordings is diffed against the new text, so it takes that; words that cannot
 * stand alone as a title ("This pledge …") take a new text that can.
 */
export function keptWording(draft: DraftClaim, previous: string | undefined): string {
  if (previous === undefined || previous === '' || previous === draft.text || draft.variants.length > 0) return draft.text;
  // Words that lean on a sentence before them ("This pledge …") give way to a statement that stands alone.
  if (draft.kind === 'statement' && leansOn(previous) && !leansOn(draft.text)) return draft.text;
  return draft.appearances.some((a) => a.selector.exact === previous) ? previous : draft.text;
}

/**
 * A claim no current cluster took keeps its words while the evidence it was re-anchored to still
 * says them; re-anchored onto reworded evidence, it says what that evidence says now.
 */
function citedWording(previous: string, appearances: CarriedClaim['appearances']): string {
  const first = appearances[0];
  if (!first || previous === '' || appearances.some((a) => a.selector.exact === previous || a.sentence.includes(previous))) return previous;
  return first.selector.exact;
}
