// The three-way merge behind the conflict dialog: a field only one side changed merges without a question,
// a field both changed differently is asked about, nothing is lost.
import { mergeThreeWay, resolvedChanges } from '../../../src/domain/merge';
import type { RecordValues } from '../../../src/domain/schema/types';

const FIELDS = ['Title', 'retention', 'hostingCountry', 'sensitivity', 'personalDataSubjects'];
const base: RecordValues = {
  Title: 'Case files',
  retention: '5 years',
  hostingCountry: 'Netherlands',
  sensitivity: 'Internal',
  personalDataSubjects: ['Beneficiaries'],
};

describe('mergeThreeWay', () => {
  it('A changed Retention, B changed Hosting country: B’s change merges, A’s change is shown, no question', () => {
    const merge = mergeThreeWay({
      fields: FIELDS,
      base,
      mine: { hostingCountry: 'Ireland' },
      theirs: { ...base, retention: '7 years' },
    });
    expect(merge.mineOnly).toEqual({ hostingCountry: 'Ireland' });
    expect(merge.theirChanges).toEqual([{ field: 'retention', base: '5 years', theirs: '7 years' }]);
    expect(merge.conflicts).toEqual([]);
    expect(resolvedChanges(merge, {})).toEqual({ hostingCountry: 'Ireland' });
  });

  it('asks only about fields both changed differently, with the base to compare', () => {
    const merge = mergeThreeWay({
      fields: FIELDS,
      base,
      mine: { retention: '10 years', sensitivity: 'Confidential', Title: 'Case files (2026)' },
      theirs: { ...base, retention: '3 years', sensitivity: 'Confidential', hostingCountry: 'Kenya' },
    });
    expect(merge.conflicts).toEqual([
      { field: 'retention', base: '5 years', mine: '10 years', theirs: '3 years' },
    ]);
    expect(merge.agreed).toEqual(['sensitivity']);
    expect(merge.mineOnly).toEqual({ Title: 'Case files (2026)' });
    expect(merge.theirChanges.map((c) => c.field)).toEqual(['hostingCountry']);
    // Keeping theirs drops only my conflicting value; my clean change is still written.
    expect(resolvedChanges(merge, { retention: 'theirs' })).toEqual({ Title: 'Case files (2026)' });
    // By default my edit is kept.
    expect(resolvedChanges(merge, {})).toEqual({ Title: 'Case files (2026)', retention: '10 years' });
  });

  it('treats an untouched field, and empty forms (null, "", []), as unchanged', () => {
    const merge = mergeThreeWay({
      fields: FIELDS,
      base: { ...base, personalDataSubjects: [] },
      mine: { retention: '5 years', personalDataSubjects: null },
      theirs: { ...base, personalDataSubjects: null, sensitivity: 'Internal' },
    });
    expect(merge).toEqual({ mineOnly: {}, theirChanges: [], agreed: [], conflicts: [] });
  });

  it('compares multi-valued fields by content: I clear a list they extended = conflict', () => {
    const merge = mergeThreeWay({
      fields: FIELDS,
      base,
      mine: { personalDataSubjects: [] },
      theirs: { ...base, personalDataSubjects: ['Beneficiaries', 'Staff'] },
    });
    expect(merge.conflicts).toEqual([
      {
        field: 'personalDataSubjects',
        base: ['Beneficiaries'],
        mine: [],
        theirs: ['Beneficiaries', 'Staff'],
      },
    ]);
  });

  it('ignores fields outside the list it is given (system fields set by the app)', () => {
    const merge = mergeThreeWay({
      fields: ['retention'],
      base: { ...base, lastReviewed: '2026-01-01' },
      mine: { lastReviewed: '2026-06-01' },
      theirs: { ...base, lastReviewed: '2026-05-01' },
    });
    expect(merge).toEqual({ mineOnly: {}, theirChanges: [], agreed: [], conflicts: [] });
  });
});
