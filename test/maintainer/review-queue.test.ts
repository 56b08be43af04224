/**
 * `npm run review`: the work queue on a made-up event, most urgent first, each item naming the file
 * to edit, and what the run changed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../scripts/pipeline/index.ts';
import { formatReport, reviewReport } from '../../scripts/review.ts';
import { editClaim, PROJECT } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000 });
const EVENT = path.join(PROJECT, 'test/fixtures/events/orvelle-dam');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('npm run review', () => {
  it('lists changed-since-review first, then claims without a verdict by status, orphans, sources and site settings; confirming clears the first', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'triangulate-queue-'));
    dirs.push(root);
    await cp(EVENT, root, { recursive: true });
    const tv = path.join(root, 'articles/lenmark-broadcasting.md');
    const held = await readFile(tv);
    await rm(tv);
    const first = await run(root, { today: '2026-01-07' });
    const report = reviewReport(first, { siteUrl: undefined });
    expect(report.changes.new.length).toBe(first.claims.length);
    const evacuation = first.claims.find((c) => c.text.startsWith('Provincial authorities ordered the evacuation'))!;
    expect(evacuation.status).toBe('disputed');
    await editClaim(root, evacuation.id, { verdict: 'mixed', note: 'The day differs between reports.\n' });
    await run(root, { today: '2026-01-08' });
    await writeFile(tv, held);

    const third = await run(root, { today: '2026-01-09' });
    const queue = reviewReport(third, { siteUrl: 'http://localhost:4321' });
    const kinds = queue.queue.map((q) => q.kind);
    const order = ['changed-since-review', 'disputed', 'corroborated', 'single-source', 'orphaned', 'source-metadata', 'site-setting'];
    expect([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)), 'most urgent first').toEqual(kinds);
    expect(queue.queue[0]).toMatchObject({ kind: 'changed-since-review', file: `claims/${evacuation.id}.md`, line: 9 });
    expect(queue.queue.filter((q) => q.kind === 'disputed').map((q) => q.id)).not.toContain(evacuation.id);
    expect(queue.queue.filter((q) => q.kind === 'site-setting').map((q) => q.id)).toEqual(['corrections', 'site-url']);
    expect(queue.changes.new.length).toBeGreaterThan(0);
    expect(queue.changes.changed).toContain(evacuation.id);
    const text = formatReport(queue);
    expect(text[0]).toBe(`${queue.queue.length} items need an editor, most urgent first:`);
    expect(text).toContain('Reviewed claims whose sources changed since the review (1)');
    expect(text.some((l) => l.startsWith(`  claims/${evacuation.id}.md:9  "Provincial authorities ordered the evacuation`))).toBe(true);
    expect(text.at(-1)).toMatch(/^Since the last run: \d+ \(.*\) new, \d+ \(.*\) changed, 0 merged, 0 orphaned\.$/);

    const fingerprint = /`confirmed: ([0-9a-f]{12})`/.exec(queue.queue[0]!.action)![1]!;
    await editClaim(root, evacuation.id, { confirmed: fingerprint });
    const fourth = await run(root, { today: '2026-01-10' });
    const after = reviewReport(fourth, { siteUrl: 'https://facts.example' });
    expect(after.queue.some((q) => q.kind === 'changed-since-review')).toBe(false);
    expect(after.queue.some((q) => q.id === 'site-url')).toBe(false);
    // A run that changed nothing still reports what the last run that changed claims did.
    expect(after.changes).toEqual(queue.changes);
  });
});
