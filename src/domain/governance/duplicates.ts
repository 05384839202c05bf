// Likely duplicates when registering an AI system: the same name, or the same provider and purpose.
import type { RecordValues } from '../schema/types';

export type DuplicateReason = 'sameName' | 'sameProviderAndPurpose';

export interface DuplicateMatch {
  readonly id: string;
  readonly title: string;
  readonly reasons: readonly DuplicateReason[];
}

/** Lower case, accents and punctuation removed, spaces collapsed: "Chat-Bot  Héros" = "chat bot heros". */
export const normalizeName = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'and',
  'in',
  'on',
  'by',
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'et',
  'el',
  'los',
  'las',
  'y',
  'para',
]);

const tokens = (text: string): Set<string> =>
  new Set(
    normalizeName(text)
      .split(' ')
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );

/** Jaccard similarity of the significant words of two texts (0-1). */
export const textSimilarity = (a: string, b: string): number => {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Purposes this similar (or more) count as the same purpose. */
export const PURPOSE_SIMILARITY = 0.6;

export const likelyDuplicates = (
  candidate: RecordValues,
  existing: readonly { readonly id: string; readonly values: RecordValues }[],
  ownId?: string,
): readonly DuplicateMatch[] => {
  const name = normalizeName(text(candidate.Title));
  const provider = normalizeName(text(candidate.provider));
  const purpose = text(candidate.purpose);
  const matches: DuplicateMatch[] = [];
  for (const e of existing) {
    if (e.id === ownId) continue;
    const reasons: DuplicateReason[] = [];
    if (name !== '' && normalizeName(text(e.values.Title)) === name) reasons.push('sameName');
    if (
      provider !== '' &&
      normalizeName(text(e.values.provider)) === provider &&
      purpose.trim() !== '' &&
      (normalizeName(purpose) === normalizeName(text(e.values.purpose)) ||
        textSimilarity(purpose, text(e.values.purpose)) >= PURPOSE_SIMILARITY)
    )
      reasons.push('sameProviderAndPurpose');
    if (reasons.length > 0) matches.push({ id: e.id, title: text(e.values.Title), reasons });
  }
  return matches;
};
