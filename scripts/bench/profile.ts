/**
 * Reads a V8 CPU profile (`npm run bench -- --cpu-prof DIR` writes them) and prints where the time
 * went: top functions by self time and by inclusive time, with file and line.
 *
 *   node scripts/bench/profile.ts DIR/pipeline-400.cpuprofile [--top 25] [--filter scripts/]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** One function's share of a profile, in ms. */
export interface FunctionCost {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** Self and inclusive ms per function (recursion counted once per sample). */
export function summarize(profile: Profile): FunctionCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\t${n.callFrame.url.replace(/^file:\/\//, '')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  return [...total].map(([k, totalMs]) => {
    const [name, where] = k.split('\t') as [string, string];
    return { name, where, selfMs: self.get(k) ?? 0, totalMs };
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, filter: { type: 'string', default: '' } } });
  const file = positionals[0];
  if (!file) throw new Error('Usage: node scripts/bench/profile.ts FILE.cpuprofile [--top N] [--filter TEXT]');
  const costs = summarize(JSON.parse(await readFile(file, 'utf8')) as Profile).filter((c) => c.where.includes(values.filter));
  const top = Number(values.top);
  const show = (title: string, sorted: FunctionCost[]) => {
    console.log(`\n${title}`);
    for (const c of sorted.slice(0, top)) console.log(`${c.selfMs.toFixed(0).padStart(8)} self ${c.totalMs.toFixed(0).padStart(8)} total  ${c.name}  ${c.where.replace(process.cwd() + '/', '')}`);
  };
  show('By self time (ms)', [...costs].sort((a, b) => b.selfMs - a.selfMs));
  show('By inclusive time (ms)', [...costs].sort((a, b) => b.totalMs - a.totalMs));
}
