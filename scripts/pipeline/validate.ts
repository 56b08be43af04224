/**
 * Validates what maintainers write (site.md, pillars, the maintainer's fields of claims) against the
 * zod schemas and against each other: unknown pillars and verdicts, merges into missing claims or
 * in circles, duplicate ids. Every problem has a place; a fatal one stops the build before anything
 * is written.
 */
import type { z } from 'astro/zod';
import {
  appearanceSchema,
  claimEditsSchema,
  pillarSchema,
  siteSchema,
  type ClaimEdits,
  type Pillar,
  type Site,
} from '../../src/schema.ts';
import { RULES, problem } from '../errors.ts';
import type { ContentInput, CuratedFile } from './ingest.ts';
import type { PreviousClaim } from './identify.ts';
import type { Problem } from './types.ts';

/** A maintainer's claim file: their edits, their note, and the evidence the last run wrote. */
export interface ClaimFile {
  id: string;
  edits: ClaimEdits;
  note: string;
  previous: PreviousClaim;
  /** Generator-owned fields as they were, for claims carried over without new evidence. */
  facts: Record<string, unknown>;
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
  const site = parse(siteSchema, input.site, problems) ?? siteSchema.parse({ title: 'Untitled', description: 'Untitled' });
  const pillars = input.pillars.flatMap((file) => {
    const data = parse(pillarSchema, file, problems);
    return data ? [{ ...data, id: file.id, body: file.content.trim() }] : [];
  });
  const orders = new Map<number, string>();
  for (const p of pillars) {
    const other = orders.get(p.order);
    if (other !== undefined) {
      const file = input.pillars.find((f) => f.id === p.id);
      problems.push(problem(`pillars/${p.id}.md`, RULES.duplicateOrder, `Unexpected \`order: ${p.order}\`: pillars/${other}.md has it too. Give each pillar its own order (1..${pillars.length}).`, { ...file?.locate(['order']), fatal: false }));
    }
    orders.set(p.order, p.id);
  }
  const pillarIds = new Set(pillars.map((p) => p.id));
  const verdictIds = new Set(site.verdicts.map((v) => v.id));
  const claims = input.claims.flatMap((file) => {
    const edits = parse(claimEditsSchema, file, problems);
    if (!edits) return [];
    const at = (field: string) => file.locate([field]);
    if (edits.verdict !== null && !verdictIds.has(edits.verdict)) {
      problems.push(problem(file.file, RULES.unknownVerdict, `Unexpected verdict "${edits.verdict}", expected one of: ${[...verdictIds].join(', ')}. Use an id from the scale in site.md, or null.`, at('verdict')));
    }
    if (edits.pillar !== null && !pillarIds.has(edits.pillar)) {
      problems.push(problem(file.file, RULES.unknownPillar, `Unexpected pillar "${edits.pillar}", expected one of: ${[...pillarIds].join(', ')}. Use the name of a file in pillars/ without .md, or null.`, at('pillar')));
    }
    const appearances = Array.isArray(file.data['appearances']) ? file.data['appearances'].flatMap((a) => appearanceSchema.safeParse(a).data ?? []) : [];
    const text = typeof file.data['text'] === 'string' ? file.data['text'] : '';
    return [{ id: file.id, edits, note: file.content.trim(), previous: { id: file.id, text, appearances }, facts: file.data }];
  });
  const ids = new Set(claims.map((c) => c.id));
  for (const c of claims) {
    const target = c.edits.mergeInto;
    if (target === null) continue;
    const file = input.claims.find((f) => f.id === c.id);
    const where = file?.locate(['mergeInto']) ?? {};
    if (!ids.has(target) || target === c.id) {
      problems.push(problem(`claims/${c.id}.md`, RULES.mergeMissing, `Unexpected mergeInto "${target}": ${target === c.id ? 'a claim cannot merge into itself' : `there is no claims/${target}.md`}. Name an existing claim id, or null.`, where));
      continue;
    }
    const seen = new Set([c.id]);
    for (let next: string | null = target; next !== null; next = claims.find((x) => x.id === next)?.edits.mergeInto ?? null) {
      if (seen.has(next)) {
        problems.push(problem(`claims/${c.id}.md`, RULES.mergeCycle, `Unexpected mergeInto "${target}": the merges go round in a circle (${[...seen, next].join(' → ')}). Point the last one at a claim that is not merged.`, where));
        break;
      }
      seen.add(next);
    }
  }
  return { site: { ...site, intro: input.site.content.trim() }, pillars: pillars.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)), claims, problems };
}

/** Parses a file's frontmatter with a schema, turning each issue into a problem at its field. */
function parse<T extends z.ZodType>(schema: T, file: CuratedFile, problems: Problem[]): z.infer<T> | null {
  if (file.problems.some((p) => p.fatal)) return null;
  const result = schema.safeParse(file.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const field = path.join('.') || '(frontmatter)';
    const received = path.length > 0 ? valueAt(file.data, path) : file.data;
    problems.push(
      problem(
        file.file,
        RULES.schema,
        `**${field}**: ${issue.message}. Received: ${received === undefined ? 'nothing' : JSON.stringify(received)}.` +
          (received === undefined ? ` Add \`${String(path.at(-1) ?? field)}:\` to the frontmatter.` : ''),
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
