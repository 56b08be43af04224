/** Pure site helpers: coverage cells, bounded lists, claim-link resolution, settings documentation, labels. */
import { describe, expect, test } from 'vitest';
import { appearancesByWording, coverageTable, conflictSummary, LIST_CAP, MATRIX_COLUMNS, MATRIX_ROWS, omittedClaims, silentSources } from '../../src/lib/bounded.ts';
import type { ClaimView, PillarView, SourceView } from '../../src/lib/data.ts';
import { coverageRow } from '../../src/lib/coverage.ts';
import { describeSettings } from '../../src/lib/settings-doc.ts';
import { renderSourceBody } from '../../src/lib/source-html.ts';
import { countByStatus, independencePhrase, sourcesPhrase } from '../../src/lib/status.ts';
import { buildClaimReview, claimReviewGap, jsonLdScript } from '../../src/lib/jsonld.ts';
import type { Appearance, Claim } from '../../src/schema.ts';

const appearance = (source: string, index: number): Appearance => ({
  source, index, sentence: 's', speaker: null, selector: { exact: 's', prefix: '', suffix: '', start: 0, end: 1 },
});

describe('coverageRow', () => {
  test('the majority value agrees, the minority differs, others are silent', () => {
    const row = coverageRow(
      {
        sources: ['a', 'b', 'c'],
        appearances: [appearance('a', 1), appearance('b', 4), appearance('c', 2)],
        conflicts: [{ field: 'weekday', values: [{ source: 'a', value: 'Tuesday' }, { source: 'b', value: 'Tuesday' }, { source: 'c', value: 'Monday' }] }],
      },
      ['a', 'b', 'c', 'd'],
    );
    expect(row.map((c) => [c.source, c.state, c.sentence])).toEqual([['a', 'agrees', 1], ['b', 'agrees', 4], ['c', 'differs', 2], ['d', 'silent', null]]);
    expect(row[2]!.values).toEqual(['Monday']);
  });

  test('with a tie nobody is the majority: every value differs', () => {
    const row = coverageRow(
      { sources: ['a', 'b'], appearances: [], conflicts: [{ field: 'figure', values: [{ source: 'a', value: '30' }, { source: 'b', value: '40' }] }] },
      ['a', 'b'],
    );
    expect(row.map((c) => c.state)).toEqual(['differs', 'differs']);
  });
});

/**
 * A site of `sources` sources and `claims` claims in two pillars; claim i is stated by sources
 * 0..(i mod sources), so claim sources-1 is stated by all and source 0 states every claim.
 */
function bigSite(sourceCount: number, claimCount: number) {
  const sources = Array.from({ length: sourceCount }, (_, i) => ({ id: `s${String(i).padStart(3, '0')}`, name: `S${i}`, data: {} }) as SourceView);
  const pillars = [{ id: 'p1', title: 'One', claims: [] }, { id: 'p2', title: 'Two', claims: [] }] as unknown as PillarView[];
  const claims = Array.from({ length: claimCount }, (_, i) => {
    const sourceIds = sources.slice(0, (i % sourceCount) + 1).map((s) => s.id);
    return {
      id: `c${String(i).padStart(3, '0')}`,
      pillar: i % 3 === 0 ? null : i % 3 === 1 ? 'p1' : 'p2',
      sourceIds,
      data: { sources: sourceIds, appearances: sourceIds.map((source) => appearance(source, i)), conflicts: [] },
    } as unknown as ClaimView;
  });
  const statedBySource = new Map(sources.map((s) => [s.id, claims.filter((c) => c.sourceIds.includes(s.id))]));
  const byPillar = new Map<string | null, number>();
  for (const c of claims) byPillar.set(c.pillar, (byPillar.get(c.pillar) ?? 0) + 1);
  const mostCorroborated = [...claims].sort((a, b) => b.sourceIds.length - a.sourceIds.length);
  const sourcesByReach = [...sources].sort((a, b) => statedBySource.get(b.id)!.length - statedBySource.get(a.id)!.length);
  return { sources, pillars, claims, statedBySource, comparable: { total: claims.length, byPillar }, mostCorroborated, sourcesByReach };
}

