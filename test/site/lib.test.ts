/** Pure site helpers: coverage cells, claim-link resolution, settings documentation, labels. */
import { describe, expect, test } from 'vitest';
import { coverageRow } from '../../src/lib/coverage.ts';
import { describeSettings } from '../../src/lib/settings-doc.ts';
import { resolveClaimLinks } from '../../src/lib/source-html.ts';
import { corroborationLabel, countByStatus } from '../../src/lib/status.ts';
import { buildClaimReview, jsonLdScript } from '../../src/lib/jsonld.ts';
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

describe('resolveClaimLinks', () => {
  const mark = (ids: string) => `<mark id="s1" class="claim" data-status="x" data-claims="${ids}"><a href="/claims/${ids.split(' ')[0]}/" class="claim-link">Text <em>here</em>.</a> <span class="claim-tag">t</span></mark>`;
  const resolve = (id: string) => (id === 'hidden' ? null : id === 'old' ? '/claims/new/' : `/claims/${id}/`);

  test('links to the first claim that has a page, following merges', () => {
    expect(resolveClaimLinks(mark('hidden old'), resolve)).toContain('<a href="/claims/new/" class="claim-link">Text <em>here</em>.</a>');
  });

  test('keeps the highlighted sentence without a link when no claim has a page', () => {
    const html = resolveClaimLinks(mark('hidden'), resolve);
    expect(html).toContain('<span class="claim-link">Text <em>here</em>.</span>');
    expect(html).not.toContain('<a ');
    expect(html).toContain('id="s1"');
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
  test('counts are zero-filled and the corroboration label says k of n', () => {
    expect(countByStatus([{ status: 'disputed' }])).toEqual({ corroborated: 0, 'single-source': 0, disputed: 1 });
    expect(corroborationLabel('single-source', 1, 5)).toBe('Single source: 1 of 5 sources');
  });

  test('datePublished is omitted when the site has no date, and </script> cannot break out', () => {
    const claim = { text: '</script><b>', kind: 'statement', speaker: null, status: 'corroborated' } as Claim;
    const review = buildClaimReview({ claim, pageUrl: 'u', siteUrl: 's', publisher: 'p', published: null, verdict: null, appearances: [], totalSources: 3 });
    expect(review).not.toHaveProperty('datePublished');
    expect(jsonLdScript(review)).not.toContain('</script>');
    expect(JSON.parse(jsonLdScript(review)).claimReviewed).toBe('</script><b>');
  });
});
