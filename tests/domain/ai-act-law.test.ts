// Issue 17: the triage and the verification rules against the text of Regulation (EU) 2024/1689 (quoted in
// each test's name or comment), the Digital Omnibus on AI as reported, and the unit's settings.
import {
  DEFAULT_AI_ACT_TIMELINE,
  EXTRA_GROUNDS,
  TRIAGE_QUESTIONS,
  applicableObligations,
  isAsked,
  parseAiActTimeline,
  transition,
  triage,
  verificationBlocker,
} from '../../src/domain/ai-act';
import type { TriageAnswers, TimelineEntry } from '../../src/domain/ai-act';
import {
  aiActTimelineFrom,
  checkSettingValue,
  decide,
  deriveVerification,
  fingerprintMatches,
  materialFingerprint,
  planBulkVerification,
  settingValues,
  submitterOf,
  verificationHistory,
  verificationPolicyFrom,
} from '../../src/domain/governance';
import type { VerificationEntry } from '../../src/domain/governance';
import type { Actor } from '../../src/domain/roles';
import type { RecordValues } from '../../src/domain/schema/types';
import { validSystem } from './fixtures';

const text = (id: string): string => TRIAGE_QUESTIONS.find((q) => q.id === id)?.text.en ?? '';
const inEu: TriageAnswers = { scope_union: true };

describe('scope (Art 2)', () => {
  it('Art 2(1): outside scope when not placed on the market, put into service or used in the Union and no output used there — with the tier it would have', () => {
    const r = triage({ scope_union: false, scope_output: false, annexIII_4_a: true });
    expect(r.scope).toEqual({ outcome: 'outsideScope', reason: 'noUnionLink', grounds: ['Art 2(1)'] });
    expect(r.tier).toBe('high');
    expect(r.notes).toContain('outsideScope');
    expect(r.obligations).toEqual([]);
  });

  it('Art 2(1)(c): "where the output produced by the AI system is used in the Union" brings it in scope', () => {
    const r = triage({ scope_union: false, scope_output: true });
    expect(r.scope).toMatchObject({ outcome: 'inScope', grounds: ['Art 2(1)(c)'] });
  });

  it.each([
    // "This Regulation applies neither to public authorities in a third country nor to international
    // organisations ... where those ... use AI systems in the framework of international cooperation or
    // agreements for law enforcement and judicial cooperation with the Union or with one or more Member States"
    ['scope_lawEnforcementCooperation', 'lawEnforcementCooperation', 'Art 2(4)'],
    // "specifically developed and put into service for the sole purpose of scientific research and development"
    ['scope_research', 'research', 'Art 2(6)'],
    ['scope_preMarket', 'preMarket', 'Art 2(8)'],
    // "deployers who are natural persons using AI systems in the course of a purely personal non-professional activity"
    ['scope_personal', 'personal', 'Art 2(10)'],
    ['scope_military', 'military', 'Art 2(3)'],
  ])('exclusion %s: outside scope with reason %s (%s), even with a Union link', (id, reason, ground) => {
    const r = triage({ ...inEu, [id]: true, art50_1: true });
    expect(r.scope).toEqual({ outcome: 'outsideScope', reason, grounds: [ground] });
    expect(r.tier).toBe('limited');
  });

  it('notes the privileges and immunities of an international organisation on every result', () => {
    expect(triage(inEu).notes).toContain('privilegesAndImmunities');
  });

  it('asks Art 2(4) with its conditions: international cooperation, law enforcement and judicial cooperation, adequate safeguards', () => {
    expect(text('scope_lawEnforcementCooperation')).toMatch(/law enforcement and judicial cooperation/);
    expect(text('scope_lawEnforcementCooperation')).toMatch(/adequate safeguards/);
  });
});

