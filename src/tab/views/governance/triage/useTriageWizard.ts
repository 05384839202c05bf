// The triage wizard's state: answers, the page, and the live proposal from the domain's triage(). No JSX.
import { useMemo, useState } from 'react';
import { TRIAGE_QUESTIONS, triage } from '../../../../domain/ai-act';
import type { TriageAnswers, TriageQuestionId, TriageResult, TriageStep } from '../../../../domain/ai-act';

export type WizardPage = TriageStep | 'result';
const ORDER: readonly WizardPage[] = ['A', 'B', 'C', 'D', 'E', 'gpai', 'result'];

/** The pages that apply to these answers: D only for an Annex III system; after a prohibited practice, the result. */
export const pagesFor = (answers: TriageAnswers): readonly WizardPage[] => {
  const yes = (step: TriageStep) => TRIAGE_QUESTIONS.some((q) => q.step === step && answers[q.id] === true);
  if (yes('A')) return ['A', 'gpai', 'result'];
  return ORDER.filter((p) => p !== 'D' || yes('C'));
};

export const useTriageWizard = (initial: TriageAnswers) => {
  const [answers, setAnswers] = useState<TriageAnswers>(initial);
  const [page, setPage] = useState<WizardPage>('A');
  const pages = pagesFor(answers);
  const index = Math.max(0, pages.indexOf(page));
  const result: TriageResult = useMemo(() => triage(answers), [answers]);
  const questions = TRIAGE_QUESTIONS.filter((q) => q.step === page);
  return {
    answers,
    page,
    pages,
    index,
    questions,
    result,
    answer: (id: TriageQuestionId, value: boolean) => setAnswers((a) => ({ ...a, [id]: value })),
    next: () => setPage(pages[Math.min(index + 1, pages.length - 1)] ?? 'result'),
    back: () => setPage(pages[Math.max(index - 1, 0)] ?? 'A'),
    goTo: setPage,
  };
};
