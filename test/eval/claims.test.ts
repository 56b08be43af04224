/**
 * The claim-matching eval: the pure scoring on hand-made claims (every count can be worked out by
 * hand), then the whole command on a tiny made-up event (test/fixtures/eval-claims/brannock: a
 * warehouse fire told by two outlets, and a regatta story from the same quay).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../scripts/errors.ts';
import { evalClaims, formatTable, readGold, readPillarOrders, type ClaimsReport } from '../../scripts/eval/claims.ts';
import { normalise, parseGold, scoreClaims, speakerMatches, sumCounts, type EvalClaim, type Gold } from '../../scripts/eval/claims-score.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/eval-claims');
const REPO = path.join(import.meta.dirname, '../..');

/** A gold file of three sources: s1 and s2 tell the main story, s3 another one. */
function gold(extra: Record<string, unknown> = {}): Gold {
  return parseGold({
    event: 'test',
    stories: { main: ['s1', 's2'], other: [['s3']] },
    clusters: [
      { id: 'bridge', claim: 'The bridge closed.', pillar: 1, items: [['s1', 'the bridge closed on Monday'], ['s2', 'closed the bridge on Monday']] },
      { id: 'toll', claim: 'The toll doubles.', pillar: 2, items: [['s1', 'the toll will double'], ['s2', 'toll is to double']] },
    ],
    quote_variants: [],
    quotes_with_speaker: [],
    conflicts: [],
    compatible_not_conflict: [],
    must_not_link: [[['s1', 'the mayor opened the fair'], ['s3', 'the fair opened in the rain']]],
    single_source: [['s1', 'the mayor opened the fair']],
    ...extra,
  });
}

let nextId = 0;
/** A claim with one appearance per [source, sentence]. */
function claim(appearances: Array<[string, string] | [string, string, string]>, rest: Partial<EvalClaim> = {}): EvalClaim {
  const sources = [...new Set(appearances.map((a) => a[0]))];
  return {
    id: `c${++nextId}`,
    kind: 'statement',
    speaker: null,
    pillar: null,
    autoPillar: null,
    sources,
    appearances: appearances.map(([source, sentence, speaker]) => ({ source, sentence, speaker: speaker ?? null })),
    conflicts: [],
    ...rest,
  };
}

const BRIDGE_1 = 'Officials said the bridge closed on Monday.';
const BRIDGE_2 = 'Engineers closed the bridge on Monday morning.';
const TOLL_1 = 'From May the toll will double.';
const TOLL_2 = 'The toll is to double in May.';
const FAIR_1 = 'On Sunday the mayor opened the fair.';
const FAIR_3 = 'Last year the fair opened in the rain.';
const ORDERS = new Map([['roads', 1], ['money', 2]]);

describe('normalise', () => {
  it('folds quote marks, apostrophes, dashes, whitespace and case', () => {
    expect(normalise('“Never  again,”\n she said — «really»')).toBe(normalise('"never again," she said - \'really\''));
    expect(normalise('the governor’s office')).toBe("the governor's office");
  });

  it('lets a straight-quoted gold item be held by a sentence with curly quotes and a line break', () => {
    const g = gold({ quotes_with_speaker: [['s1', '"We will not pay," Mayor Ruda said', 'Ruda']] });
    const quote = claim([['s1', '“We will not\npay,” mayor Ruda said on Sunday.', 'Anna Ruda']], { kind: 'quote', speaker: 'Anna Ruda' });
    const { counts } = scoreClaims(g, [quote], ORDERS);
    expect(counts.speaker).toEqual({ correct: 1, total: 1, missed: 0 });
  });
});

describe('speakerMatches', () => {
  it('matches surnames across first names, accents, case and descriptions', () => {
    expect(speakerMatches('Sharman report', 'Jack Sharman')).toBe(true);
    expect(speakerMatches('Dvořák', 'Pavel Dvorak')).toBe(true);
    expect(speakerMatches('Al Thani', 'Sheikh Mohammed bin Abdullah Al Thani')).toBe(true);
    expect(speakerMatches('Van Dalen', 'Piet VanDalen')).toBe(true);
    expect(speakerMatches('Dalen', 'Piet VanDalen')).toBe(false);
    expect(speakerMatches('Holt', 'Ilse Vrana')).toBe(false);
    expect(speakerMatches('Holt', '')).toBe(false);
  });
});