describe('Art 5 keeps its qualifiers and carve-outs', () => {
  it('Art 5(1)(a),(b): "materially distorting" and "causes or is reasonably likely to cause ... significant harm"', () => {
    for (const id of ['art5_1_a', 'art5_1_b']) {
      expect(text(id)).toMatch(/materially distorting/);
      expect(text(id)).toMatch(/reasonably likely to cause significant harm/);
    }
  });

  it('Art 5(1)(d): "this prohibition shall not apply to AI systems used to support the human assessment ... based on objective and verifiable facts"', () => {
    const r = triage({ ...inEu, art5_1_d: true, art5_1_d_exception: true });
    expect(r.tier).not.toBe('prohibited');
    expect(r.exceptions).toEqual([EXTRA_GROUNDS.art5_1_dCarveOut]);
    expect(triage({ ...inEu, art5_1_d: true }).tier).toBe('prohibited');
  });

  it('Art 5(1)(f): "except where ... intended to be put in place ... for medical or safety reasons"', () => {
    expect(triage({ art5_1_f: true, art5_1_f_exception: true }).tier).toBe('minimal');
    expect(triage({ art5_1_f: true }).grounds).toEqual(['Art 5(1)(f)']);
  });

  it('Art 5(1)(g): "this prohibition does not cover any labelling or filtering of lawfully acquired biometric datasets"', () => {
    const r = triage({ art5_1_g: true, art5_1_g_exception: true });
    expect(r.tier).toBe('minimal');
    expect(r.grounds).toContain(EXTRA_GROUNDS.art5_1_gException);
  });

  it('Art 5(1)(h): "unless and in so far as such use is strictly necessary for one of the following objectives"', () => {
    expect(text('art5_1_h_exception')).toMatch(/strictly necessary/);
    expect(text('art5_1_h_exception')).toMatch(/Art 5\(2\)–\(7\)/);
    const r = triage({ art5_1_h: true, art5_1_h_exception: true, annexIII_1_a: true });
    expect(r.tier).toBe('high');
  });

  it('an exception is only asked after a "yes" to the practice it qualifies', () => {
    expect(isAsked('art5_1_d_exception', {})).toBe(false);
    expect(isAsked('art5_1_d_exception', { art5_1_d: true })).toBe(true);
    // An answer left over from an earlier "yes" does not count once the practice is "no".
    expect(triage({ art5_1_d: false, art5_1_d_exception: true }).exceptions).toEqual([]);
  });

  it('Digital Omnibus (as reported): new Art 5 prohibition of non-consensual intimate imagery and CSAM, with its status pending', () => {
    const r = triage({ ...inEu, art5_omnibus_intimateImagery: true });
    expect(r.tier).toBe('prohibited');
    expect(r.grounds).toEqual(['Art 5(1) (Digital Omnibus)']);
    expect(r.notes).toContain('pendingProhibition');
    expect(r.obligations).toContain('prohibitionIntimateImagery');
  });
});

describe('Annex III and Art 6 keep every deciding condition', () => {
  it.each([
    ['annexIII_5_a', /by or on behalf of public authorities/],
    ['annexIII_5_a', /essential public assistance benefits and services/],
    ['annexIII_6_a', /law enforcement authorities/],
    ['annexIII_7_a', /competent public authorities/],
    ['annexIII_7_c', /to assist competent public authorities/],
    ['annexIII_4_b', /based on individual behaviour or personal traits or characteristics/],
    ['annexIII_1_a', /permitted under relevant Union or national law/],
    ['annexIII_6_e', /permitted under relevant Union or national law/],
    ['annexIII_7_d', /permitted under relevant Union or national law/],
    ['annexIII_1_a', /sole purpose is to confirm/],
    ['annexIII_8_b', /directly exposed/],
    // Art 6(3)(c): "deviations from prior decision-making patterns and is not meant to replace or influence
    // the previously completed human assessment, without proper human review"
    ['art6_3_c', /prior decision-making patterns/],
    ['art6_3_c', /previously completed human assessment without proper human review/],
    ['art6_1', /third-party conformity assessment/],
  ])('%s says %s', (id, pattern) => {
    expect(text(id)).toMatch(pattern);
  });

  it('Art 6(1) with Annex I, Art 6(2) with the Annex III point: every provision the tier rests on', () => {
    expect(triage({ ...inEu, art6_1: true, annexIII_4_a: true }).grounds).toEqual([
      'Art 6(1)',
      'Annex I',
      'Art 6(2)',
      'Annex III 4(a)',
    ]);
  });

  it('Art 6(3): the refused derogation is a ground ("Art 6(3) not available: profiling")', () => {
    const r = triage({
      ...inEu,
      annexIII_4_b: true,
      art6_3_profiling: true,
      art6_3_noSignificantRisk: true,
      art6_3_a: true,
    });
    expect(r.tier).toBe('high');
    expect(r.grounds).toContain('Art 6(3) not available: profiling');
  });

  it('Art 27(1) and Art 86(1) exclude Annex III point 2: no FRIA or explanation note for critical infrastructure alone', () => {
    expect(triage({ ...inEu, annexIII_2: true }).notes).not.toContain('fundamentalRightsAssessment');
    expect(triage({ ...inEu, annexIII_5_a: true }).notes).toEqual(
      expect.arrayContaining(['fundamentalRightsAssessment', 'explanationRight']),
    );
  });
});

