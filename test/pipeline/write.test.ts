/**
 * Write: a source file's Markdown, parsed back the way the site parses it (remark-parse +
 * remark-directive), gives back exactly the cleaned text, with a `:claim` directive on every claim
 * sentence that carries `#s<index>`, the claim ids and a status; every selector points at its words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { identify } from '../../scripts/pipeline/identify.ts';
import { renderClaim, renderSource, type ClaimOut } from '../../scripts/pipeline/render.ts';
import { STATUSES, claimSchema, sourceSchema } from '../../src/schema.ts';
import type { SegmentedArticle } from '../../scripts/pipeline/types.ts';
import { analyse, parseSource, plainText, splitFile } from '../helpers/pipeline.ts';

/** Runs the pure stages and returns the articles and the claims as write receives them. */
function prepared(files: Record<string, string>): { articles: SegmentedArticle[]; claims: ClaimOut[] } {
  const { articles, drafts } = analyse(files);
  identify(drafts, [], new Map(articles.map((a) => [a.id, a])));
  const claims = drafts.map((d) => ({ ...d, verdict: null, pillar: null, hidden: false, mergeInto: null, reviewer: null, confirmed: null, note: '', orphaned: false, supersededBy: null, lastSeen: [], review: null, changedSinceReview: false }));
  return { articles, claims };
}

const folder = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

interface Directive {
  name: string;
  attributes: Record<string, string | null | undefined>;
  text: string;
}
function directives(markdown: string): Directive[] {
  const out: Directive[] = [];
  visit(parseSource(markdown), (node) => {
    if (node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective') {
      out.push({ name: node.name, attributes: node.attributes ?? {}, text: toString(node) });
    }
  });
  return out;
}

/** Markdown syntax in article text that must come back as plain characters. */
const HOSTILE = [
  'Markup in plain text survives',
  '* A line that looks like a list item, with _underscores_ and **stars**, was reported by the Tribune on Monday.',
  '# Not a heading but a hash sign, said Mayor Aino Lahti in a statement on Monday about the 12 new buses.',
  '1. Numbered like a list, the council approved 12 new buses on Monday, Lahti said.',
  'The fake directive :claim[not a claim]{#s99 claims="x" status=disputed} and a [link](https://example.org) and `code` and a < b > c & d &amp; e \\ backslash were in the text, Lahti said on Monday.',
  '> Quoted like Markdown, the council approved 12 new buses, officials said on Monday.',
  '| a | table | row |, the council approved 12 new buses, officials said.',
].join('\n');

const CASES: Record<string, Record<string, string>> = {
  'council-budget': folder(path.join(import.meta.dirname, '../fixtures/match/council-budget')),
  'event articles': folder(path.join(import.meta.dirname, '../fixtures/events/orvelle-dam/articles')),
  'markdown-like text': { 'x-markup.txt': HOSTILE, 'y-markup.txt': HOSTILE.replace('Tribune', 'Gazette') },
};

describe.each(Object.entries(CASES))('renderSource: %s', (_name, files) => {
  const { articles, claims } = prepared(files);
  const ids = new Set(claims.map((c) => c.id));

  it('has claims to annotate', () => expect(claims.some((c) => c.sources.length > 1)).toBe(true));

  it.each(articles.map((a) => [a.id, a] as const))('%s: parses back to exactly the cleaned text', (_id, a) => {
    const md = renderSource(a, claims);
    const { data, body } = splitFile(md);
    expect(sourceSchema.safeParse(data).error?.issues ?? []).toEqual([]);
    expect(plainText(body)).toBe(a.text);
  });

  it.each(articles.map((a) => [a.id, a] as const))('%s: marks every claim sentence with #s<index>, claims and status', (_id, a) => {
    const found = directives(splitFile(renderSource(a, claims)).body);
    const expected = new Set(claims.flatMap((c) => c.appearances.filter((x) => x.source === a.id).map((x) => x.index)));
    expect(found.map((d) => d.attributes['id']).sort()).toEqual([...expected].map((i) => `s${i}`).sort());
    for (const d of found) {
      expect(d.name).toBe('claim');
      const index = Number(d.attributes['id']?.slice(1));
      expect(d.text).toBe(a.sentences[index]?.text);
      const listed = (d.attributes['claims'] ?? '').split(' ');
      expect(listed.length).toBeGreaterThan(0);
      for (const id of listed) expect(ids).toContain(id);
      expect(STATUSES).toContain(d.attributes['status']);
      const own = claims.filter((c) => c.appearances.some((x) => x.source === a.id && x.index === index));
      expect(new Set(listed)).toEqual(new Set(own.map((c) => c.id)));
    }
  });

  it('gives every appearance a selector that points at its words, with adjacent context', () => {
    const text = new Map(articles.map((a) => [a.id, a.text]));
    for (const c of claims) {
      expect(claimSchema.safeParse(c).success).toBe(true);
      expect(renderClaim(c)).toContain(`text: `);
      for (const { source, selector: s } of c.appearances) {
        // Positions and context lengths count code points (W3C Web Annotation).
        const t = [...(text.get(source) ?? '')];
        const [prefix, suffix] = [[...s.prefix].length, [...s.suffix].length];
        expect(t.slice(s.start, s.end).join('')).toBe(s.exact);
        expect(s.prefix).toBe(t.slice(s.start - prefix, s.start).join(''));
        expect(s.suffix).toBe(t.slice(s.end, s.end + suffix).join(''));
        expect(prefix === 32 || s.start - prefix === 0).toBe(true);
        expect(suffix === 32 || s.end + suffix === t.length).toBe(true);
      }
    }
  });

  it('stores a selector\'s exact words only when they are not the whole sentence, and reads them back', () => {
    for (const c of claims) {
      const file = renderClaim(c);
      const data = parseYaml(file.slice(4, file.indexOf('\n---\n', 4))) as { appearances: Array<{ sentence: string; selector: { exact?: string } }> };
      data.appearances.forEach((stored, i) => {
        const whole = c.appearances[i]?.selector.exact === c.appearances[i]?.sentence;
        expect(stored.selector.exact).toBe(whole ? undefined : c.appearances[i]?.selector.exact);
      });
      expect(claimSchema.parse({ ...c, ...data }).appearances).toEqual(c.appearances);
    }
  });
});

describe('renderSource: hidden claims', () => {
  it('does not annotate a sentence whose only claim is hidden', () => {
    const { articles, claims } = prepared(CASES['council-budget'] ?? {});
    const a = articles[0] as SegmentedArticle;
    const all = directives(renderSource(a, claims)).length;
    const hidden = claims.map((c) => ({ ...c, hidden: true }));
    expect(all).toBeGreaterThan(0);
    expect(directives(renderSource(a, hidden))).toEqual([]);
    expect(plainText(splitFile(renderSource(a, hidden)).body)).toBe(a.text);
  });
});
