/**
 * Claim-matching eval: builds each event of a development set (one folder per event: site.md,
 * pillars/, articles/*.txt, pages/*.html, gold.json, see ../shared/eval/events/README.md) twice,
 * from the article texts and from the saved pages, and scores the claims against the gold with
 * `claims-score.ts`: cross-source pair precision and recall, links across stories, conflicts,
 * single-source, speaker and pillar accuracy, and how many gold items no claim holds.
 *
 * Each build runs in its own temporary content root, as a dry run: the pipeline writes nothing, so
 * no claims/, sources/ or cache file is left behind (its cache is keyed by the root's path, and
 * every root is new, so no build reuses another's results either).
 */
import { access, copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { UserError } from '../errors.ts';
import { parseFrontmatter } from '../frontmatter.ts';
import { cachePath } from '../pipeline/cache.ts';
import { run } from '../pipeline/index.ts';
import type { ClaimOut } from '../pipeline/render.ts';
import { parseGold, ratio, scoreClaims, sumCounts, type ClaimCounts, type ClaimDetails, type Gold, type GoldItem } from './claims-score.ts';

/** Where an event's articles come from: the gold texts, or the saved web pages. */
export type Mode = 'text' | 'pages';
/** Both modes, in the order they are reported. */
const MODES: readonly Mode[] = ['text', 'pages'];
const FOLDER: Record<Mode, string> = { text: 'articles', pages: 'pages' };

/** How `evalClaims` was called. */
export interface ClaimsOptions {
  /** The folder with one folder per event. */
  dir: string;
  /** True when the user gave `--dir`: then a missing folder is an error, not a skip. */
  explicit?: boolean;
  /** Only this event. */
  event?: string | undefined;
  /** Only this mode. */
  mode?: Mode | undefined;
  /** Write every count and ratio to this file as JSON. */
  json?: string | undefined;
  /** Print the wrong links, the missed gold pairs and the other misses of every build. */
  explain?: boolean;
  /** Where lines go (default: console.log). */
  log?: (line: string) => void;
}

/** One event built in one mode and scored. */
export interface EventRun {
  event: string;
  mode: Mode;
  ms: number;
  sources: number;
  claims: number;
  /** Articles the pipeline refused, as `file: message`. */
  refused: string[];
  counts: ClaimCounts;
  details: ClaimDetails;
}

/** What `evalClaims` measured; `skipped` when the default folder is absent. */
export interface ClaimsReport {
  dir: string;
  skipped: boolean;
  runs: EventRun[];
  /** Per mode, the sum over events. */
  overall: Partial<Record<Mode, ClaimCounts>>;
  /** The sum over every event and mode. */
  all: ClaimCounts;
  ms: number;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The events in `dir`: its folders that hold a gold.json, sorted by name. */
async function listEvents(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const events: string[] = [];
  for (const e of entries) if (e.isDirectory() && (await exists(path.join(dir, e.name, 'gold.json')))) events.push(e.name);
  return events.sort();
}

/** Reads and checks an event's gold.json. */
export async function readGold(eventDir: string): Promise<Gold> {
  const file = path.join(eventDir, 'gold.json');
  try {
    return parseGold(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new UserError(`${file} is not a gold file the claim eval can read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Each pillar's id (its file stem) and `order`, from the event's pillars/*.md frontmatter. */
export async function readPillarOrders(eventDir: string): Promise<Map<string, number>> {
  const dir = path.join(eventDir, 'pillars');
  const orders = new Map<string, number>();
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort();
  for (const name of names) {
    const parsed = parseFrontmatter(await readFile(path.join(dir, name), 'utf8'), `pillars/${name}`);
    const order = parsed.data['order'];
    if (typeof order === 'number') orders.set(name.slice(0, -3), order);
  }
  return orders;
}

/**
 * Builds one event in a temporary content root: site.md, pillars/ and either articles/ (`text`)
 * or pages/ (`pages`, copied into articles/), run as a dry run and removed afterwards.
 */
async function buildEvent(eventDir: string, mode: Mode): Promise<{ claims: ClaimOut[]; sources: number; refused: string[] }> {
  const root = await mkdtemp(path.join(tmpdir(), 'triangulate-eval-claims-'));
  try {
    await copyFile(path.join(eventDir, 'site.md'), path.join(root, 'site.md'));
    if (await exists(path.join(eventDir, 'pillars'))) await cp(path.join(eventDir, 'pillars'), path.join(root, 'pillars'), { recursive: true });
    await mkdir(path.join(root, 'articles'));
    const from = path.join(eventDir, FOLDER[mode]);
    for (const name of (await readdir(from)).sort()) {
      if (!name.startsWith('.')) await copyFile(path.join(from, name), path.join(root, 'articles', name));
    }
    const result = await run(root, { dryRun: true });
    if (!result.ok) {
      const errors = result.problems.filter((p) => p.fatal && !p.file.startsWith('articles/'));
      throw new UserError(`${eventDir}: its curated files have errors, so it cannot be built:\n${errors.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.message}`).join('\n')}`);
    }
    const refused = result.problems.filter((p) => p.fatal && p.file.startsWith('articles/')).map((p) => `${p.file}: ${p.message}`);
    return { claims: result.claims.filter((c) => !c.hidden && c.mergeInto === null), sources: result.sources, refused };
  } finally {
    await rm(root, { recursive: true, force: true });
    // A dry run writes no cache; should one appear, it belongs to a root that no longer exists.
    await rm(cachePath(root), { force: true });
  }
}

const num = (x: number | null, digits = 3): string => (x === null ? '-' : x.toFixed(digits));
const acc = (a: { correct: number; total: number }): string => `${num(ratio(a.correct, a.total), 2)} ${a.correct}/${a.total}`;

/** The table's header and one row of counts. */
function row(event: string, mode: string, c: ClaimCounts): string[] {
  return [
    event,
    mode,
    num(ratio(c.correct, c.judged)),
    num(ratio(c.recalled, c.goldPairs)),
    `${c.recalled}/${c.goldPairs}`,
    `${c.judged}/${c.linked}`,
    String(c.mustNotLink),
    c.crossStorySupported > 0 ? `${c.crossStory} (${c.crossStorySupported} gold)` : String(c.crossStory),
    `${c.conflictsFound}/${c.conflicts}`,
    `${c.hardFound}/${c.hardConflicts}`,
    `${c.falseConflicts}/${c.outputConflicts} (${c.compatibleConflicts})`,
    acc(c.singleSource),
    acc(c.speaker),
    acc(c.pillar),
    `${c.itemsNotFound}/${c.items}`,
  ];
}

const HEADER = ['event', 'mode', 'P', 'R', 'recalled/gold', 'judged/linked', 'mnl', 'cross-story', 'conflicts', 'hard', 'false/out (compat)', 'single-source', 'speaker', 'pillar', 'not found'];

/** Lays rows out in columns: text left-aligned, the rest right-aligned. */
function alignTable(rows: readonly string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** The report's table: a row per event and mode, an overall row per mode, and one for everything. */
export function formatTable(report: Pick<ClaimsReport, 'runs' | 'overall' | 'all'>): string {
  const rows = [HEADER, ...report.runs.map((r) => row(r.event, r.mode, r.counts))];
  for (const mode of MODES) {
    const c = report.overall[mode];
    if (c) rows.push(row('overall', mode, c));
  }
  rows.push(row('all', '', report.all));
  return alignTable(rows);
}

const show = (i: GoldItem): string => `${i[0]} "${i[1]}"`;
const clip = (s: string, n = 160): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const claimsOf = (ids: string[]): string => (ids.length === 0 ? 'not found' : ids.join(', '));

/** What went wrong in one build, for a developer: wrong links, missed gold pairs, conflicts, speakers, pillars. */
export function formatExplain(r: Pick<EventRun, 'event' | 'mode' | 'details' | 'refused'>): string {
  const d = r.details;
  const out: string[] = [`== ${r.event} (${r.mode})`];
  for (const f of r.refused) out.push(`  refused ${f}`);
  out.push(`wrong links (${d.wrongLinks.length}):`);
  for (const w of d.wrongLinks) {
    const tags = [w.mustNotLink ? 'must_not_link' : '', w.crossStory ? 'cross-story' : ''].filter(Boolean).join(', ');
    out.push(`  [${w.claim}]${tags ? ` (${tags})` : ''}`, `    ${w.a.source}: ${clip(w.a.sentence)}`, `    ${w.b.source}: ${clip(w.b.sentence)}`);
  }
  out.push(`links across stories (${d.crossLinks.length}):`);
  for (const x of d.crossLinks) {
    out.push(`  [${x.claim}]${x.supported ? ' (a gold cluster supports it)' : ''}`, `    ${x.a.source}: ${clip(x.a.sentence)}`, `    ${x.b.source}: ${clip(x.b.sentence)}`);
  }
  out.push(`missed gold pairs (${d.missedGroups.reduce((n, g) => n + g.missed.length, 0)}, in ${d.missedGroups.length} gold claims):`);
  for (const g of d.missedGroups) {
    out.push(`  ${g.id}: missed ${g.missed.map(([a, b]) => `${a + 1}-${b + 1}`).join(' ')}`);
    g.items.forEach((i, n) => out.push(`    ${n + 1}. ${show(i.item)}  → ${claimsOf(i.claims)}`));
  }
  out.push(`missed conflicts (${d.missedConflicts.length}):`);
  for (const m of d.missedConflicts) {
    out.push(`  ${m.conflict.id}${m.conflict.hard ? ' (hard)' : ''} [${m.conflict.field}]`, `    a ${show(m.conflict.a)} → ${claimsOf(m.claimsA)}`, `    b ${show(m.conflict.b)} → ${claimsOf(m.claimsB)}`);
  }
  out.push(`false conflicts (${d.falseConflicts.length}):`);
  for (const f of d.falseConflicts) {
    out.push(`  [${f.claim}] ${f.field}${f.compatible ? ' (compatible_not_conflict)' : ''}: ${f.values.map((v) => `${v.source}=${v.value}`).join('; ')}`);
  }
  out.push(`single-source not alone (${d.wrongSingle.length}):`);
  for (const s of d.wrongSingle) out.push(`  ${show(s.item)} → ${s.claims.length === 0 ? 'not found' : s.claims.map((c) => `${c.id} (${c.sources} sources)`).join(', ')}`);
  out.push(`wrong speakers (${d.wrongSpeakers.length}):`);
  for (const s of d.wrongSpeakers) out.push(`  ${show(s.item)}: gold ${s.gold}, found ${s.claims.length === 0 ? 'not found' : s.found.length === 0 ? 'no speaker' : s.found.join(' / ')}`);
  out.push(`wrong pillars (${d.wrongPillars.length}):`);
  for (const p of d.wrongPillars) out.push(`  ${p.id}: gold ${p.gold ?? 'none'}, found ${p.claim === null ? 'no claim' : `${p.found ?? 'none'} [${p.claim}]`}`);
  out.push(`gold items not found (${d.notFound.length}):`);
  for (const i of d.notFound) out.push(`  ${show(i)}`);
  return out.join('\n');
}

function ratios(c: ClaimCounts): Record<string, number | null> {
  return {
    precision: ratio(c.correct, c.judged),
    recall: ratio(c.recalled, c.goldPairs),
    conflictRecall: ratio(c.conflictsFound, c.conflicts),
    hardConflictRecall: ratio(c.hardFound, c.hardConflicts),
    singleSource: ratio(c.singleSource.correct, c.singleSource.total),
    speaker: ratio(c.speaker.correct, c.speaker.total),
    pillar: ratio(c.pillar.correct, c.pillar.total),
    coverage: ratio(c.items - c.itemsNotFound, c.items),
  };
}

/**
 * Builds and scores every event of `dir` (or one, in one mode), prints the table (and with
 * `explain` what went wrong), and writes the numbers as JSON when asked. A missing default folder
 * is skipped with one line; a missing folder given with `--dir` is a UserError.
 */
export async function evalClaims(options: ClaimsOptions): Promise<ClaimsReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const { dir } = options;
  const empty: ClaimsReport = { dir, skipped: true, runs: [], overall: {}, all: sumCounts([]), ms: 0 };
  if (!(await exists(dir))) {
    if (options.explicit) throw new UserError(`No dev set at ${dir}: the folder does not exist. Give --dir the folder that holds one folder per event (each with gold.json), e.g. --dir ../shared/eval/events.`);
    log(`skipped: ${dir} not found`);
    return empty;
  }
  if (options.mode !== undefined && !MODES.includes(options.mode)) throw new UserError(`Unknown mode "${String(options.mode)}". Use --mode text or --mode pages.`);
  let events = await listEvents(dir);
  if (events.length === 0) throw new UserError(`No events in ${dir}: none of its folders holds a gold.json.`);
  if (options.event !== undefined) {
    if (!events.includes(options.event)) throw new UserError(`No event "${options.event}" in ${dir}. Events: ${events.join(', ')}.`);
    events = [options.event];
  }
  const modes = options.mode ? [options.mode] : MODES;
  const runs: EventRun[] = [];
  for (const event of events) {
    const eventDir = path.join(dir, event);
    const gold = await readGold(eventDir);
    const orders = await readPillarOrders(eventDir);
    for (const mode of modes) {
      if (!(await exists(path.join(eventDir, FOLDER[mode])))) {
        log(`${event}: no ${FOLDER[mode]}/ folder; ${mode} mode skipped.`);
        continue;
      }
      const t = performance.now();
      const built = await buildEvent(eventDir, mode);
      const { counts, details } = scoreClaims(gold, built.claims, orders);
      runs.push({ event, mode, ms: performance.now() - t, sources: built.sources, claims: built.claims.length, refused: built.refused, counts, details });
    }
  }
  const overall: Partial<Record<Mode, ClaimCounts>> = {};
  for (const mode of modes) {
    const of = runs.filter((r) => r.mode === mode);
    if (of.length > 0) overall[mode] = sumCounts(of.map((r) => r.counts));
  }
  const report: ClaimsReport = { dir, skipped: false, runs, overall, all: sumCounts(runs.map((r) => r.counts)), ms: performance.now() - started };
  if (options.explain) for (const r of runs) log(`${formatExplain(r)}\n`);
  log(`claims eval: ${events.length} event${events.length === 1 ? '' : 's'} × ${modes.length} mode${modes.length === 1 ? '' : 's'} from ${dir}`);
  for (const r of runs) if (r.refused.length > 0 && !options.explain) log(`  ${r.event} (${r.mode}): ${r.refused.length} article${r.refused.length === 1 ? '' : 's'} refused (--explain lists them)`);
  log(formatTable(report));
  log(
    'P: share of judged linked pairs (both sentences hold a gold item) that a gold claim supports; R: share of gold pairs one claim holds; ' +
      'mnl: wrong links a must_not_link names; cross-story: links between story groups (those a gold cluster supports); ' +
      'conflicts: non-hard gold conflicts found; false/out: output conflicts no gold conflict backs (between compatible values); ' +
      'not found: gold items no claim holds.',
  );
  // Not "8 builds in 5.9 s": CI's log readers take a count, a word and "in <time>" for a test
  // runner's closing line (pytest's "8 passed in 5.9s"), and judged that line a run of no tests.
  log(`time: ${(report.ms / 1000).toFixed(1)} s for ${runs.length} build${runs.length === 1 ? '' : 's'}`);
  if (options.json !== undefined) {
    const numbers = (c: ClaimCounts) => ({ counts: c, ratios: ratios(c) });
    const data = {
      dir,
      ms: Math.round(report.ms),
      runs: runs.map((r) => ({ event: r.event, mode: r.mode, ms: Math.round(r.ms), sources: r.sources, claims: r.claims, refused: r.refused, ...numbers(r.counts) })),
      overall: Object.fromEntries(Object.entries(overall).map(([m, c]) => [m, numbers(c)])),
      all: numbers(report.all),
    };
    await writeFile(options.json, `${JSON.stringify(data, null, 2)}\n`);
    log(`numbers written to ${options.json}`);
  }
  return report;
}