describe('Art 50 exceptions the Act makes', () => {
  it('Art 50(1): "unless this is obvious from the point of view of a natural person who is reasonably well-informed, observant and circumspect"', () => {
    const r = triage({ ...inEu, art50_1: true, art50_1_obvious: true });
    expect(r.tier).toBe('minimal');
    expect(r.exceptions).toEqual([EXTRA_GROUNDS.art50_1Obvious]);
  });

  it('Art 50(1): "shall not apply to AI systems authorised by law to detect, prevent, investigate or prosecute criminal offences"', () => {
    expect(triage({ ...inEu, art50_1: true, art50_1_lawEnforcement: true }).tier).toBe('minimal');
    expect(text('art50_1_lawEnforcement')).toMatch(
      /not available for the public to report a criminal offence/,
    );
  });

  it('Art 50(2): machine translation for staff — "assistive function for standard editing or do not substantially alter the input data"', () => {
    const r = triage({ ...inEu, art50_2: true, art50_2_assistive: true });
    expect(r.tier).toBe('minimal');
    expect(r.grounds).toEqual([EXTRA_GROUNDS.art50_2Assistive]);
  });

  it('Art 50(4): text reviewed by an editor — "has undergone a process of human review or editorial control and where a natural or legal person holds editorial responsibility"', () => {
    const r = triage({ ...inEu, art50_4_text: true, art50_4_editorial: true });
    expect(r.tier).toBe('minimal');
    expect(triage({ ...inEu, art50_4_text: true }).grounds).toEqual(['Art 50(4)']);
  });

  it('Art 50(4): the editorial exception is for text, not deep fakes', () => {
    expect(triage({ ...inEu, art50_4: true, art50_4_editorial: true }).tier).toBe('limited');
  });
});

describe('general-purpose AI', () => {
  it('Art 3(66): a system "based on a general-purpose AI model" is not the model (Art 3(63)); documentation flows from the model provider (Art 53(1)(b))', () => {
    const r = triage({ ...inEu, gpai: true });
    expect(r.steps.find((s) => s.step === 'gpai')?.grounds).toEqual(['Art 3(66)']);
    expect(r.notes).toContain('gpaiDocumentation');
    expect(r.obligations).not.toContain('gpaiModels');
    const model = triage({ ...inEu, gpai: true, gpai_modelProvider: true });
    expect(model.steps.find((s) => s.step === 'gpai')?.grounds).toEqual(['Art 3(63)']);
    expect(model.notes).toContain('gpaiModelProvider');
    expect(model.obligations).toContain('gpaiModels');
    expect(model.providerObligations).toBe(true);
  });

  it('Art 25: modifying or fine-tuning can make us a provider; Art 51: systemic risk', () => {
    const r = triage({ ...inEu, gpai: true, gpai_modifies: true, gpai_systemicRisk: true });
    expect(r.notes).toEqual(expect.arrayContaining(['providerByModification', 'gpaiSystemicRisk']));
    // Art 25(1)(c): changing the intended purpose so that the system becomes high-risk.
    expect(triage({ ...inEu, art25_1: true, annexIII_4_a: true }).providerObligations).toBe(true);
    expect(triage({ ...inEu, art25_1: true }).providerObligations).toBe(false);
  });
});

