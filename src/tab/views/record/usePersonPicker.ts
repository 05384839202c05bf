// Person picker state: the text typed, the people /users returned for it (debounced), the names of the
// people already chosen. No JSX.
import { useCallback, useMemo, useState } from 'react';
import type { Person } from '../../services/tab-services';
import { useDebouncedSearch } from './useDebouncedSearch';

export interface UsePersonPickerOptions {
  readonly value: readonly string[];
  readonly known: ReadonlyMap<string, Person>;
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly Person[]>;
  /** @defaultvalue 250 */
  readonly debounceMs?: number;
}

export const usePersonPicker = ({ value, known, search, debounceMs = 250 }: UsePersonPickerOptions) => {
  const [found, setFound] = useState<ReadonlyMap<string, Person>>(new Map());
  // Stable, so the search effect does not run again on every render.
  const remember = useCallback(
    (items: readonly Person[]) =>
      setFound((current) => new Map([...current, ...items.map((p) => [p.email, p] as const)])),
    [],
  );
  const { query, setQuery, results, searching } = useDebouncedSearch({
    search,
    onResults: remember,
    debounceMs,
  });

  const nameOf = useMemo(
    () =>
      (email: string): string =>
        known.get(email)?.displayName ?? found.get(email)?.displayName ?? email,
    [known, found],
  );

  // While searching, the matches; otherwise the chosen people, so the list shows them as selected.
  const options = useMemo(
    () =>
      query.trim() !== ''
        ? results
        : value.map((email) => known.get(email) ?? found.get(email) ?? { email, displayName: nameOf(email) }),
    [query, results, value, known, found, nameOf],
  );

  return { query, setQuery, results, options, searching, nameOf };
};
