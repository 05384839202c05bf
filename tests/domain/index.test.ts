import * as domain from '../../src/domain';

describe('domain public surface', () => {
  it.each([
    'REGISTERS',
    'MISSIONS',
    'validateRecord',
    'coerceFieldValue',
    'formatIssue',
    'recordHealth',
    'setHealth',
    'scorecard',
    'reviewCycleFor',
    'dueDate',
    'can',
    'changedFieldsAllowed',
    'riskScore',
    'riskBand',
    'heatMap',
    'triage',
    'transition',
    'verificationAfterEdit',
    'healthControlsSchema',
  ])('exports %s', (name) => {
    expect(domain).toHaveProperty(name);
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });

  it('has no default export', () => {
    expect(domain).not.toHaveProperty('default');
  });
});
