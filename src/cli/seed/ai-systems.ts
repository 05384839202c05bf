// AI registry demo records: archetypes placed in missions, with triage answers, the tier the triage
// gives, and a spread of verification states.
import { serializeTriageAnswers } from '../../domain/ai-act';
import { TRIAGE_QUESTION_IDS } from '../../domain/ai-act/questions';
import type { TriageQuestionId } from '../../domain/ai-act/questions';
import type { Mission } from '../../domain/reference';
import { AI_REGISTRY, VERIFICATION_CHOICE } from '../../domain/registers';
import type { FieldValue } from '../../domain/schema/types';
import { AI_TEMPLATES } from './ai-templates';
import { addDays } from '../../domain/time';
import { defaultReviewCycle } from '../../domain/schema/conditions';
import { healthIntents, reviewedOn } from './health-mix';
import type { DemoPerson } from './people';
import type { Rng } from './prng';
import type { SeedRecord } from './seed-record';
import { triageOf } from './triage';

export interface AiSystemsOptions {
  readonly rng: Rng;
  readonly today: string;
  readonly missions: readonly Mission[];
  readonly people: readonly DemoPerson[];
  /** Inventory records, to link systems to the data assets they use. */
  readonly assets: readonly SeedRecord[];
  readonly count?: number;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Every question answered, yes for the template's list (the shape stored in triageAnswers). */
export function triageAnswers(yes: readonly TriageQuestionId[]): Record<TriageQuestionId, boolean> {
  return Object.fromEntries(TRIAGE_QUESTION_IDS.map((id) => [id, yes.includes(id)])) as Record<
    TriageQuestionId,
    boolean
  >;
}

export function generateAiSystems(options: AiSystemsOptions): SeedRecord[] {
  const { rng, today, missions, people, assets } = options;
  const count = options.count ?? 48;
  const officers = people.filter((p) => p.persona === 'officer');
  const hq = missions.filter((m) => m.kind === 'headquarters');
  const field = missions.filter((m) => m.kind !== 'headquarters');
  const intents = healthIntents(rng, count);
  const used = new Set<string>();

  return Array.from({ length: count }, (_, index): SeedRecord => {
    // Cycle through the archetypes so each appears, then vary the mission.
    const template = AI_TEMPLATES[index % AI_TEMPLATES.length] as (typeof AI_TEMPLATES)[number];
    const pool = template.hq ? (hq.length > 0 ? hq : missions) : field.length > 0 ? field : missions;
    let mission = rng.pick(pool);
    for (let tries = 0; used.has(`${template.name}|${mission.id}`) && tries < 20; tries++)
      mission = rng.pick(pool);
    used.add(`${template.name}|${mission.id}`);

    const intent = intents[index] ?? 'healthy';
    const staff = people.filter((p) => p.missionId === mission.id);
    const custodian = rng.pick(staff.filter((p) => p.persona === 'custodian' || p.persona === 'focalPoint'));
    const owner = rng.pick(staff.filter((p) => p.persona === 'owner' || p.persona === 'officer'));
    const officer = rng.pick(officers);
    const triage = triageOf(triageAnswers(template.yes));

    // Verification: most are verified; some wait for an officer; a few were sent back.
    const roll = rng.next();
    const verification =
      roll < 0.5
        ? VERIFICATION_CHOICE.verified
        : roll < 0.75
          ? VERIFICATION_CHOICE.submitted
          : roll < 0.9
            ? VERIFICATION_CHOICE.draft
            : VERIFICATION_CHOICE.changesRequested;
    const verified = verification === VERIFICATION_CHOICE.verified;

    const linked = rng.sample(
      assets.filter(
        (a) => a.values.mission === mission.id && template.domains.includes(a.values.domain as never),
      ),
      rng.int(1, 3),
    );

    const values: Record<string, FieldValue> = {
      Title: `${template.name} – ${mission.name.en}`,
      purpose: template.purpose,
      provider: template.provider,
      deploymentStatus: rng.pick(template.statuses),
      mission: mission.id,
      region: mission.region,
      custodian: intent === 'noCustodian' ? null : (custodian ?? rng.pick(people)).email,
      businessOwner: (owner ?? rng.pick(officers)).email,
      aiActRole: template.role,
      triageAnswers: serializeTriageAnswers(triageAnswers(template.yes)),
      riskTier: triage.tier,
      gpai: triage.gpai,
      articles: [...triage.articles],
      verificationStatus: verification,
      verifiedBy: verified ? officer.email : null,
      verifiedOn: verified ? addDays(today, -rng.int(5, 200)) : null,
      verificationComment:
        verification === VERIFICATION_CHOICE.changesRequested
          ? 'Please attach the DPIA and describe who can override the output.'
          : null,
      humanOversight: template.humanOversight ?? null,
      documentation: [
        `https://contoso.sharepoint.com/sites/governance/AI/${slug(template.name)}/DPIA.pdf`,
        ...(triage.tier === 'High'
          ? [`https://contoso.sharepoint.com/sites/governance/AI/${slug(template.name)}/FRIA.pdf`]
          : []),
      ],
    };
    const cycle = defaultReviewCycle(AI_REGISTRY, values);
    values.reviewCycle = cycle;
    values.lastReviewed = reviewedOn(rng, { today, cycle, stale: intent === 'stale' });
    values.lastReviewedBy = values.custodian ?? null;

    if (intent === 'incomplete') {
      // Purpose or provider left blank, or (for high-risk systems) the human-oversight answer.
      const gaps = ['purpose', 'provider', ...(triage.tier === 'High' ? ['humanOversight'] : [])];
      values[rng.pick(gaps)] = null;
    }
    return {
      key: `ai-${String(index + 1).padStart(3, '0')}`,
      register: 'aiRegistry',
      intent,
      values,
      links: { dataAssets: linked.map((a) => a.key) },
    };
  });
}
