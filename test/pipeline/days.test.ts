/**
 * Dated acts inside longer sentences: the act a day is tied to, and the claim two sources make
 * when they put one act, about one thing, on one day, whatever else their sentences say.
 */
import { describe, expect, it } from 'vitest';
import { datedActs, datedClaims } from '../../scripts/pipeline/match/days.ts';
import { completeGroups } from '../../scripts/pipeline/match/facts.ts';
import type { Cluster, Mention } from '../../scripts/pipeline/types.ts';
import { analyse } from '../helpers/pipeline.ts';
import { compare } from '../../scripts/pipeline/compare.ts';

/** Every two sources tell one story. */
const sameStory = (): number => 1;
/** The first mention whose sentence holds a phrase. */
const finder = (mentions: readonly Mention[]) => (phrase: string): Mention => mentions.find((m) => m.sentence.text.includes(phrase)) as Mention;

describe('datedActs', () => {
  const acts = (text: string): string[] => datedActs(analyse({ 'a.txt': `Harbour\n${text}\nThe port reopened later.` }).mentions).map((a) => `${a.act} ${a.day}`);

  it('ties a day to the act nearest it, a verb or a noun that names an act', () => {
    expect(acts('The harbour board tried to delay the audit, but the council released it Friday afternoon.')).toEqual(['release Friday']);
    expect(acts('Riots follow Sunday’s attack on the northern docks by the strikers.')).toEqual(['attack Sunday']);
  });

  it('ties a day after its verb to that verb, however far back in its clause', () => {
    expect(acts('Strikers occupied three loading cranes on the outskirts of Port Amsel on Tuesday for the second time.')).toEqual(['occupy Tuesday']);
    // The noun of an act just before the day is what it dates, not the clause's verb.
    expect(acts('The dockers gained ground in a surprise strike on Sunday.')).toEqual(['strike Sunday']);
    // A comma ends the reach back: the verb of an aside is not what the day dates.
    expect(acts('Teodor Lind, who tried to block the audit, on Friday defended his record.').filter((a) => a.startsWith('block'))).toEqual([]);
  });

  it('ties no act to the day someone spoke', () => {
    expect(acts('The harbour master said on Monday that the northern docks would stay closed.')).toEqual([]);
  });
});

describe('datedClaims', () => {
  const { mentions } = analyse({
    'a.txt': 'Harbour audit\nThe audit, commissioned by the board and released Friday afternoon, details eleven years of missed inspections of the cargo cranes.\nThe board meets again on Monday.',
    'b.txt': 'Docks audit out\nBentham, the operator named in an audit released on Friday, ignored three warnings about worn brakes.\nHearings on the docks begin Monday.',
    'c.txt': 'Ferry report\nAn audit of the ferry ramps released on Thursday found them safe for another decade.\nRepairs start in May.',
  });
  const keys = (phrase: string) => mentions.filter((m) => m.sentence.text.includes(phrase)).map((m) => m.key);

  it('makes one claim of one act on one day from two sources, each sentence backing it as a second claim', () => {
    const claims = datedClaims(mentions, [], sameStory);
    expect(claims.map((c) => c.mentions.map((m) => m.key))).toEqual([[...keys('released Friday'), ...keys('released on Friday')]]);
    expect(claims[0]?.borrowed).toEqual(claims[0]?.mentions.map((m) => m.key));
  });

  it('never joins another day, another act on the same day, or what a claim already holds', () => {
    const claims = datedClaims(mentions, [], sameStory);
    for (const c of claims) expect(c.mentions.some((m) => m.sentence.text.includes('Thursday') || m.sentence.text.includes('Monday'))).toBe(false);
    const held = mentions.filter((m) => m.sentence.text.includes('Friday'));
    expect(datedClaims(mentions, [{ mentions: held, borrowed: [], representative: held[0] as Mention }], sameStory)).toEqual([]);
    // Sources about different stories corroborate nothing.
    expect(datedClaims(mentions, [], () => 0)).toEqual([]);
  });
});