describe('bounded lists', () => {
  const site = bigSite(100, 300);

  test('silent sources: the full count, and the capped few that state the most claims', () => {
    const claim = site.claims[4]!; // stated by s000..s004
    const silent = silentSources(site, claim);
    expect(silent.total).toBe(95);
    expect(silent.shown).toHaveLength(LIST_CAP);
    expect(silent.shown.map((s) => s.id)).toEqual(['s005', 's006', 's007', 's008', 's009', 's010', 's011', 's012', 's013', 's014']);
    expect(silentSources(site, site.claims[99]!)).toEqual({ total: 0, shown: [] });
    expect(silentSources(site, site.claims[97]!).shown.map((s) => s.id)).toEqual(['s098', 's099']);
  });

  test('omitted claims: the full count, the capped most-corroborated ones, and every omission counted per pillar', () => {
    const omitted = omittedClaims(site, 's050');
    const expected = site.claims.filter((c) => !c.sourceIds.includes('s050'));
    expect(omitted.total).toBe(expected.length);
    expect(omitted.shown).toHaveLength(LIST_CAP);
    expect(omitted.shown.every((c) => !c.sourceIds.includes('s050'))).toBe(true);
    expect(omitted.shown.map((c) => c.sourceIds.length)).toEqual([50, 50, 50, 49, 49, 49, 48, 48, 48, 47]);
    expect(omitted.byPillar.map((g) => [g.pillar?.id ?? null, g.count])).toEqual([
      ['p1', expected.filter((c) => c.pillar === 'p1').length],
      ['p2', expected.filter((c) => c.pillar === 'p2').length],
      [null, expected.filter((c) => c.pillar === null).length],
    ]);
    expect(omitted.byPillar.reduce((sum, g) => sum + g.count, 0)).toBe(omitted.total);
    expect(omittedClaims(site, 's000')).toEqual({ total: 0, shown: [], byPillar: [] });
  });

  test('the coverage matrix keeps the claims most sources state and the sources stating most of them', () => {
    const groups = [{ title: 'One', claims: site.claims.filter((c) => c.pillar === 'p1') }, { title: 'Two', claims: site.claims.filter((c) => c.pillar === 'p2') }];
    const table = coverageTable(site, groups);
    const rows = table.groups.flatMap((g) => g.rows);
    expect(rows).toHaveLength(MATRIX_ROWS);
    expect(table.totalRows).toBe(200);
    expect(Math.min(...rows.map((r) => r.claim.sourceIds.length))).toBeGreaterThanOrEqual(80);
    expect(table.columns).toHaveLength(MATRIX_COLUMNS);
    expect(table.columns.map((s) => s.id)).toEqual(site.sources.slice(0, MATRIX_COLUMNS).map((s) => s.id));
    expect(table.totalColumns).toBe(100);
    for (const row of rows) expect(row.cells.map((c) => c.source)).toEqual(table.columns.map((s) => s.id));
    expect(table.groups.map((g) => g.title)).toEqual(['One', 'Two']);
  });

  test('a small site keeps every row and every source', () => {
    const small = bigSite(5, 8);
    const table = coverageTable(small, [{ title: 'All', claims: small.claims }]);
    expect(table.groups[0]!.rows.map((r) => r.claim.id)).toEqual(small.claims.map((c) => c.id));
    expect(table.columns).toHaveLength(5);
  });

  test('appearances group by exact sentence, the most used first, with capped names and wordings', () => {
    const said = (sentence: string, source: string, index: number): Appearance => ({ ...appearance(source, index), sentence });
    const appearances = [
      said('Rare.', 'a', 1),
      ...['a', 'b', 'c', 'd'].map((s, i) => said('Common.', s, i)),
      said('Common.', 'a', 9), // the same source twice counts once
      said('Once more.', 'e', 2),
      said('Last.', 'f', 3),
    ];
    const grouped = appearancesByWording(appearances, { wordings: 3, names: 2 });
    expect(grouped.wordings.map((w) => [w.sentence, w.sources, w.shown.map((a) => `${a.source}#${a.index}`)])).toEqual([
      ['Common.', 4, ['a#0', 'b#1']],
      ['Rare.', 1, ['a#1']],
      ['Once more.', 1, ['e#2']],
    ]);
    expect([grouped.otherWordings, grouped.otherSources]).toEqual([1, 1]);
    expect(appearancesByWording(appearances).otherWordings).toBe(0);
  });

  test('a conflict summary counts sources per value, most given first, capped', () => {
    const values = ['9', '10', '10', '11', '12', '12', '12'].map((value, i) => ({ source: `s${i}`, value }));
    expect(conflictSummary({ field: 'figure', values })).toBe('Figure: 12 (3 sources) · 10 (2 sources) · 9 (1 source) · 1 other value');
    expect(conflictSummary({ field: 'weekday', values: values.slice(0, 2) })).toBe('Day of the week: 9 (1 source) · 10 (1 source)');
  });
});

describe('renderSourceBody', () => {
  const body = (ids: string) => `Intro.\n\n:claim[Text _here_.]{#s1 claims="${ids}" status="disputed"} After.\n`;
  const claimHref = (id: string) => (id === 'hidden' ? null : id === 'old' ? '/claims/new/' : `/claims/${id}/`);

  test('links a claim sentence to the first claim that has a page, following merges', () => {
    const html = renderSourceBody(body('hidden old'), claimHref);
    expect(html).toContain('<a href="/claims/new/" class="claim-link">Text <em>here</em>.</a>');
    expect(html).toMatch(/<mark id="s1" class="claim claim--disputed" data-status="disputed" data-claims="hidden old">/);
  });

  test('keeps the highlighted sentence without a link when no claim has a page', () => {
    const html = renderSourceBody(body('hidden'), claimHref);
    expect(html).toContain('<span class="claim-link">Text <em>here</em>.</span>');
    expect(html).not.toContain('<a ');
    expect(html).toContain('id="s1"');
  });

  test('shows markup in article text as text', () => {
    expect(renderSourceBody('A <script>alert(1)</script> tag.\n', claimHref)).toBe('<p>A &#x3C;script>alert(1)&#x3C;/script> tag.</p>');
  });
});

