/**
 * `npm run check` and every build: curated files (site.md, pillars, claims) are validated against
 * the schemas and each other before anything is written. Each problem is pinned exactly, with its
 * place; a curated error means not one byte changes on disk.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatProblem } from '../../scripts/errors.ts';
import { addArticle, build, cleanRoots, editClaim, makeRoot, printed, snapshot } from './helpers.ts';

const M = 'macron-france-contribute-several-thousand-troops';
const H = 'britain-france-set-military-hubs-ukraine-store-weapons';
const PILLARS = 'armed-forces-support, cooperation-coordination-cell, future-attack-pledges, monitoring-verification, multinational-force';
let root = '';
const original = new Map<string, string>();
const file = (rel: string) => path.join(root, rel);

beforeAll(async () => {
  root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt']);
  const first = await build(root);
  expect(first.ok).toBe(true);
  for (const rel of ['site.md', `claims/${M}.md`, `claims/${H}.md`]) original.set(rel, await readFile(file(rel), 'utf8'));
});
afterAll(cleanRoots);
// Each case runs the whole pipeline on a temp root; the machine is shared, so allow for a slow one.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

async function reset(): Promise<void> {
  for (const [rel, text] of original) await writeFile(file(rel), text);
}
async function replaceIn(rel: string, from: string | RegExp, to: string): Promise<void> {
  const text = original.get(rel) ?? '';
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  await writeFile(file(rel), next);
}
const claimFile = (id: string) => `claims/${id}.md`;

const CASES: Array<{ name: string; make: () => Promise<void>; expected: string[] }> = [
  {
    name: 'unknown pillar',
    make: () => editClaim(root, M, { pillar: 'nowhere' }),
    expected: [`claims/${M}.md:5:9  unknown-pillar  Unexpected pillar "nowhere", expected one of: ${PILLARS}. Use the name of a file in pillars/ without .md, or null.`],
  },
  {
    name: 'unknown verdict',
    make: () => editClaim(root, M, { verdict: 'mostly-true' }),
    expected: [`claims/${M}.md:4:10  unknown-verdict  Unexpected verdict "mostly-true", expected one of: accurate, mostly-accurate, mixed, misleading, inaccurate, unverified. Use an id from the scale in site.md, or null.`],
  },
  {
    name: 'verdict that YAML reads as a boolean',
    make: () => editClaim(root, M, { verdict: 'true' }),
    expected: [`claims/${M}.md:4:10  schema  **verdict**: expected string, received boolean. Received: true. Put text in quotes. Example: \`verdict: accurate\`.`],
  },
  {
    name: 'hidden that is not a boolean',
    make: () => editClaim(root, M, { hidden: 'yes' as unknown as boolean }),
    expected: [`claims/${M}.md:6:9  schema  **hidden**: expected boolean, received string. Received: "yes". Example: \`hidden: true\`.`],
  },
  {
    name: 'mergeInto a missing id',
    make: () => editClaim(root, M, { mergeInto: 'no-such-claim' }),
    expected: [`claims/${M}.md:7:12  merge-missing  Unexpected mergeInto "no-such-claim": there is no claims/no-such-claim.md. Name an existing claim id, or null.`],
  },
  {
    name: 'mergeInto itself',
    make: () => editClaim(root, M, { mergeInto: M }),
    expected: [`claims/${M}.md:7:12  merge-missing  Unexpected mergeInto "${M}": a claim cannot merge into itself. Name an existing claim id, or null.`],
  },
  {
    name: 'mergeInto cycle',
    make: async () => {
      await editClaim(root, M, { mergeInto: H });
      await editClaim(root, H, { mergeInto: M });
    },
    expected: [
      `claims/${H}.md:7:12  merge-cycle  Unexpected mergeInto "${M}": the merges go round in a circle (${H} → ${M} → ${H}). Point the last one at a claim that is not merged.`,
      `claims/${M}.md:7:12  merge-cycle  Unexpected mergeInto "${H}": the merges go round in a circle (${M} → ${H} → ${M}). Point the last one at a claim that is not merged.`,
    ],
  },
  {
    name: 'bad YAML in a claim',
    make: () => replaceIn(claimFile(M), 'verdict: null', 'verdict: [accurate'),
    expected: [`claims/${M}.md:5:1  frontmatter-syntax  Invalid YAML frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML syntax (quote a value that contains \`: \` or starts with a special character).`],
  },
  {
    name: 'a misspelt field (would be dropped on rewrite)',
    make: () => replaceIn(claimFile(M), 'verdict: null', 'verdict: null\nverdcit: accurate'),
    expected: [`claims/${M}.md:5:1  unknown-field  Unexpected field \`verdcit\`, expected one of: verdict, pillar, hidden, mergeInto, reviewer, confirmed (yours) or a field the generator writes. Did you mean \`verdict\`? Rename or remove it; anything else belongs in the text below the frontmatter.`],
  },
  {
    name: 'a YAML comment of the maintainer (would be dropped on rewrite)',
    make: () => replaceIn(claimFile(M), 'verdict: null', 'verdict: accurate # checked with the Elysee'),
    expected: [`claims/${M}.md:4:22  frontmatter-comment  Unexpected YAML comment \`# checked with the Elysee\`: the generator rewrites this frontmatter and would drop it. Move the text into the note below the closing \`---\`.`],
  },
  {
    name: '---js frontmatter in a claim',
    make: () => replaceIn(claimFile(M), /^---\n/, '---js\n'),
    expected: [`claims/${M}.md:1:1  frontmatter-engine  Unexpected \`---js\` frontmatter, expected YAML between \`---\` lines. Executable frontmatter is never run; rewrite it as YAML.`],
  },
  {
    name: 'invalid site.md field',
    make: () => replaceIn('site.md', 'publisher: Triangulate', 'publisher: Triangulate\npublished: January 2026'),
    expected: ['site.md:5:12  schema  **published**: a date such as 2026-01-07. Received: "January 2026". Example: `published: 2026-01-07`.'],
  },
  {
    name: 'missing site.md field',
    make: () => replaceIn('site.md', /^title: .*\n/m, ''),
    expected: ['site.md:2:1  schema  **title**: missing. Add `title:` to the frontmatter. Example: `title: "What the reports say, cross-checked"`.'],
  },
  {
    name: 'misspelt site.md field',
    make: () => replaceIn('site.md', 'publisher: Triangulate', 'publihser: Triangulate'),
    expected: ['site.md:4:1  unknown-field  Unexpected field `publihser`, expected one of: title, description, publisher, published, corrections, verdicts. Did you mean `publisher`? Rename or remove it; anything else belongs in the text below the frontmatter.'],
  },
  {
    name: 'duplicate verdict ids in site.md',
    make: () => replaceIn('site.md', 'publisher: Triangulate', 'publisher: Triangulate\nverdicts:\n  - id: correct\n    label: Correct\n  - id: correct\n    label: Also correct'),
    expected: ['site.md:8:9  duplicate-id  Unexpected second verdict with id "correct": each rung of the scale needs its own id. Rename or remove one.'],
  },
  {
    name: 'a verdict the site declares but a claim misspells',
    make: async () => {
      await replaceIn('site.md', 'publisher: Triangulate', 'publisher: Triangulate\nverdicts:\n  - id: correct\n    label: Correct');
      await editClaim(root, M, { verdict: 'accurate' });
    },
    expected: [`claims/${M}.md:4:10  unknown-verdict  Unexpected verdict "accurate", expected one of: correct. Use an id from the scale in site.md, or null.`],
  },
];

describe('check: curated files', () => {
  for (const c of CASES) {
    it(`${c.name}: reported with its place, and nothing is written`, async () => {
      await reset();
      // A new article would make a build write: the curated error must stop that too.
      await addArticle(root, 'd-guardian.txt');
      await c.make();
      const before = await snapshot(root);
      const checked = await build(root, true);
      expect(checked.ok).toBe(false);
      expect(printed(checked)).toEqual(c.expected);
      const built = await build(root);
      expect(built.ok).toBe(false);
      expect(built.write).toBeNull();
      expect(await snapshot(root)).toEqual(before);
    });
  }

  it('the same content, once fixed, builds and writes the new article', async () => {
    await reset();
    await addArticle(root, 'd-guardian.txt');
    const built = await build(root);
    expect(printed(built)).toEqual([]);
    expect(built.write?.written).toContain('sources/d-guardian.md');
  });

  it('formats a problem as file:line:column  rule-id  message', () => {
    expect(formatProblem({ file: 'claims/x.md', line: 4, column: 10, rule: 'unknown-verdict', message: 'M.', fatal: true })).toBe('claims/x.md:4:10  unknown-verdict  M.');
  });

  it('reads curated files saved with a byte-order mark and Windows line endings', async () => {
    await reset();
    const text = original.get(claimFile(M)) ?? '';
    await writeFile(file(claimFile(M)), `\uFEFF${text.replace('verdict: null', 'verdict: accurate').replace(/\n/g, '\r\n')}`);
    await writeFile(file('site.md'), `\uFEFF${(original.get('site.md') ?? '').replace(/\n/g, '\r\n')}`);
    const built = await build(root);
    expect(printed(built)).toEqual([]);
    expect(built.claims.find((c) => c.id === M)?.verdict).toBe('accurate');
  });
});
