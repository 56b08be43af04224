/**
 * Validates what maintainers write (site.md, pillars, the maintainer's fields of claims) against the
 * zod schemas and against each other: unknown pillars and verdicts, merges into missing claims or
 * in circles, duplicate ids. Every problem has a place; a fatal one stops the build before anything
 * is written.
 */
import type { z } from 'astro/zod';
import {
  appearanceSchema,
  mergeChain,
  claimEditsSchema,
  claimObjectSchema,
  conflictSchema,
  MAINTAINER_FIELDS,
  pillarSchema,
  reviewSchema,
  siteSchema,
  type ClaimEdits,
  type Conflict,
  type Review,
  type Pillar,
  type Site,
} from '../../src/schema.ts';
import { RULES, problem, quote } from '../errors.ts';
import type { ContentInput, CuratedFile } from './ingest.ts';
import { editDistance } from './text.ts';
import type { PreviousClaim } from './identify.ts';
import type { Problem } from './types.ts';
import { bodyLinkProblems, correctionsProblem } from './links.ts';
import { ACCEPTED_HEADER_LINES } from './render.ts';

/** A maintainer's claim file: their edits, their note, and the evidence the last run wrote. */
export interface ClaimFile {
  id: string;
  edits: ClaimEdits;
  /** The Markdown body exactly as the maintainer left it, written back byte for byte. */
  note: string;
  previous: PreviousClaim;
  /** Generator-owned fields as they were, for claims carried over without new evidence. */
  facts: Record<string, unknown>;
  /** The conflicts the file showed (what an editor saw when reviewing it). */
  conflicts: Conflict[];
  /** What was reviewed, as the last run recorded it, or null. */
  review: Review | null;
  /** Line and column of a frontmatter field, for messages. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

export interface Curated {
  site: Site & { intro: string };
  pillars: Array<Pillar & { id: string; body: string }>;
  claims: ClaimFile[];
  problems: Problem[];
}

/** Checks every curated file; the result is usable only when no problem is fatal. */
export function validate(input: ContentInput): Curated {
  const problems: Problem[] = [...input.site.problems, ...input.pillars.flatMap((p) => p.problems), ...input.claims.flatMap((c) => c.problems)];
  unknownFields(input.site, Object.keys(siteSchema.shape), problems);
  for (const file of input.pillars) unknownFields(file, Object.keys(pillarSchema.shape), problems);
  for (const file of input.claims) {
    unknownFields(file, Object.keys(claimObjectSchema.shape), problems);
    for (const c of file.comments.filter((c) => !ACCEPTED_HEADER_LINES.includes(c.text.trim()))) {
      problems.push(problem(file.file, RULES.frontmatterComment, `Unexpected YAML comment \`${c.text.trim().slice(0, 80)}\`: the generator rewrites this frontmatter and would drop it. Move the text into the note below the closing \`---\`.`, c));
    }
  }
  for (const file of [input.site, ...input.pillars, ...input.claims]) problems.push(...bodyLinkProblems(file));
  const site = parse(siteSchema, input.site, problems) ?? siteSchema.parse({ title: 'Untitled', description: 'Untitled' });
  const corrections = correctionsProblem(input.site, site.corrections);
  if (corrections) problems.push(corrections);
  const pillars = input.pillars.flatMap((file) => {
    const data = parse(pillarSchema, file, problems);
    return data ? [{ ...data, id: file.id, body: file.content.trim() }] : [];
  });
  const orders = new Map<number, string>();
  for (const p of pillars) {
    const other = orders.get(p.order);
    if (other !== undefined) {
      const file = input.pillars.find((f) => f.id === p.id);
      problems.push(problem(`pillars/${p.id}.md`, RULES.duplicateOrder, `Unexpected \`order: ${p.order}\`: pillars/${other}.md has it too. Give each pillar its own order (1..${pillars.length}).`, file?.locate(['order'])));
    }
    orders.set(p.order, p.id);
  }
  const pillarIds = new Set(pillars.map((p) => p.id));
  const verdictIds = new Set(site.verdicts.map((v) => v.id));
  site.verdicts.forEach((v, i) => {
    if (site.verdicts.findIndex((w) => w.id === v.id) !== i) {
      problems.push(problem(input.site.file, RULES.duplicateId, `Unexpected second verdict with id ${quote(v.id)}: each rung of the scale needs its own id. Rename or remove one.`, input.site.locate(['verdicts', i, 'id'])));
    }
  });
  const claims = input.claims.flatMap((file) => {
    const edits = parse(claimEditsSchema, file, problems);
    if (!edits) return [];
    const at = (field: string) => file.locate([field]);
    if (edits.verdict !== null && !verdictIds.has(edits.verdict)) {
      problems.push(problem(file.file, RULES.unknownVerdict, `Unexpected verdict ${quote(edits.verdict)}, expected one of: ${[...verdictIds].join(', ')}. Use an id from the scale in site.md, or null.`, at('verdict')));
    }
    if (edits.pillar !== null && !pillarIds.has(edits.pillar)) {
      problems.push(problem(file.file, RULES.unknownPillar, `Unexpected pillar ${quote(edits.pillar)}, expected one of: ${[...pillarIds].join(', ')}. Use the name of a file in pillars/ without .md, or null.`, at('pillar')));
    }
    const parseAll = (value: unknown) => (Array.isArray(value) ? value.flatMap((a) => appearanceSchema.safeParse(a).data ?? []) : []);
    // An orphaned claim keeps where it was last seen, so it can attach again when its words return.
    const current = parseAll(file.data['appearances']);
    const appearances = current.length > 0 ? current : parseAll(file.data['lastSeen']);
    const text = typeof file.data['text'] === 'string' ? file.data['text'] : '';
    const conflicts = Array.isArray(file.data['conflicts']) ? file.data['conflicts'].flatMap((x) => conflictSchema.safeParse(x).data ?? []) : [];
    const review = reviewSchema.nullable().safeParse(file.data['review'] ?? null).data ?? null;
    return [{ id: file.id, edits, note: rawBody(file.raw, file.bodyLine), previous: { id: file.id, text, appearances }, facts: file.data, conflicts, review, locate: (p: readonly (string | number)[]) => file.locate(p) }];
  });
  const ids = new Set(claims.map((c) => c.id));
  const mergeIntoOf = new Map(claims.map((c) => [c.id, c.edits.mergeInto]));
  for (const c of claims) {
    const target = c.edits.mergeInto;
    if (target === null) continue;
    const file = input.claims.find((f) => f.id === c.id);
    const where = file?.locate(['mergeInto']) ?? {};
    if (!ids.has(target) || target === c.id) {
      problems.push(problem(`claims/${c.id}.md`, RULES.mergeMissing, `Unexpected mergeInto ${quote(target)}: ${target === c.id ? 'a claim cannot merge into itself' : `there is no claims/${target}.md`}. Name an existing claim id, or null.`, where));
      continue;
    }
    const { chain, cycle } = mergeChain(c.id, (x) => mergeIntoOf.get(x));
    if (cycle !== null) {
      problems.push(problem(`claims/${c.id}.md`, RULES.mergeCycle, `Unexpected mergeInto ${quote(target)}: the merges go round in a circle (${[c.id, ...chain, cycle].join(' → ')}). Point the last one at a claim that is not merged.`, where));
    }
  }
  return { site: { ...site, intro: input.site.content.trim() }, pillars: pillars.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)), claims, problems };
}

