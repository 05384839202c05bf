// Person picker state: the text typed, the people /users returned for it (debounced), the names of the
// people already chosen. No JSX.
import { useEffect, useMemo, useState } from 'react';
import type { Person } from '../../services/tab-services';

export interface UsePersonPickerOptions {
  readonly value: readonly string[];
  readonly known: ReadonlyMap<string, Person>;
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly Person[]>;
  /** @defaultvalue 250 */
  readonly debounceMs?: number;
}

export const usePersonPicker = ({ value, known, search, debounceMs = 250 }: UsePersonPickerOptions) => {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<readonly Person[]>([]);
  const [searching, setSearching] = useState(false);
  const [found, setFound] = useState<ReadonlyMap<string, Person>>(new Map());

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
        (people) => {
          if (controller.signal.aborted) return;
          setResults(people);
          setFound((current) => new Map([...current, ...people.map((p) => [p.email, p] as const)]));
          setSearching(false);
        },
        () => !controller.signal.aborted && (setResults([]), setSearching(false)),
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, search, debounceMs]);

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
