// Risk register demo records: findings tied to the generated assets and AI systems, scored 5x5.
import type { Mission } from '../../domain/reference';
import { RISK_REGISTER } from '../../domain/registers';
import type { FieldValue } from '../../domain/schema/types';
import { addDays } from '../../domain/time';
import { defaultReviewCycle } from '../../domain/schema/conditions';
import { healthIntents, reviewedOn } from './health-mix';
import type { DemoPerson } from './people';
import type { Rng } from './prng';
import type { SeedRecord } from './seed-record';

type Source = 'Assessment' | 'AI system' | 'Data asset' | 'Audit' | 'Incident';

interface RiskTemplate {
  readonly title: string;
  readonly source: Source;
  readonly description: string;
  readonly actions: string;
  /** Typical inherent likelihood and impact (1-5). */
  readonly likelihood: number;
  readonly impact: number;
}

const r = (t: RiskTemplate): RiskTemplate => t;

const RISK_TEMPLATES: readonly RiskTemplate[] = [
  r({
    title: 'Personal data shared with a partner without a data sharing agreement',
    source: 'Data asset',
    description:
      'Beneficiary lists are sent to an implementing partner by e-mail; no signed agreement sets purpose, security and deletion.',
    actions: 'Sign the standard data sharing agreement; move transfers to a restricted SharePoint folder.',
    likelihood: 4,
    impact: 4,
  }),
  r({
    title: 'Retention period exceeded',
    source: 'Data asset',
    description: 'Records older than the retention period are still held and searchable.',
    actions: 'Run the yearly deletion review; document the records kept for legal hold.',
    likelihood: 3,
    impact: 3,
  }),
  r({
    title: 'Access rights not reviewed after staff turnover',
    source: 'Data asset',
    description: 'Former staff and consultants keep access to the system months after their contracts end.',
    actions: 'Quarterly access review signed by the data owner; link accounts to HR separations.',
    likelihood: 4,
    impact: 3,
  }),
  r({
    title: 'Paper case files stored in an unlocked room',
    source: 'Data asset',
    description:
      'Protection case files are kept in an office shared with visitors, without a locked cabinet.',
    actions: 'Locked cabinets, key log, digitise and destroy closed files.',
    likelihood: 3,
    impact: 5,
  }),
  r({
    title: 'Backups never restored in a test',
    source: 'Data asset',
    description: 'The system is backed up nightly but a restore has never been tested.',
    actions: 'Twice-yearly restore test with a written report.',
    likelihood: 2,
    impact: 4,
  }),
  r({
    title: 'Eligibility score disadvantages female-headed households',
    source: 'AI system',
    description:
      'Post-distribution monitoring suggests female-headed households are under-selected by the scoring model.',
    actions: 'Bias audit by sex of household head; recalibrate; caseworker review of borderline scores.',
    likelihood: 3,
    impact: 5,
  }),
  r({
    title: 'Chatbot gives outdated service information',
    source: 'AI system',
    description: 'Answers rely on a knowledge base that is not updated when services change.',
    actions: 'Weekly content owner review; show the date of the information in each answer.',
    likelihood: 4,
    impact: 3,
  }),
  r({
    title: 'Vendor may use inputs to train its models',
    source: 'AI system',
    description: 'The service terms allow the vendor to use prompts and documents to improve its models.',
    actions:
      'Negotiate the enterprise terms with no training on customer data; block personal data in prompts meanwhile.',
    likelihood: 3,
    impact: 4,
  }),
  r({
    title: 'No human review before automated ranking is used',
    source: 'AI system',
    description: 'Ranked lists produced by the system are used without documented human review.',
    actions: 'Define the review step and record who reviewed each list (Art 14, Art 26).',
    likelihood: 3,
    impact: 4,
  }),
  r({
    title: 'Forecast accuracy drifts after a change in context',
    source: 'AI system',
    description: 'The model was trained before the latest crisis; error has grown and nobody monitors it.',
    actions: 'Monthly accuracy monitoring with a threshold that triggers retraining.',
    likelihood: 3,
    impact: 2,
  }),
  r({
    title: 'No data protection impact assessment for biometric registration',
    source: 'Assessment',
    description: 'Biometric data is processed at scale without a DPIA.',
    actions:
      'Carry out the DPIA with the regional data protection officer before the next registration round.',
    likelihood: 4,
    impact: 5,
  }),
  r({
    title: 'Staff have not completed data protection training',
    source: 'Assessment',
    description: 'Less than half of staff handling personal data completed the mandatory course.',
    actions: 'Make the course a condition for system access; report completion monthly.',
    likelihood: 4,
    impact: 2,
  }),
  r({
    title: 'Mission data inventory incomplete',
    source: 'Assessment',
    description: 'Several systems in use are missing from the inventory, so their risks are unknown.',
    actions: 'Inventory sprint with each unit; focal point confirms completeness.',
    likelihood: 3,
    impact: 3,
  }),
  r({
    title: 'Shared administrator accounts',
    source: 'Audit',
    description: 'The audit found administrator passwords shared between several staff members.',
    actions: 'Named admin accounts with multi-factor authentication; rotate the shared password.',
    likelihood: 3,
    impact: 4,
  }),
  r({
    title: 'Unapproved cloud storage used for survey data',
    source: 'Audit',
    description: 'Survey exports are stored in personal cloud accounts outside the organisation’s tenant.',
    actions: 'Move data to the approved tenant; block the personal services on managed devices.',
    likelihood: 4,
    impact: 4,
  }),
  r({
    title: 'Beneficiary list e-mailed to the wrong recipient',
    source: 'Incident',
    description: 'A spreadsheet with names and phone numbers was sent to an external address by mistake.',
    actions: 'Recall and deletion confirmed; sensitivity labels and external-recipient warning enabled.',
    likelihood: 3,
    impact: 4,
  }),
  r({
    title: 'Phishing compromise of a staff account',
    source: 'Incident',
    description: 'An account was taken over through a phishing e-mail and used to send further phishing.',
    actions: 'Password reset, sign-in review, phishing-resistant MFA for the mission.',
    likelihood: 4,
    impact: 3,
  }),
  r({
    title: 'Tablet with unsynchronised survey data lost',
    source: 'Incident',
    description: 'A data-collection tablet was lost in the field before its data was uploaded.',
    actions: 'Device encryption and remote wipe; sync after each interview.',
    likelihood: 3,
    impact: 3,
  }),
];

