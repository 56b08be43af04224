/**
 * Average-linkage agglomerative clustering over a sparse similarity graph: the two groups whose
 * mentions are most similar on average merge first, until no pair of groups reaches the threshold.
 * Pairs that were never compared count as zero, so the cost follows the number of candidate pairs,
 * not the square of the number of mentions.
 */

/** An edge of the similarity graph. */
export interface Edge {
  i: number;
  j: number;
  s: number;
}

interface Entry {
  avg: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/** Groups `n` items; `allowed` may veto a merge (conflicting values, speakers). */
export function averageLinkage(
  n: number,
  edges: readonly Edge[],
  threshold: number,
  allowed: (a: readonly number[], b: readonly number[]) => boolean,
): number[][] {
  const members = new Map<number, number[]>();
  const links = new Map<number, Map<number, number>>();
  const version = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    members.set(i, [i]);
    links.set(i, new Map());
  }
  for (const { i, j, s } of edges) {
    links.get(i)?.set(j, (links.get(i)?.get(j) ?? 0) + s);
    links.get(j)?.set(i, (links.get(j)?.get(i) ?? 0) + s);
  }
  const heap = new Heap();
  const size = (g: number): number => members.get(g)?.length ?? 0;
  const offer = (a: number, b: number): void => {
    const sum = links.get(a)?.get(b) ?? 0;
    const avg = sum / (size(a) * size(b));
    if (avg >= threshold) heap.push({ avg, a: Math.min(a, b), b: Math.max(a, b), va: version[Math.min(a, b)] ?? 0, vb: version[Math.max(a, b)] ?? 0 });
  };
  for (const [a, neighbours] of links) for (const b of neighbours.keys()) if (a < b) offer(a, b);
  const vetoed = new Set<string>();
  for (let top = heap.pop(); top; top = heap.pop()) {
    const { a, b } = top;
    if (!members.has(a) || !members.has(b) || version[a] !== top.va || version[b] !== top.vb) continue;
    const ga = members.get(a) ?? [];
    const gb = members.get(b) ?? [];
    const key = `${a}:${b}:${top.va}:${top.vb}`;
    if (vetoed.has(key) || !allowed(ga, gb)) {
      vetoed.add(key);
      continue;
    }
    // b joins a: a's links become the sums of both.
    for (const k of gb) ga.push(k);
    members.delete(b);
    const la = links.get(a) ?? new Map<number, number>();
    for (const [c, s] of links.get(b) ?? []) {
      if (c === a) continue;
      la.set(c, (la.get(c) ?? 0) + s);
      const lc = links.get(c);
      lc?.set(a, (lc.get(a) ?? 0) + s);
      lc?.delete(b);
    }
    la.delete(b);
    links.delete(b);
    version[a] = (version[a] ?? 0) + 1;
    for (const c of la.keys()) offer(a, c);
  }
  return [...members.values()];
}

/** A binary max-heap on `avg`, ties broken by the lower pair of ids, so merges are deterministic. */
class Heap {
  private readonly items: Entry[] = [];

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Entry, items[parent] as Entry)) break;
      [items[i], items[parent]] = [items[parent] as Entry, items[i] as Entry];
      i = parent;
    }
  }

  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l] as Entry, items[m] as Entry)) m = l;
        if (r < items.length && before(items[r] as Entry, items[m] as Entry)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as Entry, items[i] as Entry];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Entry, y: Entry): boolean {
  return x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b)));
}
