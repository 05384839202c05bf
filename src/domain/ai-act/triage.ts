// EU AI Act triage: scope (Art 2), then governance-domain.md §3 steps A to F in order, then GPAI and our
// role. Pure: answers in, result out. An unanswered question counts as "no" but is listed in
// `unanswered`, so the UI can ask for it. Follow-up questions (exceptions) count only when asked.
import { z } from 'zod';
import { EXTRA_GROUNDS, TRIAGE_QUESTIONS, TRIAGE_QUESTION_IDS, isAsked } from './questions';
import type { TriageQuestionId } from './questions';
import type { ObligationId } from './timeline';

export const RISK_TIERS = ['prohibited', 'high', 'limited', 'minimal'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export type TriageAnswers = Readonly<Partial<Record<TriageQuestionId, boolean>>>;

/** The law the questionnaire applies (shown with every result, kept with the record's answers). */
export const AI_ACT_LAW = {
  regulation: 'Regulation (EU) 2024/1689',
  publishedOn: '2024-07-12',
  /** The day the questions were last checked against the Act's text and its recorded amendments. */
  asOf: '2026-12-01',
  amendments: ['Digital Omnibus on AI: new Art 5 prohibition (as reported; status in the timeline)'],
} as const;

export type ScopeReason =
  | 'noUnionLink' // Art 2(1): neither placed on the market / put into service / used in the EU nor output used there
  | 'military' // Art 2(3)
  | 'lawEnforcementCooperation' // Art 2(4)
  | 'research' // Art 2(6)
  | 'preMarket' // Art 2(8)
  | 'personal'; // Art 2(10)

export interface TriageScope {
  /** undetermined: no exclusion applies and the Union link is not answered; treated as in scope. */
  readonly outcome: 'inScope' | 'outsideScope' | 'undetermined';
  readonly reason: ScopeReason | null;
  readonly grounds: readonly string[];
}

export interface TriageStepResult {
  readonly step: 'scope' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'gpai';
  /**
   * scope: inScope | outsideScope | undetermined. A: prohibited | clear. B: high | clear. C: annexIII |
   * clear. D: derogation | excludedProfiling | notMet | notApplicable. E: limited | clear. F: minimal |
   * notApplicable. gpai: involved | notInvolved. Any step after a prohibited practice: skipped.
   */
  readonly outcome: string;
  /** Citations this step contributes (including refused derogations). */
  readonly grounds: readonly string[];
  /** Exceptions the Act makes that this system meets, cited. */
  readonly exceptions: readonly string[];
}

export interface TriageGpai {
  /** The system is built on a general-purpose AI model (a GPAI system, Art 3(66), or another system). */
  readonly involved: boolean;
  /** We develop and place on the market the model itself (Art 3(63)): Art 53 obligations are ours. */
  readonly modelProvider: boolean;
  /** We modify or fine-tune the model (Art 25; recital 109: obligations limited to the modification). */
  readonly modifies: boolean;
  readonly systemicRisk: boolean;
}

export interface TriageResult {
  readonly scope: TriageScope;
  /** The tier the system has (or would have, when outside scope). */
  readonly tier: RiskTier;
  readonly gpai: boolean;
  readonly gpaiDetails: TriageGpai;
  /** Citations the tier rests on, in questionnaire order, including refusals and exceptions. */
  readonly grounds: readonly string[];
  /** The exceptions the Act makes that the system meets (also in grounds). */
  readonly exceptions: readonly string[];
  readonly steps: readonly TriageStepResult[];
  /** Questions that mattered for this result but have no answer (treated as "no"). */
  readonly unanswered: readonly TriageQuestionId[];
  readonly notes: readonly TriageNote[];
  /** We act as a provider (Art 25(1) or as the GPAI model's provider) whatever the registry says. */
  readonly providerObligations: boolean;
  /** The groups of obligations that attach to the system (their dates come from the timeline). */
  readonly obligations: readonly ObligationId[];
  readonly law: typeof AI_ACT_LAW;
}

export type TriageNote =
  | 'outsideScope' // Art 2: the Act does not apply; the tier is what it would be
  | 'privilegesAndImmunities' // the organisation's status; EU partners and vendors stay bound
  | 'documentDerogation' // Art 6(4): a provider relying on Art 6(3) documents the assessment
  | 'deployerDuties' // Art 26, 27, 86 for high-risk systems
  | 'fundamentalRightsAssessment' // Art 27(1) scope
  | 'explanationRight' // Art 86
  | 'aiLiteracy' // Art 4, every provider and deployer
  | 'voluntaryCodes' // Art 95, minimal risk
  | 'gpaiDocumentation' // Art 53(1)(b): the model's provider documents for downstream providers
  | 'gpaiModelProvider' // Art 53, 54: we provide the model
  | 'gpaiSystemicRisk' // Art 51, 55
  | 'providerByModification' // Art 25(1), recital 109
  | 'pendingProhibition'; // the Digital Omnibus prohibition: check its legal status

const ofStep = (step: string): readonly (typeof TRIAGE_QUESTIONS)[number][] =>
  TRIAGE_QUESTIONS.filter((q) => q.step === step);

const refOf = (id: TriageQuestionId): string => TRIAGE_QUESTIONS.find((q) => q.id === id)?.ref ?? id;

const DEROGATION_LETTERS: readonly TriageQuestionId[] = ['art6_3_a', 'art6_3_b', 'art6_3_c', 'art6_3_d'];

/** Art 5(1) letters, each with the question that carves it out and the citation of the carve-out. */
const ART5: readonly {
  readonly id: TriageQuestionId;
  readonly exception?: TriageQuestionId;
  readonly exceptionGround?: string;
}[] = [
  { id: 'art5_1_a' },
  { id: 'art5_1_b' },
  { id: 'art5_1_c' },
  { id: 'art5_1_d', exception: 'art5_1_d_exception', exceptionGround: EXTRA_GROUNDS.art5_1_dCarveOut },
  { id: 'art5_1_e' },
  { id: 'art5_1_f', exception: 'art5_1_f_exception', exceptionGround: EXTRA_GROUNDS.art5_1_fException },
  { id: 'art5_1_g', exception: 'art5_1_g_exception', exceptionGround: EXTRA_GROUNDS.art5_1_gException },
  { id: 'art5_1_h', exception: 'art5_1_h_exception', exceptionGround: EXTRA_GROUNDS.art5_1_hException },
  { id: 'art5_omnibus_intimateImagery' },
];

/** Art 50 duties, each with the exceptions the Act makes to it. */
const ART50: readonly {
  readonly id: TriageQuestionId;
  readonly ground: string;
  readonly exceptions: readonly { readonly id: TriageQuestionId; readonly ground: string }[];
}[] = [
  {
    id: 'art50_1',
    ground: 'Art 50(1)',
    exceptions: [
      { id: 'art50_1_obvious', ground: EXTRA_GROUNDS.art50_1Obvious },
      { id: 'art50_1_lawEnforcement', ground: EXTRA_GROUNDS.art50_1LawEnforcement },
    ],
  },
  {
    id: 'art50_2',
    ground: 'Art 50(2)',
    exceptions: [
      { id: 'art50_2_assistive', ground: EXTRA_GROUNDS.art50_2Assistive },
      { id: 'art50_2_lawEnforcement', ground: EXTRA_GROUNDS.art50_2LawEnforcement },
    ],
  },
  {
    id: 'art50_3',
    ground: 'Art 50(3)',
    exceptions: [{ id: 'art50_3_lawEnforcement', ground: EXTRA_GROUNDS.art50_3LawEnforcement }],
  },
  {
    id: 'art50_4',
    ground: 'Art 50(4)',
    exceptions: [{ id: 'art50_4_lawEnforcement', ground: EXTRA_GROUNDS.art50_4LawEnforcement }],
  },
  {
    id: 'art50_4_text',
    ground: 'Art 50(4)',
    exceptions: [
      { id: 'art50_4_editorial', ground: EXTRA_GROUNDS.art50_4Editorial },
      { id: 'art50_4_lawEnforcement', ground: EXTRA_GROUNDS.art50_4LawEnforcement },
    ],
  },
];

const SCOPE_EXCLUSIONS: readonly { readonly id: TriageQuestionId; readonly reason: ScopeReason }[] = [
  { id: 'scope_military', reason: 'military' },
  { id: 'scope_lawEnforcementCooperation', reason: 'lawEnforcementCooperation' },
  { id: 'scope_research', reason: 'research' },
  { id: 'scope_preMarket', reason: 'preMarket' },
  { id: 'scope_personal', reason: 'personal' },
];

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

export const triage = (answers: TriageAnswers): TriageResult => {
  const asked = new Set<TriageQuestionId>();
  /** A "yes" to a question that is asked (a follow-up whose parent is not "yes" is never asked). */
  const yes = (id: TriageQuestionId): boolean => {
    if (!isAsked(id, answers)) return false;
    asked.add(id);
    return answers[id] === true;
  };
  const unanswered = () =>
    TRIAGE_QUESTION_IDS.filter((id) => asked.has(id) && typeof answers[id] !== 'boolean');
  const steps: TriageStepResult[] = [];
  const notes: TriageNote[] = [];
  const exceptions: string[] = [];

  // Scope, Art 2: exclusions first, then the link with the Union.
  const excluded = SCOPE_EXCLUSIONS.find((x) => yes(x.id));
  const union = yes('scope_union');
  const output = yes('scope_output');
  const linkUnknown =
    !union && !output && (answers.scope_union === undefined || answers.scope_output === undefined);
  const scope: TriageScope = excluded
    ? { outcome: 'outsideScope', reason: excluded.reason, grounds: [refOf(excluded.id)] }
    : union || output
      ? {
          outcome: 'inScope',
          reason: null,
          grounds: [...(union ? ['Art 2(1)(a), (b)'] : []), ...(output ? ['Art 2(1)(c)'] : [])],
        }
      : linkUnknown
        ? { outcome: 'undetermined', reason: null, grounds: [] }
        : { outcome: 'outsideScope', reason: 'noUnionLink', grounds: ['Art 2(1)'] };
  steps.push({ step: 'scope', outcome: scope.outcome, grounds: scope.grounds, exceptions: [] });
  if (scope.outcome === 'outsideScope') notes.push('outsideScope');
  notes.push('privilegesAndImmunities');

  // GPAI and our role: independent of the tier.
  const gpaiDetails: TriageGpai = {
    involved: yes('gpai'),
    modelProvider: yes('gpai_modelProvider'),
    modifies: yes('gpai_modifies'),
    systemicRisk: yes('gpai_systemicRisk'),
  };
  const gpai = gpaiDetails.involved;
  const gpaiGrounds = gpai
    ? [
        gpaiDetails.modelProvider ? 'Art 3(63)' : 'Art 3(66)',
        ...(gpaiDetails.modifies ? ['Art 25'] : []),
        ...(gpaiDetails.systemicRisk ? ['Art 51'] : []),
      ]
    : [];
  const relabels = yes('art25_1');

  const finish = (
    tier: RiskTier,
    grounds: readonly string[],
    obligations: readonly ObligationId[],
  ): TriageResult => {
    steps.push({
      step: 'gpai',
      outcome: gpai ? 'involved' : 'notInvolved',
      grounds: [...gpaiGrounds, ...(relabels ? ['Art 25(1)'] : [])],
      exceptions: [],
    });
    if (gpai && !gpaiDetails.modelProvider) notes.push('gpaiDocumentation');
    if (gpaiDetails.modelProvider) notes.push('gpaiModelProvider');
    if (gpaiDetails.systemicRisk) notes.push('gpaiSystemicRisk');
    if (gpaiDetails.modifies || (relabels && tier === 'high')) notes.push('providerByModification');
    notes.push('aiLiteracy');
    const obligationsWithGpai = uniq([
      'aiLiteracy',
      ...obligations,
      ...(gpaiDetails.modelProvider ? ['gpaiModels'] : []),
    ]) as ObligationId[];
    return {
      scope,
      tier,
      gpai,
      gpaiDetails,
      grounds: uniq(grounds),
      exceptions: uniq(exceptions),
      steps,
      unanswered: unanswered(),
      notes: uniq(notes) as TriageNote[],
      providerObligations: gpaiDetails.modelProvider || (relabels && tier === 'high'),
      obligations: scope.outcome === 'outsideScope' ? [] : obligationsWithGpai,
      law: AI_ACT_LAW,
    };
  };

  // Step A: a single prohibited practice ends the triage (unless the Act's own carve-out applies).
  const a: string[] = [];
  for (const p of ART5) {
    if (!yes(p.id)) continue;
    if (p.exception && yes(p.exception)) exceptions.push(p.exceptionGround ?? refOf(p.exception));
    else a.push(refOf(p.id));
  }
  const aExceptions = [...exceptions];
  if (a.length > 0) {
    steps.push({ step: 'A', outcome: 'prohibited', grounds: a, exceptions: aExceptions });
    for (const step of ['B', 'C', 'D', 'E', 'F'] as const)
      steps.push({ step, outcome: 'skipped', grounds: [], exceptions: [] });
    const omnibus = a.includes(refOf('art5_omnibus_intimateImagery'));
    if (omnibus) notes.push('pendingProhibition');
    const onlyOmnibus = omnibus && a.length === 1;
    return finish(
      'prohibited',
      [...a, ...aExceptions],
      [
        ...(onlyOmnibus ? [] : (['prohibitions'] as const)),
        ...(omnibus ? (['prohibitionIntimateImagery'] as const) : []),
      ],
    );
  }
  steps.push({ step: 'A', outcome: 'clear', grounds: [], exceptions: aExceptions });

  // Step B: product safety, Art 6(1) with Annex I.
  const b = yes('art6_1');
  const bGrounds = b ? ['Art 6(1)', EXTRA_GROUNDS.annexI] : [];
  steps.push({ step: 'B', outcome: b ? 'high' : 'clear', grounds: bGrounds, exceptions: [] });

  // Step C: Annex III areas, Art 6(2). Asked even when B already made it high, so every ground is listed.
  const c = ofStep('C')
    .filter((q) => yes(q.id))
    .map((q) => q.ref);
  const cGrounds = c.length > 0 ? [EXTRA_GROUNDS.art6_2, ...c] : [];
  steps.push({ step: 'C', outcome: c.length > 0 ? 'annexIII' : 'clear', grounds: cGrounds, exceptions: [] });

  // Step D: the Art 6(3) derogation, only for an Annex III system; "an AI system referred to in Annex III
  // shall always be considered to be high-risk where the AI system performs profiling of natural persons".
  let derogation: string[] = [];
  let dGrounds: string[] = [];
  if (c.length === 0) steps.push({ step: 'D', outcome: 'notApplicable', grounds: [], exceptions: [] });
  else if (yes('art6_3_profiling')) {
    dGrounds = [EXTRA_GROUNDS.art6_3Refused];
    steps.push({ step: 'D', outcome: 'excludedProfiling', grounds: dGrounds, exceptions: [] });
  } else {
    const noSignificantRisk = yes('art6_3_noSignificantRisk');
    const letters = DEROGATION_LETTERS.filter((id) => yes(id));
    if (noSignificantRisk && letters.length > 0) {
      derogation = letters.map(refOf);
      dGrounds = derogation;
      steps.push({ step: 'D', outcome: 'derogation', grounds: derogation, exceptions: [] });
      notes.push('documentDerogation');
    } else steps.push({ step: 'D', outcome: 'notMet', grounds: [], exceptions: [] });
  }
  const annexIIIHigh = c.length > 0 && derogation.length === 0;
  const high = b || annexIIIHigh;

  // Step E: transparency duties apply on top of any tier, unless an exception of Art 50 applies.
  const e: string[] = [];
  const eExceptions: string[] = [];
  for (const duty of ART50) {
    if (!yes(duty.id)) continue;
    const met = duty.exceptions.filter((x) => yes(x.id));
    if (met.length > 0) eExceptions.push(...met.map((x) => x.ground));
    else e.push(duty.ground);
  }
  exceptions.push(...eExceptions);
  steps.push({
    step: 'E',
    outcome: e.length > 0 ? 'limited' : 'clear',
    grounds: uniq(e),
    exceptions: uniq(eExceptions),
  });

  const tier: RiskTier = high ? 'high' : e.length > 0 ? 'limited' : 'minimal';
  // Step F: otherwise minimal (voluntary codes of conduct, Art 95).
  steps.push({
    step: 'F',
    outcome: tier === 'minimal' ? 'minimal' : 'notApplicable',
    grounds: [],
    exceptions: [],
  });

  if (high) notes.push('deployerDuties');
  // Art 27(1) and Art 86(1) concern Annex III systems, "with the exception of" point 2.
  const annexIIIBeyondPoint2 = annexIIIHigh && c.some((ref) => ref !== 'Annex III 2');
  if (annexIIIBeyondPoint2) notes.push('fundamentalRightsAssessment', 'explanationRight');
  if (tier === 'minimal') notes.push('voluntaryCodes');

  const obligations: ObligationId[] = [
    ...(b ? (['highRiskAnnexI'] as const) : []),
    ...(annexIIIHigh ? (['highRiskAnnexIII'] as const) : []),
    ...(e.length > 0 ? (['transparency'] as const) : []),
  ];
  return finish(
    tier,
    [...bGrounds, ...cGrounds, ...dGrounds, ...e, ...aExceptions, ...eExceptions],
    obligations,
  );
};

/** Whether a stored tier contradicts what the recorded answers give (used before verifying). */
export const tierMatchesAnswers = (tier: RiskTier, answers: TriageAnswers): boolean =>
  triage(answers).tier === tier;

const answersSchema = z
  .object(Object.fromEntries(TRIAGE_QUESTION_IDS.map((id) => [id, z.boolean().optional()])))
  .strict();

export type ParseAnswersResult =
  | { readonly ok: true; readonly value: TriageAnswers }
  | { readonly ok: false; readonly reason: 'invalidJson' | 'invalidAnswers' };

/** Reads the triageAnswers note (JSON) of an AI registry item. Never throws; empty means no answers. */
export const parseTriageAnswers = (json: string | null | undefined): ParseAnswersResult => {
  if (json === null || json === undefined || json.trim() === '') return { ok: true, value: {} };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'invalidJson' };
  }
  const r = answersSchema.safeParse(data);
  return r.success ? { ok: true, value: r.data as TriageAnswers } : { ok: false, reason: 'invalidAnswers' };
};

/** The JSON kept in the triageAnswers note, with keys in questionnaire order so diffs stay readable. */
export const serializeTriageAnswers = (answers: TriageAnswers): string =>
  JSON.stringify(
    Object.fromEntries(
      TRIAGE_QUESTION_IDS.filter((id) => typeof answers[id] === 'boolean').map((id) => [id, answers[id]]),
    ),
  );
