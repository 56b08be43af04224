/** The site's base path, always with a leading and a trailing slash: `x` → `/x/`, `` → `/`. No imports, so the config, the remark plugin, the pages and the build script can all use it. */
export function normaliseBase(base: string): string {
  const lead = base.startsWith('/') ? base : `/${base}`;
  return lead.endsWith('/') ? lead : `${lead}/`;
}
