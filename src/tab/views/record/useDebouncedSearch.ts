// Search-as-you-type for the pickers: the text typed, the results of the last search (debounced, the older
// one aborted when the text changes), and whether a search is running. No JSX.
import { useEffect, useState } from 'react';

export interface UseDebouncedSearchOptions<T> {
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly T[]>;
  /** Called with every result set, so the picker can remember the labels it has seen. */
  readonly onResults?: (results: readonly T[]) => void;
  /** @defaultvalue 250 */
  readonly debounceMs?: number;
}

export const useDebouncedSearch = <T>({
  search,
  onResults,
  debounceMs = 250,
}: UseDebouncedSearchOptions<T>) => {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<readonly T[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 1) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      search(text, controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setResults(found);
          onResults?.(found);
          setSearching(false);
        },
        () => !controller.signal.aborted && (setResults([]), setSearching(false)),
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, search, onResults, debounceMs]);

  return { query, setQuery, results, searching };
};