describe('scoreClaims', () => {
  it('counts one wrong link among three judged pairs: precision 2/3, the must_not_link pair named', () => {
    const claims = [
      claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]]),
      claim([['s1', TOLL_1], ['s2', TOLL_2]]),
      claim([['s1', FAIR_1], ['s3', FAIR_3]]),
      // Not judged: the s2 sentence holds no gold item.
      claim([['s1', FAIR_1], ['s2', 'The weather was fine.']]),
    ];
    const { counts, details } = scoreClaims(gold(), claims, ORDERS);
    expect(counts.linked).toBe(4);
    expect(counts.judged).toBe(3);
    expect(counts.correct).toBe(2);
    expect(counts.mustNotLink).toBe(1);
    expect(details.wrongLinks.map((w) => [w.a.sentence, w.b.sentence])).toEqual([[FAIR_1, FAIR_3]]);
    expect(counts.recalled).toBe(2);
    expect(counts.goldPairs).toBe(2);
  });

  it('counts a link across stories, and the one a gold cluster supports apart', () => {
    const g = gold({
      clusters: [{ id: 'background', pillar: null, items: [['s1', 'the war is six years old'], ['s3', 'six years of war']] }],
    });
    const claims = [
      claim([['s2', 'Separately, the fair opened in the rain.'], ['s3', FAIR_3]]),
      claim([['s1', 'By now the war is six years old.'], ['s3', 'After six years of war, little is left.']]),
    ];
    const { counts } = scoreClaims(g, claims, ORDERS);
    expect(counts.crossStory).toBe(2);
    expect(counts.crossStorySupported).toBe(1);
  });

  it('never counts appearances of one source as a link, nor the same sentence pair twice', () => {
    const claims = [claim([['s1', BRIDGE_1], ['s1', TOLL_1]]), claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]]), claim([['s2', BRIDGE_2], ['s1', BRIDGE_1]])];
    const { counts } = scoreClaims(gold(), claims, ORDERS);
    expect(counts.linked).toBe(1);
    expect(counts.correct).toBe(1);
  });

  it('recalls a gold pair only when one claim holds both items', () => {
    const { counts, details } = scoreClaims(gold(), [claim([['s1', BRIDGE_1]]), claim([['s2', BRIDGE_2]]), claim([['s1', TOLL_1], ['s2', TOLL_2]])], ORDERS);
    expect(counts.recalled).toBe(1);
    expect(details.missedGroups.map((m) => m.id)).toEqual(['bridge']);
    expect(details.missedGroups[0]?.items.map((i) => i.claims.length)).toEqual([1, 1]);
  });

  it('counts a missing conflict, a found one, and false conflicts (also between compatible values)', () => {
    const g = gold({
      conflicts: [
        { id: 'toll-rise', field: 'figure', hard: false, a: ['s1', 'the toll will double'], b: ['s2', 'toll is to double'] },
        { id: 'bridge-day', field: 'weekday', hard: true, a: ['s1', 'the bridge closed on Monday'], b: ['s2', 'closed the bridge on Monday'] },
      ],
      compatible_not_conflict: [{ why: 'same', a: ['s1', 'the bridge closed'], b: ['s2', 'closed the bridge'] }],
    });
    const values = [{ source: 's1', value: '1' }, { source: 's2', value: '2' }];
    const missing = scoreClaims(g, [claim([['s1', TOLL_1], ['s2', TOLL_2]])], ORDERS).counts;
    expect([missing.conflictsFound, missing.conflicts, missing.hardFound, missing.hardConflicts]).toEqual([0, 1, 0, 1]);
    const found = scoreClaims(g, [claim([['s1', TOLL_1], ['s2', TOLL_2]], { conflicts: [{ field: 'figure', values }] })], ORDERS).counts;
    expect([found.conflictsFound, found.falseConflicts]).toEqual([1, 0]);
    // The hard conflict is found too, but the claim also holds the compatible pair: the conflict is backed, not false.
    const bridge = scoreClaims(g, [claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]], { conflicts: [{ field: 'weekday', values }] })], ORDERS).counts;
    expect([bridge.hardFound, bridge.falseConflicts]).toEqual([1, 0]);
    const compatible = gold({ compatible_not_conflict: [{ why: 'same', a: ['s1', 'the bridge closed'], b: ['s2', 'closed the bridge'] }] });
    const wrong = scoreClaims(compatible, [claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]], { conflicts: [{ field: 'weekday', values }] })], ORDERS);
    expect([wrong.counts.falseConflicts, wrong.counts.compatibleConflicts, wrong.counts.outputConflicts]).toEqual([1, 1, 1]);
    expect(wrong.details.falseConflicts[0]?.compatible).toBe(true);
  });

  it('scores single-source claims: alone is right, linked is wrong, absent is missed', () => {
    const g = gold({ single_source: [['s1', 'the mayor opened the fair'], ['s2', 'tickets sold out'], ['s3', 'it rained all day']] });
    const claims = [claim([['s1', FAIR_1]]), claim([['s2', 'By noon tickets sold out.'], ['s3', 'Tickets sold out.']])];
    const { counts, details } = scoreClaims(g, claims, ORDERS);
    expect(counts.singleSource).toEqual({ correct: 1, total: 3, missed: 1 });
    expect(details.wrongSingle.map((w) => w.item[1])).toEqual(['tickets sold out', 'it rained all day']);
  });

  it('scores speakers of quotes and of quote variants', () => {
    const g = gold({
      quotes_with_speaker: [['s1', 'we will not pay', 'Ruda'], ['s2', 'not a cent more', 'Ruda']],
      quote_variants: [{ id: 'qv', speaker: 'Ruda', items: [['s1', 'we will not pay'], ['s3', 'we are not paying']] }],
    });
    const claims = [
      claim([['s1', '"We will not pay," Ruda said.', 'Anna Ruda']], { kind: 'quote', speaker: 'Anna Ruda' }),
      claim([['s2', '"Not a cent more," said Kell.', 'Tomas Kell']], { kind: 'quote', speaker: 'Tomas Kell' }),
    ];
    const { counts, details } = scoreClaims(g, claims, ORDERS);
    expect(counts.speaker).toEqual({ correct: 1, total: 3, missed: 1 });
    expect(details.wrongSpeakers.map((w) => w.found)).toEqual([['Tomas Kell'], []]);
  });

  it('compares the pillar of the claim holding most of a cluster with the gold order', () => {
    const claims = [
      claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]], { autoPillar: 'money' }),
      claim([['s1', TOLL_1], ['s2', TOLL_2]], { autoPillar: 'roads', pillar: 'money' }),
    ];
    const { counts, details } = scoreClaims(gold(), claims, ORDERS);
    expect(counts.pillar).toEqual({ correct: 1, total: 2, missed: 0 });
    expect(details.wrongPillars).toEqual([{ id: 'bridge', gold: 1, found: 2, claim: claims[0]?.id }]);
  });

  it('counts gold items no claim holds', () => {
    const { counts, details } = scoreClaims(gold(), [claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]])], ORDERS);
    // bridge ×2, toll ×2, the two must_not_link items (one of them also single-source).
    expect(counts.items).toBe(6);
    expect(counts.itemsNotFound).toBe(4);
    expect(details.notFound.map((i) => i[1])).toContain('the toll will double');
  });

  it('sums counts, nested accuracies included', () => {
    const one = scoreClaims(gold(), [claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]])], ORDERS).counts;
    const sum = sumCounts([one, one]);
    expect(sum.recalled).toBe(2 * one.recalled);
    expect(sum.pillar.total).toBe(2 * one.pillar.total);
  });

  it('refuses a malformed gold file, naming the entry', () => {
    expect(() => parseGold({ clusters: [{ id: 'x', items: [['s1']] }] })).toThrow(/clusters\[0\] items\[0\]/);
    expect(() => parseGold({ quotes_with_speaker: [['s1', 'words']] })).toThrow(/quotes_with_speaker\[0\]/);
  });
});