describe('the title of a claim of a dated fact', () => {
  const { mentions } = analyse({
    'a.txt': 'Harbour pact\nThe harbour unions and the board agreed a pay pact for the crane drivers.\nThis pact was signed on Tuesday.\nTalks resume in May.',
    'b.txt': 'Docks deal\nThe harbour board signed the pact on Tuesday, ending the six-week crane strike.\nThe cranes restart Monday.',
    'c.txt': 'Crane strike over\nThe unions signed the pact on Tuesday in Port Amsel, and the crane drivers went back to work the next day.\nShips queued overnight.',
  });
  const at = finder(mentions);
  const alone = (m: Mention): Cluster => ({ mentions: [m], borrowed: [], representative: m });

  it('is a sentence that stands on its own, not the shortest one that leans on the one before it', () => {
    const [claim] = datedClaims(mentions, [], sameStory);
    expect(claim?.mentions).toContain(at('This pact was signed'));
    expect(claim?.representative.key).toBe(at('The harbour board signed the pact').key);
  });

  it('is not a sentence another claim is titled by, when another will do', () => {
    const [claim] = datedClaims(mentions, [alone(at('The harbour board signed the pact'))], sameStory);
    expect(claim?.representative.key).toBe(at('went back to work').key);
  });
});

describe('a fact joining the claim that holds it', () => {
  const { mentions } = analyse({
    'a.txt': 'Harbour audit\nThe audit of the cargo cranes was released on Friday by the harbour board.\nThe board meets again next month.',
    'b.txt': 'Docks audit out\nThe audit of the cargo cranes, released on Friday, faults the harbour board.\nTeodor Lind, who leads the crane drivers union, will meet the harbour board on Monday to discuss pay.',
    'c.txt': 'Cranes faulted\nBentham, the operator named in an audit released on Friday, ignored three warnings about worn brakes.\nHearings begin next month.',
  });
  const at = finder(mentions);
  // The claim of the audit's release, which one source's sentence on the union's pay talks has joined.
  const claim = (): Cluster => ({ mentions: [at('was released on Friday'), at('faults the harbour board'), at('discuss pay')], borrowed: [], representative: at('was released on Friday') });

  it('joins it when the mention is like all of it', () => {
    const held = claim();
    expect(datedClaims(mentions, [held], sameStory)).toEqual([]);
    expect(held.mentions).toContain(at('ignored three warnings'));
  });

  it('makes a claim of its own when the mention is unlike a mention of it', () => {
    const held = claim();
    const unlike = (m: Mention, c: Cluster): boolean => !c.mentions.some((x) => x.sentence.text.includes('discuss pay') && m.source !== x.source);
    const claims = datedClaims(mentions, [held], sameStory, unlike);
    expect(held.mentions).not.toContain(at('ignored three warnings'));
    expect(claims.map((c) => c.mentions.map((m) => m.key))).toEqual([[at('was released on Friday').key, at('faults the harbour board').key, at('ignored three warnings').key]]);
  });
});

