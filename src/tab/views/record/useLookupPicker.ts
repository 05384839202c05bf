// Lookup picker state: the text typed, the items of the target register whose title starts with it (debounced),
// the titles of the items already chosen. No JSX.
import { useCallback, useMemo, useState } from 'react';
import type { RecordOption } from '../../services/tab-services';
import { useDebouncedSearch } from './useDebouncedSearch';

export interface UseLookupPickerOptions {
  /** The chosen item ids. */
  readonly value: readonly string[];
  /** Title of an item already known (the record's lookups, resolved by the page). */
  readonly titleOf?: (id: string) => string | undefined;
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly RecordOption[]>;
  /** @defaultvalue 250 */
  readonly debounceMs?: number;
}

export const useLookupPicker = ({ value, titleOf, search, debounceMs = 250 }: UseLookupPickerOptions) => {
  const [found, setFound] = useState<ReadonlyMap<string, string>>(new Map());
  // Stable, so the search effect does not run again on every render.
  const remember = useCallback(
    (items: readonly RecordOption[]) =>
      setFound((current) => new Map([...current, ...items.map((i) => [i.id, i.title] as const)])),
    [],
  );
  const { query, setQuery, results, searching } = useDebouncedSearch({
    search,
    onResults: remember,
    debounceMs,
  });

  /** The item's title; its id while the title is unknown (deleted, hidden, or not loaded yet). */
  const titleFor = useMemo(
    () =>
      (id: string): string =>
        found.get(id) ?? titleOf?.(id) ?? id,
    [found, titleOf],
  );

  // While searching, the matches; otherwise the chosen items, so the list shows them as selected.
  const options = useMemo<readonly RecordOption[]>(
    () => (query.trim() !== '' ? results : value.map((id) => ({ id, title: titleFor(id) }))),
    [query, results, value, titleFor],
  );

  return { query, setQuery, results, options, searching, titleFor };
};
