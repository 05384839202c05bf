// The tier, grounds and GPAI flag the domain's EU AI Act triage gives a set of answers, as the AI
// registry stores them (choice values, not tier ids).
import { ALL_GROUNDS } from '../../domain/ai-act/questions';
import { triage } from '../../domain/ai-act';
import type { TriageAnswers } from '../../domain/ai-act';
import { RISK_TIER_CHOICE } from '../../domain/registers';

export interface SeedTriage {
  readonly tier: (typeof RISK_TIER_CHOICE)[keyof typeof RISK_TIER_CHOICE];
  readonly articles: readonly string[];
  readonly gpai: boolean;
}

export function triageOf(answers: TriageAnswers): SeedTriage {
  const result = triage(answers);
  return {
    tier: RISK_TIER_CHOICE[result.tier],
    // Only citations the articles column offers as choices.
    articles: result.grounds.filter((g) => ALL_GROUNDS.includes(g)),
    gpai: result.gpai,
  };
}
