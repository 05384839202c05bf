import { LOCALES } from '../../src/domain/schema/types';
import { refusalMessage } from '../../src/addin/sync/refusals';

const CODES = [
  'noRole',
  'notPermitted',
  'officerOnly',
  'notOwnRecord',
  'notOwnMission',
  'notApplicable',
  'officerOnlyField',
  'reassignNotAllowed',
] as const;

describe('push refusals', () => {
  it('explains every domain refusal in every language, naming the columns concerned', () => {
    for (const locale of LOCALES)
      for (const code of CODES) {
        const text = refusalMessage(code, locale, ['Risk tier', 'Custodian']);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/\{\{/);
        if (code === 'officerOnlyField' || code === 'reassignNotAllowed')
          expect(text).toContain('Risk tier, Custodian');
      }
  });
});
