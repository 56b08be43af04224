/** Reads the doc comment of each pipeline setting from the source of scripts/pipeline/settings.ts. */

export interface SettingRow {
  group: string;
  key: string;
  value: string;
  /** The setting's `/** … *\/` comment, or '' when it has none. */
  doc: string;
}

/**
 * Flattens `SETTINGS` into rows of `group.key = value`, each with the doc comment written above it
 * in `source` (so the methodology page explains every threshold in the pipeline's own words).
 */
export function describeSettings(settings: Record<string, unknown>, source: string): SettingRow[] {
  const docs = docComments(source);
  const rows: SettingRow[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      return;
    }
    const key = path.join('.');
    rows.push({ group: path[0] ?? '', key: path.slice(1).join('.') || key, value: format(value), doc: docs.get(key) ?? '' });
  };
  walk(settings, []);
  return rows;
}

/** Map of dotted key path → doc comment, by tracking `{`/`}` nesting of `key: {` lines. */
function docComments(source: string): Map<string, string> {
  const map = new Map<string, string>();
  const body = source.slice(Math.max(0, source.indexOf('SETTINGS')));
  const stack: string[] = [];
  let pending = '';
  const token = /\/\*\*([\s\S]*?)\*\/|(['"]?)([A-Za-z_$][\w$]*)\2\s*:\s*(\{)?|(\})/g;
  let depth = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[1] !== undefined) {
      pending = m[1].split('\n').map((l) => l.replace(/^\s*\*?\s?/, '')).join(' ').replace(/\s+/g, ' ').trim();
    } else if (m[3] !== undefined) {
      if (depth === 0 && !m[4]) continue;
      const path = [...stack, m[3]].join('.');
      if (pending) map.set(path, pending);
      pending = '';
      if (m[4]) { stack.push(m[3]); depth += 1; }
    } else if (m[5] !== undefined) {
      stack.pop();
      depth -= 1;
      if (depth < 0) break;
    }
  }
  return map;
}

function format(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
