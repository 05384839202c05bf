// Submitted AI systems grouped into review batches: a focal point's Excel push that submits 200 systems
// reaches the officers as one batch (same submitter, same day), not as 200 separate tasks.
import type { RecordValues } from '../schema/types';

export interface SubmittedSystem {
  readonly id: string;
  readonly values: RecordValues;
  /** Who saved the submission (the item's last editor). */
  readonly modifiedBy?: string;
  /** ISO timestamp of that save. */
  readonly modifiedAt?: string;
}

export interface ReviewBatch {
  /** `${day}/${submitter}`: stable, used to tag the officers' decisions. */
  readonly key: string;
  readonly submitter: string;
  readonly day: string;
  readonly missions: readonly string[];
  readonly systems: readonly SubmittedSystem[];
}

export const reviewBatchKey = (day: string, submitter: string): string => `${day}/${submitter}`;

/** Newest day first, then by submitter; systems in a batch by name. */
export const reviewBatches = (systems: readonly SubmittedSystem[]): readonly ReviewBatch[] => {
  const groups = new Map<string, { submitter: string; day: string; systems: SubmittedSystem[] }>();
  for (const s of systems) {
    const submitter = (s.modifiedBy ?? '').toLowerCase() || '(unknown)';
    const day = (s.modifiedAt ?? '').slice(0, 10) || '(unknown)';
    const key = reviewBatchKey(day, submitter);
    const group = groups.get(key) ?? { submitter, day, systems: [] };
    group.systems.push(s);
    groups.set(key, group);
  }
  const title = (s: SubmittedSystem): string => (typeof s.values.Title === 'string' ? s.values.Title : '');
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      submitter: g.submitter,
      day: g.day,
      missions: [
        ...new Set(g.systems.map((s) => s.values.mission).filter((m): m is string => typeof m === 'string')),
      ].sort(),
      systems: [...g.systems].sort((a, b) => title(a).localeCompare(title(b))),
    }))
    .sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.submitter.localeCompare(b.submitter)));
};
