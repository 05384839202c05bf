// The triage wizard's state: answers, the page, and the live proposal from the domain's triage(). No JSX.
import { useMemo, useState } from 'react';
import { TRIAGE_QUESTIONS, isAsked, triage } from '../../../../domain/ai-act';
import type { TriageAnswers, TriageQuestionId, TriageResult, TriageStep } from '../../../../domain/ai-act';

export type WizardPage = TriageStep | 'result';
const ORDER: readonly WizardPage[] = ['scope', 'A', 'B', 'C', 'D', 'E', 'gpai', 'result'];

/**
 * The pages that apply to these answers: scope first (Art 2); D only for an Annex III system; after a
 * prohibited practice (one its carve-out does not lift), the GPAI page and the result.
 */
export const pagesFor = (answers: TriageAnswers): readonly WizardPage[] => {
  if (triage(answers).tier === 'prohibited') return ['scope', 'A', 'gpai', 'result'];
  const yes = (step: TriageStep) =>
    TRIAGE_QUESTIONS.some((q) => q.step === step && isAsked(q.id, answers) && answers[q.id] === true);
  return ORDER.filter((p) => p !== 'D' || yes('C'));
};

export const useTriageWizard = (initial: TriageAnswers) => {
  const [answers, setAnswers] = useState<TriageAnswers>(initial);
  const [page, setPage] = useState<WizardPage>('scope');
  const pages = pagesFor(answers);
  const index = Math.max(0, pages.indexOf(page));
  const result: TriageResult = useMemo(() => triage(answers), [answers]);
  // Exceptions and follow-ups appear under the question they qualify, once it is answered "yes".
  const questions = TRIAGE_QUESTIONS.filter((q) => q.step === page && isAsked(q.id, answers));
  return {
    answers,
    page,
    pages,
    index,
    questions,
    result,
    answer: (id: TriageQuestionId, value: boolean) => setAnswers((a) => ({ ...a, [id]: value })),
    next: () => setPage(pages[Math.min(index + 1, pages.length - 1)] ?? 'result'),
    back: () => setPage(pages[Math.max(index - 1, 0)] ?? 'scope'),
    goTo: setPage,
  };
};