describe('a dated fact inside longer sentences', () => {
  const { mentions, articles } = analyse({
    'a.txt': 'Harbour audit\nThe 410-page audit, released by Lind on Friday, says the board “ignored every warning about the cranes”.\nThe board meets again next month.',
    'b.txt': 'Docks operator hires lawyers\nBentham, named as the operator at fault in a 3,000-page filing the council released on Friday, has hired two law firms.\nHearings begin next month.',
  });

  it('is told by a sentence that is only a quote', () => {
    expect(datedActs(mentions).map((a) => `${a.mention.kind} ${a.act} ${a.day}`)).toEqual(['quote release Friday', 'statement release Friday']);
  });

  it('is no one\'s words: the speakers of the quotes that tell it are not compared', () => {
    const [quote] = mentions.filter((m) => m.kind === 'quote');
    const [claim] = datedClaims(mentions, [], () => 1);
    expect(quote).toBeDefined();
    // Put the quote in two people's mouths: as a fact's sentence, it still names no actor in dispute.
    const mine = { ...(quote as Mention), speaker: 'Ilse Brandt' };
    const other = { ...(quote as Mention), key: 'c#0q', source: 'c', speaker: 'Teodor Lind' };
    const told = (claim as Cluster).mentions.map((m) => (m === quote ? mine : m));
    const withOther = { ...(claim as Cluster), mentions: [...told, other], compared: { ...(claim as Cluster).compared, [other.key]: [] } };
    const [draft] = compare([withOther], new Map(articles.map((a) => [a.id, a])));
    expect(draft?.conflicts.filter((c) => c.field === 'actor')).toEqual([]);
  });

  it('is compared on its day alone: the sentences\' other figures are not in dispute', () => {
    const claims = datedClaims(mentions, [], () => 1);
    expect(claims).toHaveLength(1);
    const [draft] = compare(claims, new Map(articles.map((a) => [a.id, a])));
    // The pages (410 against 3,000) count two documents.
    expect(draft?.conflicts).toEqual([]);
    expect(draft?.status).toBe('corroborated');
  });

  it('is titled by a sentence, not by quoted words, and names the fact it rests on in that sentence\'s words', () => {
    const [claim] = datedClaims(mentions, [], () => 1);
    expect(claim?.representative.kind).toBe('statement');
    const [draft] = compare(claim ? [claim] : [], new Map(articles.map((a) => [a.id, a])));
    expect(draft?.fact).toBe('released on Friday');
  });
});

describe('completeGroups', () => {
  it('lets an item join through the member it is most like, when it is near all the others', () => {
    const near = (a: string, b: string): boolean => a[0] === b[0];
    const same = (a: string, b: string): boolean => near(a, b) && [...a].filter((c) => b.includes(c)).length >= 3;
    // "rbdx" is like "rabd" and only near "rabc"; "rdxy" is like "rbdx"; "sdxy" is near none of them.
    expect(completeGroups(['rabc', 'rabd', 'rbdx', 'rdxy', 'sdxy'], same, near)).toEqual([['rabc', 'rabd', 'rbdx', 'rdxy'], ['sdxy']]);
    // Without a weaker `near`, every two of a group must be `same`.
    expect(completeGroups(['rabc', 'rabd', 'rbdx', 'rdxy'], same)).toEqual([['rabc', 'rabd'], ['rbdx', 'rdxy']]);
    // Buckets only spare comparisons: items of different buckets never share a group, and the
    // groups come in the order they were started.
    expect(completeGroups(['rabc', 'sabc', 'rabd', 'sabd'], same, near, (x) => x[0] ?? '')).toEqual([['rabc', 'rabd'], ['sabc', 'sabd']]);
    expect(completeGroups(['rabc', 'rabd', 'rbdx'], same, near, (x) => x.slice(0, 2))).toEqual([['rabc', 'rabd'], ['rbdx']]);
  });
});

describe('a day dispute', () => {
  const cluster = (third: string): Cluster => {
    const { mentions } = analyse({
      'a.txt': 'Harbour vote\nThe harbour board voted on Wednesday to close the northern docks for repairs.\nWork starts next month.',
      'b.txt': 'Docks to close\nThe harbour board voted Wednesday to close the northern docks for repairs.\nWork starts next month.',
      'c.txt': `Docks vote\n${third}\nWork starts next month.`,
    });
    const voted = mentions.filter((m) => m.sentence.text.includes('voted'));
    return { mentions: voted, borrowed: [], representative: voted[0] as Mention };
  };
  const weekdays = (c: Cluster): string[][] =>
    compare([c], new Map())
      .flatMap((claim) => claim.conflicts)
      .filter((conflict) => conflict.field === 'weekday')
      .map((conflict) => conflict.values.map((v) => `${v.source}=${v.value}`));

  it('sets one source’s other day against the rest', () => {
    expect(weekdays(cluster('The harbour board voted on Monday to close the northern docks for repairs.'))).toEqual([['a=Wednesday', 'b=Wednesday', 'c=Monday']]);
  });

  it('leaves out a source that gives two days, as it tells of two acts and which one is the claim’s cannot be told', () => {
    expect(weekdays(cluster('The harbour board, which met on Monday and again on Friday, voted to close the northern docks for repairs.'))).toEqual([]);
  });
});