/**
 * The body of a file as it is on disk, from its 1-based `bodyLine`: parsing reads Windows line
 * endings as `\n`, but a maintainer's note is written back byte for byte.
 */
function rawBody(raw: string, bodyLine: number): string {
  let at = raw.startsWith('\uFEFF') ? 1 : 0;
  // Each search starts where the last line ended, so finding the body stays linear.
  let cr = raw.indexOf('\r', at);
  for (let line = 1; line < bodyLine && at < raw.length; line++) {
    if (cr !== -1 && cr < at) cr = raw.indexOf('\r', at);
    const lf = raw.indexOf('\n', at);
    const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (end === -1) return '';
    at = end + (raw[end] === '\r' && raw[end + 1] === '\n' ? 2 : 1);
  }
  return raw.slice(at);
}

/** Reports frontmatter fields no schema knows: a typo would otherwise be ignored, or dropped on rewrite. */
function unknownFields(file: CuratedFile, known: readonly string[], problems: Problem[]): void {
  if (file.problems.some((p) => p.fatal)) return;
  const expected = file.file.startsWith('claims/') ? `${MAINTAINER_FIELDS.join(', ')} (yours) or a field the generator writes` : known.join(', ');
  for (const key of Object.keys(file.data).filter((k) => !known.includes(k))) {
    const near = known.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2).sort((a, b) => editDistance(a, key) - editDistance(b, key))[0];
    problems.push(problem(file.file, RULES.unknownField, `Unexpected field \`${key.slice(0, 80)}\`, expected one of: ${expected}.${near ? ` Did you mean \`${near}\`?` : ''} Rename or remove it; anything else belongs in the text below the frontmatter.`, file.locateKey(key)));
  }
}

/** A valid line for each field a maintainer writes, shown after a schema error. */
const EXAMPLES: Record<string, string> = {
  title: 'title: "What the reports say, cross-checked"',
  description: 'description: "What the reports agree on and where they differ."',
  publisher: 'publisher: Triangulate',
  published: 'published: 2026-01-07',
  id: 'id: accurate',
  label: 'label: Accurate',
  order: 'order: 1',
  keywords: 'keywords: [first keyword, second keyword]',
  verdict: 'verdict: accurate',
  pillar: 'pillar: a-pillar-id',
  hidden: 'hidden: true',
  mergeInto: 'mergeInto: other-claim-id',
  reviewer: 'reviewer: "Jane Doe"',
  confirmed: 'confirmed: 3f9a1c2e7b40',
  corrections: 'corrections: corrections@example.org',
};

/** Parses a file's frontmatter with a schema, turning each issue into a problem at its field. */
function parse<T extends z.ZodType>(schema: T, file: CuratedFile, problems: Problem[]): z.infer<T> | null {
  if (file.problems.some((p) => p.fatal)) return null;
  const result = schema.safeParse(file.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const field = path.join('.') || '(frontmatter)';
    const key = String(path.filter((p) => typeof p === 'string').at(-1) ?? field);
    const received = path.length > 0 ? valueAt(file.data, path) : file.data;
    const example = EXAMPLES[key] ? ` Example: \`${EXAMPLES[key]}\`.` : '';
    const expected = issue.message.replace(/^Invalid input: /, '');
    problems.push(
      problem(
        file.file,
        RULES.schema,
        received === undefined
          ? `**${field}**: missing. Add \`${key}:\` to the frontmatter.${example}`
          : `**${field}**: ${expected}. Received: ${quote(received)}.${typeof received !== 'string' && /expected string/.test(expected) ? ' Put text in quotes.' : ''}${example}`,
        file.locate(path),
      ),
    );
  }
  return null;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}
