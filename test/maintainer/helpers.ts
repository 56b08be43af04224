/** Temporary content roots for maintainer tests: build one, edit it like a maintainer, read it back. */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '../../scripts/frontmatter.ts';
import { formatProblem, sortProblems } from '../../scripts/errors.ts';
import { run, type RunResult } from '../../scripts/pipeline/index.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT = path.resolve(HERE, '../..');
export const POOL = path.join(PROJECT, 'test/fixtures/maintainer/pool');

/** Small articles about one event, written so that several state the same claims. */
export async function poolNames(): Promise<string[]> {
  return (await readdir(POOL)).filter((n) => n.endsWith('.txt')).sort();
}

const roots: string[] = [];

/** A fresh content root: the project's site.md and pillars, and the named pool articles. */
export async function makeRoot(articles: readonly string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'triangulate-maintainer-'));
  roots.push(root);
  await cp(path.join(PROJECT, 'content/site.md'), path.join(root, 'site.md'));
  await cp(path.join(PROJECT, 'content/pillars'), path.join(root, 'pillars'), { recursive: true });
  await mkdir(path.join(root, 'articles'));
  for (const name of articles) await addArticle(root, name);
  return root;
}

/** Removes every root made so far (call in afterAll). */
export async function cleanRoots(): Promise<void> {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
}

/** Adds a pool article, or an article with the given content. */
export async function addArticle(root: string, name: string, content?: string | Uint8Array): Promise<void> {
  await mkdir(path.join(root, 'articles'), { recursive: true });
  await writeFile(path.join(root, 'articles', name), content ?? (await readFile(path.join(POOL, name))));
}

export async function removeArticle(root: string, name: string): Promise<void> {
  await rm(path.join(root, 'articles', name));
}

/** Runs the pipeline quietly. */
export function build(root: string, dryRun = false): Promise<RunResult> {
  return run(root, { dryRun });
}

/** Problems as the CLI prints them, sorted. */
export function printed(result: RunResult): string[] {
  return sortProblems(result.problems).map(formatProblem);
}

/** Every file under the root, relative path → bytes, for before/after comparisons. */
export async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(root, full), (await readFile(full)).toString('base64'));
  }
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

export async function claimIds(root: string): Promise<string[]> {
  const names = await readdir(path.join(root, 'claims')).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();
}

export interface ClaimOnDisk {
  raw: string;
  data: Record<string, unknown>;
  note: string;
}

export async function readClaim(root: string, id: string): Promise<ClaimOnDisk> {
  const raw = await readFile(path.join(root, 'claims', `${id}.md`), 'utf8');
  const parsed = parseFrontmatter(raw, `claims/${id}.md`);
  return { raw, data: parsed.data, note: parsed.content };
}

/** Edits a claim the way a maintainer does in an editor: replaces a field's line, or the note. */
export async function editClaim(
  root: string,
  id: string,
  edits: { verdict?: string | null; pillar?: string | null; hidden?: boolean; mergeInto?: string | null; reviewer?: string | null; confirmed?: string | null; note?: string },
): Promise<void> {
  const file = path.join(root, 'claims', `${id}.md`);
  let raw = await readFile(file, 'utf8');
  for (const key of ['verdict', 'pillar', 'hidden', 'mergeInto', 'reviewer', 'confirmed'] as const) {
    const value = edits[key];
    if (value === undefined) continue;
    const line = new RegExp(`^${key}: .*$`, 'm');
    if (!line.test(raw)) throw new Error(`claims/${id}.md has no ${key} line`);
    raw = raw.replace(line, `${key}: ${value === null ? 'null' : String(value)}`);
  }
  if (edits.note !== undefined) {
    const end = raw.indexOf('\n---', 3);
    raw = `${raw.slice(0, raw.indexOf('\n', end + 1) + 1)}${edits.note}`;
  }
  await writeFile(file, raw);
}
