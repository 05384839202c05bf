import {
  ALL_GROUNDS,
  TRIAGE_QUESTIONS,
  parseTriageAnswers,
  serializeTriageAnswers,
  transition,
  triage,
  verificationAfterEdit,
  availableActions,
  stateOfChoice,
} from '../../src/domain/ai-act';
import type { TriageAnswers, VerificationAction, VerificationState } from '../../src/domain/ai-act';
import { LOCALES } from '../../src/domain/schema/types';
import type { Actor } from '../../src/domain/roles';
import { validSystem } from './fixtures';

describe('triage questionnaire', () => {
  it('has unique ids, a reference and text in 4 locales', () => {
    const ids = TRIAGE_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of TRIAGE_QUESTIONS) {
      expect(q.ref).toMatch(
        /^(Art \d+(\(\d+\))?(\([a-h]\))?( \(Digital Omnibus\))?|Annex III \d(\([a-e]\))?)$/,
      );
      for (const l of LOCALES) expect(q.text[l]).toMatch(/\?|؟$/);
      expect(q.text.ar).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('covers every Art 5(1) practice and every Annex III area', () => {
    const refs = TRIAGE_QUESTIONS.map((q) => q.ref);
    for (const l of 'abcdefgh') expect(refs).toContain(`Art 5(1)(${l})`);
    for (const area of [1, 2, 3, 4, 5, 6, 7, 8])
      expect(refs.some((r) => r.startsWith(`Annex III ${area}`))).toBe(true);
    for (const n of [1, 2, 3, 4]) expect(refs).toContain(`Art 50(${n})`);
    expect(ALL_GROUNDS).toContain('Art 6(3)(c)');
    expect(ALL_GROUNDS).not.toContain('Art 3(63)');
  });
});

describe('triage', () => {
  it.each<[string, TriageAnswers, string, string[]]>([
    [
      'emotion recognition at work is prohibited',
      { art5_1_f: true, annexIII_1_c: true, art50_3: true },
      'prohibited',
      ['Art 5(1)(f)'],
    ],
    [
      'several prohibited practices',
      { art5_1_a: true, art5_1_h: true },
      'prohibited',
      ['Art 5(1)(a)', 'Art 5(1)(h)'],
    ],
    // Art 6(1): "...covered by the Union harmonisation legislation listed in Annex I" — cite both.
    ['a safety component under Annex I is high', { art6_1: true }, 'high', ['Art 6(1)', 'Annex I']],
    ['CV screening is high', { annexIII_4_a: true }, 'high', ['Art 6(2)', 'Annex III 4(a)']],
    [
      'asylum case examination is high',
      { annexIII_7_c: true, art50_1: true },
      'high',
      ['Art 6(2)', 'Annex III 7(c)', 'Art 50(1)'],
    ],
    [
      'a narrow procedural Annex III task is derogated',
      { annexIII_5_a: true, art6_3_noSignificantRisk: true, art6_3_a: true },
      'minimal',
      ['Art 6(2)', 'Annex III 5(a)', 'Art 6(3)(a)'],
    ],
    [
      'a derogated system that chats is limited',
      { annexIII_4_b: true, art6_3_noSignificantRisk: true, art6_3_d: true, art6_3_b: true, art50_1: true },
      'limited',
      ['Art 6(2)', 'Annex III 4(b)', 'Art 6(3)(b)', 'Art 6(3)(d)', 'Art 50(1)'],
    ],
    [
      'never a derogation when it profiles people',
      { annexIII_5_a: true, art6_3_noSignificantRisk: true, art6_3_a: true, art6_3_profiling: true },
      'high',
      // Art 6(3), last subparagraph: "shall always be considered to be high-risk where the AI system
      // performs profiling of natural persons" — the refused derogation is cited.
      ['Art 6(2)', 'Annex III 5(a)', 'Art 6(3) not available: profiling'],
    ],
    [
      'no derogation without the no-significant-risk finding',
      { annexIII_3_b: true, art6_3_c: true },
      'high',
      ['Art 6(2)', 'Annex III 3(b)'],
    ],
    [
      'no derogation without a qualifying task',
      { annexIII_2: true, art6_3_noSignificantRisk: true },
      'high',
      ['Art 6(2)', 'Annex III 2'],
    ],
    [
      'Annex I stays high even when the Annex III use is derogated',
      { art6_1: true, annexIII_8_a: true, art6_3_noSignificantRisk: true, art6_3_d: true },
      'high',
      ['Art 6(1)', 'Annex I', 'Art 6(2)', 'Annex III 8(a)', 'Art 6(3)(d)'],
    ],
    ['a chatbot is limited', { art50_1: true, gpai: true }, 'limited', ['Art 50(1)']],
    [
      'generated images and deep fakes',
      { art50_2: true, art50_4: true },
      'limited',
      ['Art 50(2)', 'Art 50(4)'],
    ],
    ['nothing applies: minimal', {}, 'minimal', []],
    ['explicit noes: minimal', { art5_1_a: false, art6_1: false, art50_1: false }, 'minimal', []],
    [
      'derogation answers without Annex III are ignored',
      { art6_3_a: true, art6_3_noSignificantRisk: true },
      'minimal',
      [],
    ],
  ])('%s', (_n, answers, tier, grounds) => {
    const r = triage(answers);
    expect(r.tier).toBe(tier);
    expect(r.grounds).toEqual(grounds);
    for (const g of r.grounds) expect(ALL_GROUNDS).toContain(g);
  });

  it('reports each step', () => {
    expect(triage({ art5_1_c: true }).steps.map((s) => `${s.step}:${s.outcome}`)).toEqual([
      'scope:undetermined',
      'A:prohibited',
      'B:skipped',
      'C:skipped',
      'D:skipped',
      'E:skipped',
      'F:skipped',
      'gpai:notInvolved',
    ]);
    expect(
      triage({ annexIII_1_a: true, art6_3_noSignificantRisk: true, art6_3_a: true, art50_3: true }).steps.map(
        (s) => `${s.step}:${s.outcome}`,
      ),
    ).toEqual([
      'scope:undetermined',
      'A:clear',
      'B:clear',
      'C:annexIII',
      'D:derogation',
      'E:limited',
      'F:notApplicable',
      'gpai:notInvolved',
    ]);
    expect(triage({ annexIII_6_e: true, art6_3_profiling: true }).steps[4]).toEqual({
      step: 'D',
      outcome: 'excludedProfiling',
      grounds: ['Art 6(3) not available: profiling'],
      exceptions: [],
    });
    expect(triage({ annexIII_6_e: true }).steps[4]?.outcome).toBe('notMet');
    expect(triage({}).steps.map((s) => s.outcome)).toEqual([
      'undetermined',
      'clear',
      'clear',
      'clear',
      'notApplicable',
      'clear',
      'minimal',
      'notInvolved',
    ]);
  });

  it('flags GPAI independently of the tier', () => {
    expect(triage({ gpai: true })).toMatchObject({ tier: 'minimal', gpai: true });
    expect(triage({ gpai: true, annexIII_4_a: true })).toMatchObject({ tier: 'high', gpai: true });
    expect(triage({ gpai: true, art5_1_b: true })).toMatchObject({ tier: 'prohibited', gpai: true });
    expect(triage({ annexIII_4_a: true }).gpai).toBe(false);
  });

  it('lists unanswered questions that mattered, and follow-up notes', () => {
    const all = Object.fromEntries(TRIAGE_QUESTIONS.map((q) => [q.id, false])) as TriageAnswers;
    expect(triage(all).unanswered).toEqual([]);
    // Without an Annex III use, the Art 6(3) questions are never asked.
    const r = triage({});
    expect(r.unanswered).toContain('art5_1_a');
    expect(r.unanswered).not.toContain('art6_3_a');
    expect(triage({ annexIII_4_a: true }).unanswered).toContain('art6_3_profiling');
    expect(triage({ annexIII_4_a: true }).notes).toEqual([
      'privilegesAndImmunities',
      'deployerDuties',
      'fundamentalRightsAssessment',
      'explanationRight',
      'aiLiteracy',
    ]);
    expect(triage({ annexIII_4_a: true, art6_3_noSignificantRisk: true, art6_3_a: true }).notes).toEqual([
      'privilegesAndImmunities',
      'documentDerogation',
      'voluntaryCodes',
      'aiLiteracy',
    ]);
  });

  it('round-trips the answers through the triageAnswers note', () => {
    const answers: TriageAnswers = { art50_1: true, gpai: false, annexIII_4_a: true };
    const json = serializeTriageAnswers(answers);
    expect(json).toBe('{"annexIII_4_a":true,"art50_1":true,"gpai":false}');
    expect(parseTriageAnswers(json)).toEqual({ ok: true, value: answers });
    expect(parseTriageAnswers('')).toEqual({ ok: true, value: {} });
    expect(parseTriageAnswers('{oops')).toEqual({ ok: false, reason: 'invalidJson' });
    expect(parseTriageAnswers('{"art50_1":"yes"}')).toEqual({ ok: false, reason: 'invalidAnswers' });
    expect(parseTriageAnswers('{"unknown":true}')).toEqual({ ok: false, reason: 'invalidAnswers' });
  });
});

describe('verification workflow', () => {
  const custodian: Actor = { email: 'omar.haddad@example.org', roles: ['custodian'], missions: [] };
  const focal: Actor = { email: 'fp@example.org', roles: ['focalPoint'], missions: ['jordan'] };
  const officer: Actor = { email: 'Officer@example.org', roles: ['officer'], missions: [] };
  const stranger: Actor = { email: 'x@example.org', roles: ['custodian'], missions: [] };
  const reader: Actor = { email: 'r@example.org', roles: ['reader'], missions: [] };
  const now = '2025-04-01T09:30:00Z';
  // Triaged as limited (in scope, a chatbot whose nature is not obvious), consistent with riskTier 'Limited'.
  const record = { ...validSystem, triageAnswers: '{"scope_union":true,"art50_1":true}' };
  const independence = { submittedBy: 'omar.haddad@example.org', allowSingleOfficer: false };

  it.each<[VerificationState, VerificationAction, Actor, string, string | VerificationState]>([
    ['draft', 'submit', custodian, '', 'submitted'],
    ['draft', 'submit', focal, '', 'submitted'],
    ['draft', 'submit', stranger, '', 'notOwnRecord'],
    ['draft', 'submit', reader, '', 'notPermitted'],
    ['draft', 'verify', officer, '', 'invalidTransition'],
    ['submitted', 'verify', officer, '', 'verified'],
    ['submitted', 'verify', custodian, '', 'officerOnly'],
    ['submitted', 'verify', focal, '', 'officerOnly'],
    ['submitted', 'requestChanges', officer, 'Explain the oversight', 'changesRequested'],
    ['submitted', 'requestChanges', officer, '  ', 'commentRequired'],
    ['submitted', 'requestChanges', custodian, 'please', 'officerOnly'],
    ['submitted', 'submit', custodian, '', 'invalidTransition'],
    ['changesRequested', 'reopen', custodian, '', 'draft'],
    ['changesRequested', 'reopen', reader, '', 'notPermitted'],
    ['changesRequested', 'submit', custodian, '', 'submitted'],
    ['changesRequested', 'verify', officer, '', 'invalidTransition'],
    ['verified', 'submit', custodian, '', 'invalidTransition'],
    ['verified', 'requestChanges', officer, 'x', 'invalidTransition'],
  ])('%s --%s--> by %j', (from, action, who, comment, expected) => {
    const r = transition(from, action, who, { record, comment, now, independence });
    expect(r.ok ? r.state : r.reason).toBe(expected);
  });

  it('records who, when, from, to and the comment, and the fields to write', () => {
    const r = transition('submitted', 'verify', officer, {
      record,
      comment: 'Tier confirmed',
      now,
      independence,
    });
    expect(r).toEqual({
      ok: true,
      state: 'verified',
      entry: {
        from: 'submitted',
        to: 'verified',
        action: 'verify',
        by: 'officer@example.org',
        at: now,
        comment: 'Tier confirmed',
      },
      values: {
        verificationStatus: 'Verified',
        verifiedBy: 'officer@example.org',
        verifiedOn: '2025-04-01',
        verificationComment: 'Tier confirmed',
      },
    });
    const changes = transition('submitted', 'requestChanges', officer, { record, comment: 'Add FRIA', now });
    expect(changes.ok && changes.values).toEqual({
      verificationStatus: 'Changes requested',
      verificationComment: 'Add FRIA',
    });
    const submit = transition('draft', 'submit', custodian, { record, now: new Date(now) });
    expect(submit.ok && submit.entry.at).toBe('2025-04-01T09:30:00.000Z');
  });

  it('lists the actions open from each state', () => {
    expect(availableActions('draft')).toEqual(['submit']);
    expect(availableActions('submitted')).toEqual(['verify', 'requestChanges']);
    expect(availableActions('changesRequested')).toEqual(['submit', 'reopen']);
    expect(availableActions('verified')).toEqual(['revoke']);
  });

  it('maps stored values to states', () => {
    expect(stateOfChoice('Changes requested')).toBe('changesRequested');
    expect(stateOfChoice(null)).toBe('draft');
    expect(stateOfChoice('Bogus')).toBeUndefined();
  });

  const verified = {
    ...validSystem,
    verificationStatus: 'Verified',
    verifiedBy: 'officer@example.org',
    verifiedOn: '2025-04-01',
  };
  it.each<[string, Record<string, unknown>, boolean]>([
    ['purpose', { purpose: 'Now also ranks cases' }, true],
    ['triage answers', { triageAnswers: '{"art50_1":true}' }, true],
    ['data assets', { dataAssets: ['7'] }, true],
    // Issue 17: tier, role, oversight, provider and deployment status are material too.
    ['provider', { provider: 'Fabrikam' }, true],
    ['risk tier', { riskTier: 'Minimal' }, true],
    ['AI Act role', { aiActRole: 'Provider' }, true],
    ['human oversight', { humanOversight: 'Nobody' }, true],
    ['deployment status', { deploymentStatus: 'In production' }, true],
    ['review date only', { lastReviewed: '2025-05-01' }, false],
    ['same purpose', { purpose: validSystem.purpose }, false],
  ])('a verified system whose %s changes goes back to submitted: %p', (_n, change, back) => {
    const r = verificationAfterEdit(
      verified,
      { ...verified, ...(change as Record<string, never>) },
      custodian,
      now,
    );
    if (!back) expect(r).toBeNull();
    else {
      expect(r?.state).toBe('submitted');
      expect(r?.values).toEqual({ verificationStatus: 'Submitted', verifiedBy: null, verifiedOn: null });
      expect(r?.entry).toMatchObject({
        from: 'verified',
        to: 'submitted',
        action: 'materialChange',
        by: custodian.email,
      });
    }
  });

  it('leaves non-verified systems alone', () => {
    expect(verificationAfterEdit(validSystem, { ...validSystem, purpose: 'x' }, custodian, now)).toBeNull();
  });
});
