/**
 * How each corroboration status reads to a reader: a word and an icon, never colour alone. It says
 * what the sources say, never whether the claim is true: no tick, no green (that is a verdict's job).
 */
import { STATUSES, type Status } from '../schema.ts';

export interface StatusInfo {
  label: string;
  icon: string;
  /** One sentence for legends and the methodology page. */
  meaning: string;
}

export const STATUS_INFO: Record<Status, StatusInfo> = {
  corroborated: { label: 'Corroborated', icon: '≡', meaning: 'Two or more sources state it and none gives a different value.' },
  'single-source': { label: 'Single source', icon: '◐', meaning: 'Only one source states it.' },
  disputed: { label: 'Disputed', icon: '≠', meaning: 'Sources state it but disagree on a figure, date, day or actor.' },
};

/** The order statuses are listed in: what is solid, what rests on one outlet, what is disputed. */
export const STATUS_ORDER: Status[] = [...STATUSES];

/** Counts of claims per status, zero-filled. */
export function countByStatus(claims: Iterable<{ status: Status }>): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const claim of claims) counts[claim.status] += 1;
  return counts;
}

/** "2 of 5 sources" (k: the independent sources that state it). */
export function sourcesPhrase(k: number, n: number): string {
  return `${k} of ${n} source${n === 1 ? '' : 's'}`;
}

/** "4 sources, 3 independent", or "4 sources" when every one is independent. */
export function independencePhrase(sources: number, independent: number): string {
  const all = `${sources} source${sources === 1 ? '' : 's'}`;
  return independent < sources ? `${all}, ${independent} independent` : all;
}
