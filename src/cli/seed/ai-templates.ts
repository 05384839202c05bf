// AI systems a humanitarian organisation really runs or considers, with the triage answers that
// place each one under the EU AI Act. `yes` lists the questions answered yes; every other is no.
import type { TriageQuestionId } from '../../domain/ai-act/questions';
import type { DataDomain } from '../../domain/reference';

export interface AiTemplate {
  readonly name: string;
  readonly purpose: string;
  readonly provider: string;
  readonly role: 'Provider' | 'Deployer' | 'Importer' | 'Distributor';
  readonly yes: readonly TriageQuestionId[];
  /** Data domains whose assets the system typically reads. */
  readonly domains: readonly DataDomain[];
  /** Deployment statuses it is usually found in. */
  readonly statuses: readonly ('Idea' | 'Pilot' | 'In production' | 'Retired')[];
  readonly humanOversight?: string;
  /** Only at headquarters. */
  readonly hq?: boolean;
}

const a = (t: AiTemplate): AiTemplate => t;

export const AI_TEMPLATES: readonly AiTemplate[] = [
  a({
    name: 'Multilingual information chatbot',
    purpose:
      'Answers beneficiaries’ questions on services, eligibility and appointments on WhatsApp, in four languages.',
    provider: 'Conversational AI vendor (built on a large language model)',
    role: 'Deployer',
    yes: ['art50_1', 'gpai'],
    domains: ['Beneficiary and case management'],
    statuses: ['Pilot', 'In production'],
  }),
  a({
    name: 'Staff writing and summarisation assistant',
    purpose: 'Helps staff draft reports and summarise meeting notes; outputs are reviewed before use.',
    provider: 'Microsoft 365 Copilot',
    role: 'Deployer',
    yes: ['art50_2', 'gpai'],
    domains: ['Programme monitoring and evaluation'],
    statuses: ['In production'],
  }),
  a({
    name: 'Field report machine translation',
    purpose:
      'Translates field reports and situation updates between English, French, Spanish and Arabic for staff.',
    provider: 'Cloud translation API',
    role: 'Deployer',
    yes: [],
    domains: ['Programme monitoring and evaluation'],
    statuses: ['In production'],
  }),
  a({
    name: 'Recruitment CV screening',
    purpose:
      'Ranks applications for national staff vacancies against the job requirements before shortlisting.',
    provider: 'Applicant tracking system vendor',
    role: 'Deployer',
    yes: ['annexIII_4_a', 'art6_3_profiling'],
    domains: ['Human resources'],
    statuses: ['Idea', 'Pilot'],
    humanOversight:
      'A hiring panel reviews every ranked list and can add or remove any candidate; no candidate is rejected automatically.',
    hq: true,
  }),
  a({
    name: 'Staff performance analytics',
    purpose: 'Flags teams whose performance indicators fall behind, to inform supervisors’ evaluations.',
    provider: 'HR analytics platform',
    role: 'Deployer',
    yes: ['annexIII_4_b', 'art6_3_profiling'],
    domains: ['Human resources'],
    statuses: ['Idea'],
    humanOversight: 'Supervisors decide; the dashboard is advisory and individual scores are never shown.',
    hq: true,
  }),
  a({
    name: 'Cash assistance eligibility scoring',
    purpose:
      'Scores household vulnerability from survey answers to decide who receives multipurpose cash assistance.',
    provider: 'In-house model (data science team)',
    role: 'Provider',
    yes: ['annexIII_5_a', 'art6_3_profiling'],
    domains: ['Beneficiary and case management'],
    statuses: ['Pilot', 'In production'],
    humanOversight:
      'Caseworkers confirm each decision; households can appeal through the feedback mechanism.',
  }),
  a({
    name: 'Biometric de-duplication',
    purpose:
      'Compares fingerprints and iris scans at registration against the whole caseload to detect duplicates.',
    provider: 'Biometric identity management vendor',
    role: 'Deployer',
    yes: ['annexIII_1_a'],
    domains: ['Beneficiary and case management'],
    statuses: ['In production'],
    humanOversight:
      'Every suspected duplicate is reviewed by two registration officers before any record is merged.',
  }),
  a({
    name: 'Resettlement case prioritisation support',
    purpose: 'Suggests the order in which resettlement and visa support applications are examined.',
    provider: 'In-house model (data science team)',
    role: 'Provider',
    yes: ['annexIII_7_c', 'art6_3_profiling'],
    domains: ['Protection'],
    statuses: ['Idea', 'Pilot'],
    humanOversight: 'Caseworkers can reorder any case; the suggestion is logged with the reason shown.',
  }),
  a({
    name: 'Vulnerability survey pre-processing',
    purpose:
      'Cleans and codes free-text survey answers before caseworkers carry out the vulnerability assessment.',
    provider: 'In-house scripts with an open-source language model',
    role: 'Provider',
    yes: ['annexIII_5_a', 'art6_3_noSignificantRisk', 'art6_3_d'],
    domains: ['Beneficiary and case management', 'Programme monitoring and evaluation'],
    statuses: ['Pilot', 'In production'],
  }),
  a({
    name: 'Satellite imagery damage assessment',
    purpose: 'Detects damaged shelters and flooded areas on satellite images after a disaster, for planning.',
    provider: 'Geospatial analytics partner',
    role: 'Deployer',
    yes: [],
    domains: ['Operations and logistics'],
    statuses: ['Pilot', 'In production'],
  }),
  a({
    name: 'Displacement forecasting model',
    purpose: 'Forecasts displacement flows at district level from conflict, weather and market data.',
    provider: 'In-house model (data science team)',
    role: 'Provider',
    yes: [],
    domains: ['Programme monitoring and evaluation'],
    statuses: ['Pilot', 'In production', 'Retired'],
  }),
  a({
    name: 'Video-call emotion monitoring',
    purpose:
      'Proposed by a vendor: infer staff engagement and stress from facial expressions during video calls.',
    provider: 'Workplace analytics vendor',
    role: 'Deployer',
    yes: ['art5_1_f'],
    domains: ['Human resources'],
    statuses: ['Idea'],
    hq: true,
  }),
  a({
    name: 'Hotline speech-to-text transcription',
    purpose: 'Transcribes calls to the community hotline so operators can search and categorise them.',
    provider: 'Cloud speech service',
    role: 'Deployer',
    yes: [],
    domains: ['Protection'],
    statuses: ['Pilot', 'In production'],
  }),
  a({
    name: 'Campaign image generator',
    purpose:
      'Generates illustrations for awareness campaigns on safe migration; published images are labelled.',
    provider: 'Image generation service',
    role: 'Deployer',
    yes: ['art50_2', 'art50_4', 'gpai'],
    domains: ['Programme monitoring and evaluation'],
    statuses: ['Pilot'],
  }),
  a({
    name: 'Cash transfer fraud detection',
    purpose: 'Flags unusual redemption patterns in cash transfers for the finance team to investigate.',
    provider: 'Payment service provider',
    role: 'Deployer',
    yes: [],
    domains: ['Finance'],
    statuses: ['In production'],
  }),
  a({
    name: 'Health hotline triage assistant',
    purpose:
      'Sorts incoming calls to the health hotline by urgency and suggests whether to dispatch a mobile team.',
    provider: 'Digital health partner',
    role: 'Deployer',
    yes: ['annexIII_5_d', 'art50_1'],
    domains: ['Health'],
    statuses: ['Pilot'],
    humanOversight:
      'A nurse listens to every call flagged non-urgent within 30 minutes and can override the category.',
  }),
  a({
    name: 'Chest X-ray tuberculosis screening',
    purpose:
      'Reads chest X-rays in migration health assessments and flags suspected tuberculosis for a radiologist.',
    provider: 'CE-marked medical imaging software vendor',
    role: 'Deployer',
    yes: ['art6_1'],
    domains: ['Health'],
    statuses: ['In production'],
    humanOversight: 'A radiologist reads every image; the software only prioritises the worklist.',
  }),
  a({
    name: 'IT code assistant',
    purpose: 'Suggests code to the information management team in their editor.',
    provider: 'GitHub Copilot',
    role: 'Deployer',
    yes: ['gpai'],
    domains: ['Operations and logistics'],
    statuses: ['In production'],
    hq: true,
  }),
];
