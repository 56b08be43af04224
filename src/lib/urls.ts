/** Base-aware internal URLs, so the same build works at a domain root or under a project path. */
import { normaliseBase } from './base.ts';

/** The configured base path, always with a leading and trailing slash. */
export const BASE: string = normaliseBase(typeof __TRIANGULATE_BASE__ === 'string' ? __TRIANGULATE_BASE__ : (import.meta.env.BASE_URL ?? '/'));

/** `href('claims/x/')` → `/base/claims/x/`. Paths are relative to the site root. */
export function href(path: string): string {
  return BASE + path.replace(/^\/+/, '');
}

export const claimHref = (id: string): string => href(`claims/${id}/`);
export const sourceHref = (id: string, sentence?: number): string =>
  href(`sources/${id}/`) + (sentence === undefined ? '' : `#s${sentence}`);
export const pillarHref = (id: string): string => href(`pillars/${id}/`);

/** Absolute URL of a site path (canonical links, JSON-LD, feed). */
export function absolute(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}