describe('formatTable', () => {
  it('aligns every row to the same width', () => {
    const counts = scoreClaims(gold(), [claim([['s1', BRIDGE_1], ['s2', BRIDGE_2]])], ORDERS).counts;
    const table = formatTable({ runs: [{ event: 'a-long-event-name', mode: 'text', counts }], overall: { text: counts }, all: counts } as unknown as ClaimsReport);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[1]).toMatch(/^a-long-event-name\s+text\s+1\.000\s+0\.500\s+1\/2\s+1\/1/);
  });
});

describe('evalClaims on a made-up event', () => {
  let report: ClaimsReport;
  let lines: string[] = [];
  let work = '';
  let leftBefore: string[] = [];

  const ours = async (): Promise<string[]> => (await readdir(tmpdir())).filter((n) => n.startsWith('triangulate-eval-claims-'));

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'claims-eval-test-'));
    leftBefore = await ours();
    report = await evalClaims({ dir: DIR, explicit: true, json: path.join(work, 'claims.json'), explain: true, log: (l) => lines.push(l) });
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('builds the event from its texts and from its pages, and removes the temporary roots', async () => {
    expect(report.runs.map((r) => `${r.event}/${r.mode}`)).toEqual(['brannock/text', 'brannock/pages']);
    for (const r of report.runs) expect(r.sources).toBe(3);
    expect(await ours()).toEqual(leftBefore);
  });

  it('counts what the gold file holds, whatever the matcher does', () => {
    for (const r of report.runs) {
      expect(r.counts.goldPairs).toBe(5);
      expect(r.counts.conflicts).toBe(1);
      expect(r.counts.hardConflicts).toBe(0);
      expect(r.counts.singleSource.total).toBe(3);
      expect(r.counts.speaker.total).toBe(3);
      expect(r.counts.pillar.total).toBe(4);
      expect(r.counts.items).toBe(22);
      expect(r.counts.correct).toBeLessThanOrEqual(r.counts.judged);
      expect(r.counts.judged).toBeLessThanOrEqual(r.counts.linked);
    }
    expect(report.all.goldPairs).toBe(10);
    expect(report.overall.text?.goldPairs).toBe(5);
  });

  it('finds the near-identical sentences of the two fire reports in one claim, in both modes', () => {
    // "...was taken to hospital with smoke inhalation" differs by one figure; the page has curly quotes.
    for (const r of report.runs) expect(r.counts.recalled).toBeGreaterThanOrEqual(1);
  });

  it('prints the table, the explanations, and writes the same numbers as JSON', async () => {
    const out = lines.join('\n');
    expect(out).toMatch(/^brannock\s+text\s/m);
    expect(out).toMatch(/^brannock\s+pages\s/m);
    expect(out).toMatch(/^overall\s+text\s/m);
    expect(out).toMatch(/^all\s/m);
    expect(out).toContain('== brannock (text)');
    expect(out).toContain('missed gold pairs');
    const json = JSON.parse(await readFile(path.join(work, 'claims.json'), 'utf8')) as {
      runs: Array<{ event: string; mode: string; counts: unknown; ratios: { precision: number | null } }>;
      all: { counts: unknown };
    };
    expect(json.runs.map((r) => r.counts)).toEqual(report.runs.map((r) => r.counts));
    expect(json.all.counts).toEqual(report.all);
  });

  it('runs one event in one mode', async () => {
    const one = await evalClaims({ dir: DIR, event: 'brannock', mode: 'text', log: () => undefined });
    expect(one.runs.map((r) => r.mode)).toEqual(['text']);
    await expect(evalClaims({ dir: DIR, event: 'nowhere', log: () => undefined })).rejects.toThrow(UserError);
  });

  it('reads the pillar orders and the gold', async () => {
    expect(await readPillarOrders(path.join(DIR, 'brannock'))).toEqual(new Map([['the-fire', 1], ['the-harbour', 2]]));
    expect((await readGold(path.join(DIR, 'brannock'))).clusters).toHaveLength(4);
  });
});