const STATUSES = ['Open', 'In treatment', 'Accepted', 'Closed'] as const;
const TREATMENT_BY_STATUS: Readonly<Record<(typeof STATUSES)[number], readonly string[]>> = {
  Open: ['Reduce', 'Avoid'],
  'In treatment': ['Reduce', 'Avoid', 'Transfer or share'],
  Accepted: ['Accept'],
  Closed: ['Reduce', 'Avoid', 'Transfer or share'],
};

export interface RisksOptions {
  readonly rng: Rng;
  readonly today: string;
  readonly missions: readonly Mission[];
  readonly people: readonly DemoPerson[];
  readonly assets: readonly SeedRecord[];
  readonly aiSystems: readonly SeedRecord[];
  readonly count?: number;
}

const clamp = (n: number) => Math.max(1, Math.min(5, n));

export function generateRisks(options: RisksOptions): SeedRecord[] {
  const { rng, today, missions, people, assets, aiSystems } = options;
  const count = options.count ?? 64;
  const intents = healthIntents(rng, count);

  return Array.from({ length: count }, (_, index): SeedRecord => {
    const template = RISK_TEMPLATES[index % RISK_TEMPLATES.length] as RiskTemplate;
    const intent = intents[index] ?? 'healthy';
    // Tie the finding to a record of the right register, and take the mission from it.
    const related =
      template.source === 'Data asset'
        ? rng.pick(assets)
        : template.source === 'AI system'
          ? rng.pick(aiSystems)
          : undefined;
    const mission = missions.find((m) => m.id === related?.values.mission) ?? (rng.pick(missions) as Mission);
    const staff = people.filter((p) => p.missionId === mission.id);
    const owner = rng.pick(staff.filter((p) => p.persona !== 'reader'));

    const status = rng.pick(STATUSES);
    const likelihood = clamp(template.likelihood + rng.int(-1, 1));
    const impact = clamp(template.impact + rng.int(-1, 1));
    const treated = status === 'In treatment' || status === 'Closed';
    const values: Record<string, FieldValue> = {
      Title: template.title,
      source: template.source,
      description: template.description,
      evidence:
        template.source === 'Incident' || template.source === 'Audit'
          ? [`https://contoso.sharepoint.com/sites/governance/Findings/${mission.code}-${index + 1}.pdf`]
          : [],
      mission: mission.id,
      region: mission.region,
      likelihood,
      impact,
      residualLikelihood: treated ? clamp(likelihood - rng.int(1, 2)) : null,
      residualImpact: treated ? clamp(impact - rng.int(0, 1)) : null,
      treatment: rng.pick(TREATMENT_BY_STATUS[status]),
      actions: template.actions,
      owner: intent === 'noCustodian' ? null : (owner ?? rng.pick(people)).email,
      dueDate: status === 'In treatment' || status === 'Open' ? addDays(today, rng.int(-30, 180)) : null,
      status,
    };
    const cycle = defaultReviewCycle(RISK_REGISTER, values);
    values.reviewCycle = cycle;
    values.lastReviewed = reviewedOn(rng, { today, cycle, stale: intent === 'stale' });
    values.lastReviewedBy = values.owner ?? null;

    if (intent === 'incomplete') {
      const gaps = ['description', ...(status === 'In treatment' ? ['treatment', 'dueDate'] : [])];
      values[rng.pick(gaps)] = null;
    }
    const links: Record<string, readonly string[]> = {};
    if (related && template.source === 'Data asset') links.relatedAsset = [related.key];
    if (related && template.source === 'AI system') links.relatedSystem = [related.key];
    return {
      key: `risk-${String(index + 1).padStart(3, '0')}`,
      register: 'riskRegister',
      intent,
      values,
      links,
    };
  });
}