describe('describeSettings', () => {
  test('pairs each value with the doc comment written above it', () => {
    const source = `export const SETTINGS = {\n  match: {\n    /** Similarity above which\n     * two mentions are one claim. */\n    sameClaim: 0.3,\n    noDoc: 2,\n  },\n  extract: { /** Words. */ minWords: 5 },\n} as const;`;
    expect(describeSettings({ match: { sameClaim: 0.3, noDoc: 2 }, extract: { minWords: 5 } }, source)).toEqual([
      { group: 'match', key: 'sameClaim', value: '0.3', doc: 'Similarity above which two mentions are one claim.' },
      { group: 'match', key: 'noDoc', value: '2', doc: '' },
      { group: 'extract', key: 'minWords', value: '5', doc: 'Words.' },
    ]);
  });
});

describe('labels and JSON-LD', () => {
  test('counts are zero-filled, and k of n counts independent sources', () => {
    expect(countByStatus([{ status: 'disputed' }])).toEqual({ corroborated: 0, 'single-source': 0, disputed: 1 });
    expect(sourcesPhrase(1, 5)).toBe('1 of 5 sources');
    expect(independencePhrase(4, 3)).toBe('4 sources, 3 independent');
    expect(independencePhrase(2, 2)).toBe('2 sources');
  });

  const verdict = { id: 'accurate', label: 'Accurate', description: '' };
  const review = { date: '2026-01-08', text: 'x', evidence: 'e', sources: [], verdict: 'accurate', note: '', updates: [{ date: '2026-01-10', change: 'Verdict given.' }] };
  const base = { pageUrl: 'u', siteUrl: 's', appearances: [] };

  test('ClaimReview exactly for reviews: a verdict, its date and a publisher; a count of sources is never a rating', () => {
    const claim = { text: '</script><b>', kind: 'statement', speaker: null, status: 'corroborated', reviewer: 'Ana', review } as unknown as Claim;
    const built = buildClaimReview({ ...base, claim, publisher: 'P', verdict })!;
    expect(built).toMatchObject({ '@type': 'ClaimReview', datePublished: '2026-01-08', dateModified: '2026-01-10', reviewRating: { alternateName: 'Accurate' }, creator: { name: 'Ana' } });
    expect(jsonLdScript(built)).not.toContain('</script>');
    expect(JSON.parse(jsonLdScript(built)).claimReviewed).toBe('</script><b>');
    expect(buildClaimReview({ ...base, claim, publisher: 'P', verdict: null })).toBeNull();
    expect(buildClaimReview({ ...base, claim, publisher: null, verdict })).toBeNull();
    expect(claimReviewGap({ claim, publisher: null, verdict })).toBe('site.md has no `publisher`');
    const undated = { ...claim, review: null } as Claim;
    expect(buildClaimReview({ ...base, claim: undated, publisher: 'P', verdict })).toBeNull();
    expect(claimReviewGap({ claim: undated, publisher: 'P', verdict })).toMatch(/no date/);
    expect(claimReviewGap({ claim: undated, publisher: 'P', verdict: null })).toBeNull();
  });
});

describe('safe links', () => {
  test('only http(s) is an article link, whatever the case, spaces or tabs', async () => {
    const { articleHref, contactHref } = await import('../../src/lib/safe-url.ts');
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', 'mailto:a@b.c']) {
      expect(articleHref(url), url).toBeNull();
    }
    expect(articleHref(' https://example.com/a')).toBe('https://example.com/a');
    expect(contactHref('desk@example.com')).toBe('mailto:desk@example.com');
    expect(contactHref('https://example.com/corrections')).toBe('https://example.com/corrections');
    expect(contactHref('javascript:alert(1)//@x')).toBeNull();
    expect(contactHref('javascript:alert(1)')).toBeNull();
  });

  test('ClaimReview never names a javascript: address', () => {
    const source = { title: 'T', headline: true, outlet: null, author: null, url: 'javascript:alert(1)', published: null, file: 'articles/t.txt', sentences: 1, claims: [], removed: [] };
    const review = buildClaimReview({
      claim: { text: 'x', kind: 'statement', speaker: null, review: { date: '2026-01-08', updates: [] } } as unknown as Claim,
      pageUrl: 'https://site/claims/x/', siteUrl: 'https://site/', publisher: 'P', verdict: { id: 'a', label: 'A', description: '' },
      appearances: [{ source, sentenceUrl: 'https://site/sources/t/#s0' }],
    });
    expect(review).not.toBeNull();
    expect(JSON.stringify(review)).not.toContain('javascript:');
  });
});