describe('application dates as data (Art 113; Digital Omnibus as reported)', () => {
  const today = '2026-12-03';
  it('Art 113(a): Art 4 and Art 5 from 2 February 2025; Art 50 from 2 August 2026; per system, today or from when', () => {
    const r = triage({ ...inEu, art50_1: true });
    const o = applicableObligations(r.obligations, DEFAULT_AI_ACT_TIMELINE, today);
    expect(o.map((x) => [x.obligation, x.appliesFrom, x.appliesToday])).toEqual([
      ['aiLiteracy', '2025-02-02', true],
      ['transparency', '2026-08-02', true],
    ]);
  });

  it('Annex III high risk: 2 August 2026 binding, 2 December 2027 pending until the Omnibus has an OJ reference', () => {
    const [annexIII] = applicableObligations(['highRiskAnnexIII'], DEFAULT_AI_ACT_TIMELINE, today);
    expect(annexIII?.binding?.appliesFrom).toBe('2026-08-02');
    expect(annexIII?.pending.map((e) => [e.appliesFrom, e.status, e.ojReference])).toEqual([
      ['2027-12-02', 'adopted', null],
    ]);
    const [annexI] = applicableObligations(['highRiskAnnexI'], DEFAULT_AI_ACT_TIMELINE, today);
    expect(annexI?.appliesFrom).toBe('2027-08-02');
    expect(annexI?.pending[0]?.appliesFrom).toBe('2028-08-02');
  });

  it('an officer records the OJ reference in GovernanceSettings: the amended date becomes binding, no code change', () => {
    const edited: TimelineEntry[] = DEFAULT_AI_ACT_TIMELINE.map((e) =>
      e.id === 'omnibus.highRiskAnnexIII'
        ? { ...e, status: 'publishedOJ', ojReference: 'OJ L, 2026/XXXX', recordedOn: '2026-12-02' }
        : e,
    );
    const stored = settingValues('aiActTimeline', edited);
    expect(checkSettingValue('aiActTimeline', String(stored.value))).toEqual({ ok: true });
    const [o] = applicableObligations(['highRiskAnnexIII'], aiActTimelineFrom(stored), today);
    expect(o).toMatchObject({ appliesFrom: '2027-12-02', appliesToday: false });
  });

  it('refuses a binding entry without its Official Journal reference, and falls back to the built-in timeline on junk', () => {
    const bad = DEFAULT_AI_ACT_TIMELINE.map((e) => ({ ...e, status: 'publishedOJ', ojReference: null }));
    expect(parseAiActTimeline(bad).ok).toBe(false);
    expect(checkSettingValue('aiActTimeline', '{oops').ok).toBe(false);
    expect(aiActTimelineFrom({ Title: 'aiActTimeline', value: '[]' })).toBe(DEFAULT_AI_ACT_TIMELINE);
  });

  it('states the law it applied', () => {
    expect(triage({}).law).toMatchObject({ regulation: 'Regulation (EU) 2024/1689', asOf: '2026-12-01' });
  });
});

