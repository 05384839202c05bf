// The versions of one record, newest first, each with what changed from the one before. No JSX.
import { useEffect, useState } from 'react';
import { useTab } from '../../app/tab-context';
import type { RecordRef } from '../../deep-links';
import type { RecordVersion } from '../../services/tab-services';
import type { LoadState } from '../mine/useMyRecords';

export interface VersionChange {
  readonly field: string;
  readonly before: RecordVersion['values'][string] | undefined;
  readonly after: RecordVersion['values'][string] | undefined;
}

export interface HistoryEntryView {
  readonly version: RecordVersion;
  /** The previous (older) version; undefined for the first. */
  readonly previous: RecordVersion | undefined;
  readonly changes: readonly VersionChange[];
}

/** Pairs each version with the one before it (the list is newest first). */
export const historyEntries = (versions: readonly RecordVersion[]): HistoryEntryView[] =>
  versions.map((version, i) => {
    const previous = versions[i + 1];
    return {
      version,
      previous,
      changes: version.changedFields.map((field) => ({
        field,
        before: previous?.values[field],
        after: version.values[field],
      })),
    };
  });

export const useHistory = (ref: RecordRef, refreshKey: unknown) => {
  const { services } = useTab();
  const [state, setState] = useState<LoadState<readonly HistoryEntryView[]>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { register, id } = ref;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    services.history({ register, id }, controller.signal).then(
      (versions) =>
        !controller.signal.aborted && setState({ status: 'ready', value: historyEntries(versions) }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [services, register, id, attempt, refreshKey]);

  return { state, reload: () => setAttempt((n) => n + 1) };
};