describe('a missing dev set', () => {
  it('is skipped when it is the default folder, an error when given with --dir', async () => {
    const missing = path.join(DIR, 'no-such-folder');
    const lines: string[] = [];
    const skipped = await evalClaims({ dir: missing, log: (l) => lines.push(l) });
    expect(skipped.skipped).toBe(true);
    expect(lines).toEqual([`skipped: ${missing} not found`]);
    await expect(evalClaims({ dir: missing, explicit: true, log: () => undefined })).rejects.toThrow(/does not exist/);
  });

  it('through the command line: exit 0 with "skipped" by default, exit 1 with a message for --dir', async () => {
    const run = promisify(execFile);
    // One level down, so the default ../shared is inside the temp folder (absent even where /tmp/shared exists).
    const outer = await mkdtemp(path.join(tmpdir(), 'claims-eval-cli-'));
    const cwd = path.join(outer, 'project');
    await mkdir(cwd);
    const cli = path.join(REPO, 'scripts/cli.ts');
    try {
      const skipped = await run(process.execPath, [cli, 'eval', 'claims'], { cwd });
      expect(skipped.stdout).toMatch(/^skipped: .*events not found/m);
      const failed = await run(process.execPath, [cli, 'eval', 'claims', '--dir', 'nowhere'], { cwd }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/triangulate: No dev set at .*nowhere: the folder does not exist/);
    } finally {
      await rm(outer, { recursive: true, force: true });
    }
  });
});