describe('a dated fact told by two sources of the main story that share few words', () => {
  // b and c each match a, never each other: as whole articles they share too few words to be
  // "about one story" (storySimilarity), yet all three are the main story, and both date one act.
  const { clusters, mentions } = analyse({
    'a.txt': [
      'Port Amsel harbour audit',
      'The Port Amsel harbour board approved a new crane maintenance contract worth 12 million euros.',
      'Inspectors found rust on four of the six cranes at the container yard.',
      'Harbour master Ilse Brandt ordered the northern terminal closed for repairs until the spring.',
      'Dockworkers at the Free Dockers Union demanded back pay for the weeks of closure.',
      'The union threatened a strike if the board did not settle its wage claim by March.',
    ].join('\n'),
    'b.txt': [
      'Cranes condemned at Port Amsel',
      'Inspectors found rust on four of the six cranes at the container yard, the report says.',
      'The Port Amsel harbour board approved a crane maintenance contract worth 12 million euros.',
      'Ferry timetables to the outer islands were rewritten twice during the summer season.',
      'Fishing crews moored their trawlers along the western quay beside the old lighthouse.',
      'Tourists crowded the cobbled promenade, buying smoked herring from wooden stalls.',
      'Sailmakers stitched canvas for the regatta yachts in a loft above the chandlery.',
      'Seagulls nested on the rooftops of the customs house and the abandoned granary.',
      'A jazz quartet played on the pier every Saturday night throughout August.',
      'Critics, who waited months for answers from its chairman, saw the audit published on Friday and demanded his resignation at a packed town meeting.',
    ].join('\n'),
    'c.txt': [
      'Union presses wage claim',
      'Harbour master Ilse Brandt ordered the northern terminal closed for repairs until the spring.',
      'Dockworkers at the Free Dockers Union demanded back pay for the weeks of closure.',
      'Schoolchildren from Keswan painted murals along the tram depot walls last autumn.',
      'Velmar bakeries reported record sales of almond pastries during the winter festival.',
      'Choirs rehearsed carols in the cathedral cloister every evening before midnight mass.',
      'Skaters filled the frozen canal while vendors sold roasted chestnuts and mulled cider.',
      'Librarians catalogued donated atlases and rare botanical prints in the reading room.',
      'Cyclists raced through vineyards and orchards on the hilly provincial route.',
      'Lawyers for the dockers, reading the audit published on Friday, found nothing on overtime, pensions or the long-promised safety equipment.',
    ].join('\n'),
  });
  const find = finder(mentions);

  it('is one claim of both sources', () => {
    const [b, c] = [find('saw the audit published'), find('reading the audit published')];
    const claim = clusters.find((k) => k.mentions.includes(b) && k.mentions.includes(c));
    expect(claim, clusters.map((k) => k.mentions.map((m) => `${m.source}: ${m.text}`).join(' | ')).join('\n')).toBeDefined();
  });
});

describe('the fact a claim rests on', () => {
  it('is null for a claim its sentences state as wholes', () => {
    const { mentions, articles } = analyse({
      'a.txt': 'Harbour\nThe Port Amsel harbour board released its audit of the cranes on Friday.\nMore later.',
      'b.txt': 'Docks\nOn Friday the Port Amsel harbour board released its audit of the cranes.\nMore later.',
    });
    const whole: Cluster = { mentions: mentions.filter((m) => m.text.includes('audit')), borrowed: [], representative: mentions.find((m) => m.text.includes('audit')) as Mention };
    const [draft] = compare([whole], new Map(articles.map((a) => [a.id, a])));
    expect(whole.mentions).toHaveLength(2);
    expect(draft?.fact).toBeNull();
  });
});
