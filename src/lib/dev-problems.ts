/**
 * In `npm run dev`, the problems of the last pipeline run, so a page can show the ones that concern
 * it as a banner (an unknown verdict on the claim's page, a site.md error on every page). The dev
 * command writes them to the file named by TRIANGULATE_DEV_PROBLEMS; a build never reads it.
 */
import { readFileSync } from 'node:fs';

/** A problem as the dev command hands it to the site: the page it concerns and its report line. */
export interface DevProblem {
  /** The site path of the page it concerns, relative to the base (`claims/x/`), or null for every page. */
  page: string | null;
  /** `file:line:column  rule  message`, as the terminal shows it. */
  text: string;
  fatal: boolean;
}

/** The last run's problems that concern the page at `page` (relative to the base); none outside dev. */
export function devProblems(page: string): DevProblem[] {
  const file = process.env['TRIANGULATE_DEV_PROBLEMS'];
  if (!import.meta.env.DEV || !file) return [];
  let all: unknown;
  try {
    all = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(all)) return [];
  return (all as DevProblem[]).filter((p) => p.page === null || p.page === page);
}
