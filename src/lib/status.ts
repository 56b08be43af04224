/** How each corroboration status reads to a reader: a word and an icon, never colour alone. */
import { STATUSES, type Status } from '../schema.ts';

export interface StatusInfo {
  label: string;
  icon: string;
  /** One sentence for legends and the methodology page. */
  meaning: string;
}

export const STATUS_INFO: Record<Status, StatusInfo> = {
  corroborated: { label: 'Corroborated', icon: '✓', meaning: 'Two or more sources state it and none gives a different value.' },
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

/** "2 of 5 sources". */
export function sourcesPhrase(k: number, n: number): string {
  return `${k} of ${n} source${n === 1 ? '' : 's'}`;
}

/** The rating text used when a maintainer has not given a verdict (ClaimReview alternateName). */
export function corroborationLabel(status: Status, k: number, n: number): string {
  if (status === 'disputed') return `Disputed: ${sourcesPhrase(k, n)} state it with conflicting details`;
  if (status === 'corroborated') return `Corroborated by ${sourcesPhrase(k, n)}`;
  return `Single source: ${sourcesPhrase(k, n)}`;
}
