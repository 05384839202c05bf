// Placeholder until the domain's triage lands: the tier and grounds the AI Act's steps give.
import { TRIAGE_QUESTIONS } from '../../domain/ai-act/questions';
import type { TriageQuestionId } from '../../domain/ai-act/questions';
import { ALL_GROUNDS } from '../../domain/ai-act/questions';

export interface SeedTriage {
  readonly tier: 'Prohibited' | 'High' | 'Limited' | 'Minimal';
  readonly articles: readonly string[];
  readonly gpai: boolean;
}

export function triageOf(answers: Readonly<Record<TriageQuestionId, boolean>>): SeedTriage {
  const yes = TRIAGE_QUESTIONS.filter((q) => answers[q.id]);
  const step = (s: string) => yes.filter((q) => q.step === s);
  const grounds = (qs: readonly { ref: string }[]) =>
    qs.map((q) => q.ref).filter((r) => ALL_GROUNDS.includes(r));
  const gpai = answers.gpai === true;
  if (step('A').length > 0) return { tier: 'Prohibited', articles: grounds(step('A')), gpai };
  if (step('B').length > 0) return { tier: 'High', articles: grounds(step('B')), gpai };
  const derogation =
    answers.art6_3_noSignificantRisk === true &&
    answers.art6_3_profiling !== true &&
    [answers.art6_3_a, answers.art6_3_b, answers.art6_3_c, answers.art6_3_d].includes(true);
  if (step('C').length > 0 && !derogation) return { tier: 'High', articles: grounds(step('C')), gpai };
  if (step('E').length > 0) return { tier: 'Limited', articles: grounds(step('E')), gpai };
  return { tier: 'Minimal', articles: [], gpai };
}
