// EU AI Act triage, following governance-domain.md §3 steps A to F in order. Pure: answers in, tier out.
// An unanswered question counts as "no" but is listed in `unanswered`, so the UI can ask for it.
import { z } from 'zod';
import { TRIAGE_QUESTIONS, TRIAGE_QUESTION_IDS } from './questions';
import type { TriageQuestionId } from './questions';

export const RISK_TIERS = ['prohibited', 'high', 'limited', 'minimal'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export type TriageAnswers = Readonly<Partial<Record<TriageQuestionId, boolean>>>;

export type TriageStepResult =
  | { readonly step: 'A'; readonly outcome: 'prohibited' | 'clear'; readonly grounds: readonly string[] }
  | {
      readonly step: 'B';
      readonly outcome: 'high' | 'clear' | 'skipped';
      readonly grounds: readonly string[];
    }
  | {
      readonly step: 'C';
      readonly outcome: 'annexIII' | 'clear' | 'skipped';
      readonly grounds: readonly string[];
    }
  | {
      readonly step: 'D';
      /** derogation: Art 6(3) applies; excludedProfiling: never available when profiling; notMet: conditions not met. */
      readonly outcome: 'derogation' | 'excludedProfiling' | 'notMet' | 'notApplicable' | 'skipped';
      readonly grounds: readonly string[];
    }
  | {
      readonly step: 'E';
      readonly outcome: 'limited' | 'clear' | 'skipped';
      readonly grounds: readonly string[];
    }
  | {
      readonly step: 'F';
      readonly outcome: 'minimal' | 'notApplicable' | 'skipped';
      readonly grounds: readonly string[];
    };

export interface TriageResult {
  readonly tier: RiskTier;
  readonly gpai: boolean;
  /** Citations the tier rests on, in questionnaire order (e.g. 'Annex III 4(a)', 'Art 50(1)'). */
  readonly grounds: readonly string[];
  readonly steps: readonly TriageStepResult[];
  /** Questions that mattered for this result but have no answer (treated as "no"). */
  readonly unanswered: readonly TriageQuestionId[];
  /** Follow-up duties worth showing next to the result (documentation of Art 6(3), deployer duties...). */
  readonly notes: readonly TriageNote[];
}

export type TriageNote =
  | 'documentDerogation' // Art 6(4): a provider relying on Art 6(3) documents the assessment
  | 'deployerDuties' // Art 26, 27 for high-risk systems
  | 'aiLiteracy' // Art 4, every deployer
  | 'voluntaryCodes' // Art 95, minimal risk
  | 'gpaiDocumentation'; // Art 51-55: obligations on the model provider; keep its documentation

const ofStep = (step: string): readonly (typeof TRIAGE_QUESTIONS)[number][] =>
  TRIAGE_QUESTIONS.filter((q) => q.step === step);

const DEROGATION_LETTERS: readonly TriageQuestionId[] = ['art6_3_a', 'art6_3_b', 'art6_3_c', 'art6_3_d'];

export const triage = (answers: TriageAnswers): TriageResult => {
  const asked = new Set<TriageQuestionId>();
  const yes = (id: TriageQuestionId): boolean => {
    asked.add(id);
    return answers[id] === true;
  };
  const yesRefs = (step: string): string[] =>
    ofStep(step)
      .filter((q) => yes(q.id))
      .map((q) => q.ref);
  const steps: TriageStepResult[] = [];
  const gpai = yes('gpai');
  const unanswered = () =>
    TRIAGE_QUESTION_IDS.filter((id) => asked.has(id) && typeof answers[id] !== 'boolean');
  const notes: TriageNote[] = [];

  // Step A: a single prohibited practice ends the triage.
  const a = yesRefs('A');
  if (a.length > 0) {
    steps.push({ step: 'A', outcome: 'prohibited', grounds: a });
    for (const step of ['B', 'C', 'D', 'E', 'F'] as const)
      steps.push({ step, outcome: 'skipped', grounds: [] });
    return { tier: 'prohibited', gpai, grounds: a, steps, unanswered: unanswered(), notes };
  }
  steps.push({ step: 'A', outcome: 'clear', grounds: [] });

  // Step B: product safety (Annex I).
  const b = yes('art6_1');
  steps.push({ step: 'B', outcome: b ? 'high' : 'clear', grounds: b ? ['Art 6(1)'] : [] });

  // Step C: Annex III areas. Asked even when B already made it high, so the record lists every ground.
  const c = yesRefs('C');
  steps.push({ step: 'C', outcome: c.length > 0 ? 'annexIII' : 'clear', grounds: c });

  // Step D: the Art 6(3) derogation, only for an Annex III system; never when it profiles people.
  let derogation: string[] = [];
  if (c.length === 0) steps.push({ step: 'D', outcome: 'notApplicable', grounds: [] });
  else if (yes('art6_3_profiling')) steps.push({ step: 'D', outcome: 'excludedProfiling', grounds: [] });
  else {
    const noSignificantRisk = yes('art6_3_noSignificantRisk');
    const letters = DEROGATION_LETTERS.filter((id) => yes(id));
    if (noSignificantRisk && letters.length > 0) {
      derogation = ofStep('D')
        .filter((q) => (letters as readonly string[]).includes(q.id))
        .map((q) => q.ref);
      steps.push({ step: 'D', outcome: 'derogation', grounds: derogation });
      notes.push('documentDerogation');
    } else steps.push({ step: 'D', outcome: 'notMet', grounds: [] });
  }
  const high = b || (c.length > 0 && derogation.length === 0);

  // Step E: transparency duties apply on top of any tier.
  const e = yesRefs('E');
  steps.push({ step: 'E', outcome: e.length > 0 ? 'limited' : 'clear', grounds: e });

  const tier: RiskTier = high ? 'high' : e.length > 0 ? 'limited' : 'minimal';
  // Step F: otherwise minimal.
  steps.push({ step: 'F', outcome: tier === 'minimal' ? 'minimal' : 'notApplicable', grounds: [] });

  if (high) notes.push('deployerDuties');
  if (tier === 'minimal') notes.push('voluntaryCodes');
  notes.push('aiLiteracy');
  if (gpai) notes.push('gpaiDocumentation');

  const grounds = [...(b ? ['Art 6(1)'] : []), ...c, ...derogation, ...e];
  return { tier, gpai, grounds, steps, unanswered: unanswered(), notes };
};

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