describe('verification integrity', () => {
  const officer: Actor = { email: 'ines.moreau@example.org', roles: ['officer'], missions: [] };
  const now = '2026-12-03T10:00:00Z';
  const triaged: RecordValues = {
    ...validSystem,
    verificationStatus: 'Submitted',
    triageAnswers: '{"scope_union":true,"art50_1":true}',
    riskTier: 'Limited',
  };
  const independent = { submittedBy: 'omar.haddad@example.org', allowSingleOfficer: false };
  const verify = (values: RecordValues, who: Actor = officer, independence = independent) =>
    decide({ id: '9', values }, 'submitted', 'verified', who, { now, independence });

  it('verifies a triaged, consistent, independent submission', () => {
    expect(verify(triaged).ok).toBe(true);
  });

  it('separation of duties: refuses an officer who is custodian or business owner ("ownSystem")', () => {
    expect(verify({ ...triaged, businessOwner: officer.email })).toEqual({ ok: false, reason: 'ownSystem' });
    expect(verify({ ...triaged, custodian: 'INES.MOREAU@example.org' })).toEqual({
      ok: false,
      reason: 'ownSystem',
    });
  });

  it('separation of duties: refuses the officer who submitted it, unless the unit allows a single officer explicitly', () => {
    const own = { submittedBy: officer.email, allowSingleOfficer: false };
    expect(verify(triaged, officer, own)).toEqual({ ok: false, reason: 'ownSubmission' });
    expect(verify(triaged, officer, { ...own, allowSingleOfficer: true }).ok).toBe(true);
    expect(verificationPolicyFrom(undefined).allowSingleOfficer).toBe(false);
    expect(verificationPolicyFrom({ value: '{"allowSingleOfficer":true}' }).allowSingleOfficer).toBe(true);
  });

  it('a verify without the independence facts is refused (no caller can skip it)', () => {
    expect(transition('submitted', 'verify', officer, { record: triaged, now }).ok).toBe(false);
  });

  it('refuses no triage answers, a tier contradicting them, and an empty human oversight for high risk', () => {
    expect(verify({ ...triaged, triageAnswers: '' })).toEqual({ ok: false, reason: 'noTriageAnswers' });
    expect(verify({ ...triaged, riskTier: 'Minimal' })).toEqual({
      ok: false,
      reason: 'tierContradictsAnswers',
    });
    // Annex III 4(a) with no derogation is high; humanOversight is required when riskTier is High.
    const high = { ...triaged, riskTier: 'High', triageAnswers: '{"scope_union":true,"annexIII_4_a":true}' };
    expect(verify(high)).toEqual({ ok: false, reason: 'requiredForTier' });
    expect(verificationBlocker(high)).toEqual({ reason: 'requiredForTier', fields: ['humanOversight'] });
    expect(verify({ ...high, humanOversight: 'The recruiter reviews every ranking.' }).ok).toBe(true);
  });

  it('revokes a verification with a reason; the system shows changes requested', () => {
    const none = decide({ id: '9', values: triaged }, 'verified', 'revoked', officer, {
      now,
      independence: independent,
    });
    expect(none).toEqual({ ok: false, reason: 'commentRequired' });
    const r = decide({ id: '9', values: triaged }, 'verified', 'revoked', officer, {
      now,
      comment: 'Tier was wrong: it ranks candidates',
      independence: independent,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry.decision).toBe('revoked');
    expect(r.mirror).toMatchObject({ verificationStatus: 'Changes requested', verifiedBy: null });
    const after = { ...triaged, ...r.mirror };
    expect(deriveVerification(after, { ...r.entry, id: '1' }).state).toBe('changesRequested');
  });

  it('keeps the submitter’s comment on submit, and shows it in the history', () => {
    const r = transition(
      'draft',
      'submit',
      { email: 'omar.haddad@example.org', roles: ['custodian'], missions: [] },
      {
        record: validSystem,
        comment: 'Vendor confirmed no profiling',
        now,
      },
    );
    expect(r.ok && r.values.submissionComment).toBe('Vendor confirmed no profiling');
    const history = verificationHistory(
      [],
      [
        {
          modifiedAt: now,
          modifiedBy: 'omar.haddad@example.org',
          changedFields: ['verificationStatus'],
          values: { verificationStatus: 'Submitted', submissionComment: 'Vendor confirmed no profiling' },
        },
      ],
    );
    expect(history[0]).toMatchObject({ action: 'submit', comment: 'Vendor confirmed no profiling' });
  });

  it('bulk "Verify N systems" leaves out prohibited systems and refused ones, each with its reason', () => {
    const plan = planBulkVerification(
      [
        { id: '1', values: triaged, state: 'submitted', submittedBy: 'omar.haddad@example.org' },
        {
          id: '2',
          values: { ...triaged, riskTier: 'Prohibited', triageAnswers: '{"art5_1_c":true}' },
          state: 'submitted',
          submittedBy: 'omar.haddad@example.org',
        },
        { id: '3', values: triaged, state: 'submitted', submittedBy: officer.email },
      ],
      officer,
      { now, allowSingleOfficer: false },
    );
    expect(plan.decisions.map((d) => d.systemId)).toEqual(['1']);
    expect(plan.excluded).toEqual([
      { systemId: '2', reason: 'prohibitedTier' },
      { systemId: '3', reason: 'ownSubmission' },
    ]);
  });

  it('the submitter is the acting person the write service stamps, else the last editor', () => {
    expect(submitterOf({ values: { lastEditedBy: 'A@x.org' }, modifiedBy: 'app@x.org' })).toBe('a@x.org');
    expect(submitterOf({ values: {}, modifiedBy: 'B@x.org' })).toBe('b@x.org');
    expect(submitterOf({ values: {} })).toBeNull();
  });

  it('the fingerprint covers the new material fields; decisions recorded before keep their legacy fingerprint', () => {
    const fp = materialFingerprint(triaged);
    expect(fp).toMatch(/^v2:[0-9a-f]{8}$/);
    expect(fingerprintMatches(fp, { ...triaged, riskTier: 'High' })).toBe(false);
    expect(fingerprintMatches(fp, { ...triaged, lastReviewed: '2026-01-01' })).toBe(true);
    const legacy: VerificationEntry = {
      systemId: '9',
      decision: 'verified',
      tier: 'Limited',
      comment: null,
      decidedBy: officer.email,
      decidedAt: now,
      // FNV-1a of the three legacy fields, as stored by earlier versions.
      fingerprint: 'legacy',
      reviewBatch: null,
    };
    expect(fingerprintMatches(legacy.fingerprint, triaged)).toBe(false);
  });
});
