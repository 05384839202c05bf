// When each group of AI Act obligations applies, as data with its source and legal status, so that an
// officer can update an entry (e.g. record the Official Journal reference of an amendment) in the
// GovernanceSettings list without a code change (settings key `aiActTimeline`, checked by
// parseAiActTimeline before it is saved or used).
//
// Sources: Regulation (EU) 2024/1689, Art 113 (OJ L, 12.7.2024): applies from 2 August 2026; Chapters I
// and II (Art 1-5, incl. Art 4 AI literacy and Art 5 prohibitions) from 2 February 2025; Chapter V (GPAI
// models) from 2 August 2025; Art 6(1) and its obligations from 2 August 2027. The Digital Omnibus on AI
// (Commission proposal 19 November 2025; provisional political agreement 7 May 2026; Parliament vote
// 16 June 2026; Council approval late June 2026 — as reported by secondary sources, e.g. the Council
// press release 299/26 as cited by tomato.blue, euroinsight.info, scl.org, dlapiper) sets Annex III
// high-risk obligations from 2 December 2027, Annex I from 2 August 2028, and a new Art 5 prohibition
// (non-consensual intimate imagery, CSAM) from 2 December 2026. No Official Journal reference was found
// when this was written: the entries say so, and until an officer records it the Regulation's own
// dates are the legally certain ones.
import { z } from 'zod';
import { isIsoDate, toIsoDate } from '../time/dates';
import type { IsoDate } from '../time/dates';

/** Where an instrument stands. Only 'inForce' and 'publishedOJ' change what legally applies. */
export const LEGAL_STATUSES = [
  'inForce',
  'publishedOJ',
  'adopted',
  'politicalAgreement',
  'proposal',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

const BINDING: ReadonlySet<LegalStatus> = new Set(['inForce', 'publishedOJ']);

/** The groups of obligations the triage can attach to a system. */
export const OBLIGATION_IDS = [
  'aiLiteracy',
  'prohibitions',
  'prohibitionIntimateImagery',
  'gpaiModels',
  'transparency',
  'highRiskAnnexIII',
  'highRiskAnnexI',
] as const;
export type ObligationId = (typeof OBLIGATION_IDS)[number];

export interface TimelineEntry {
  /** Stable key, e.g. 'aiAct.highRiskAnnexIII' or 'omnibus.highRiskAnnexIII'. */
  readonly id: string;
  readonly obligation: ObligationId;
  /** The provisions the date applies to, as the Act cites them. */
  readonly provisions: string;
  readonly appliesFrom: IsoDate;
  /** The instrument that sets the date. */
  readonly instrument: string;
  readonly status: LegalStatus;
  /** Where the date and the status come from (a citation; secondary sources say "as reported"). */
  readonly source: string;
  /** Official Journal reference once published; null until then. */
  readonly ojReference: string | null;
  /** The day the entry was last checked against its source. */
  readonly recordedOn: IsoDate;
}

const AI_ACT = 'Regulation (EU) 2024/1689 (AI Act)';
const AI_ACT_SOURCE = 'Regulation (EU) 2024/1689, Art 113, OJ L, 12.7.2024';
const AI_ACT_OJ = 'OJ L, 2024/1689, 12.7.2024';
const OMNIBUS = 'Digital Omnibus on AI (Regulation amending Regulation (EU) 2024/1689)';
const OMNIBUS_SOURCE =
  'As reported: provisional agreement 7 May 2026 (Council press release 299/26), Parliament vote 16 June 2026, Council approval June 2026; Official Journal reference not yet recorded';

export const DEFAULT_AI_ACT_TIMELINE: readonly TimelineEntry[] = [
  {
    id: 'aiAct.aiLiteracy',
    obligation: 'aiLiteracy',
    provisions: 'Art 4',
    appliesFrom: '2025-02-02' as IsoDate,
    instrument: AI_ACT,
    status: 'inForce',
    source: `${AI_ACT_SOURCE}, point (a)`,
    ojReference: AI_ACT_OJ,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'aiAct.prohibitions',
    obligation: 'prohibitions',
    provisions: 'Art 5',
    appliesFrom: '2025-02-02' as IsoDate,
    instrument: AI_ACT,
    status: 'inForce',
    source: `${AI_ACT_SOURCE}, point (a)`,
    ojReference: AI_ACT_OJ,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'aiAct.gpaiModels',
    obligation: 'gpaiModels',
    provisions: 'Chapter V (Art 51–56)',
    appliesFrom: '2025-08-02' as IsoDate,
    instrument: AI_ACT,
    status: 'inForce',
    source: `${AI_ACT_SOURCE}, point (b)`,
    ojReference: AI_ACT_OJ,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'aiAct.transparency',
    obligation: 'transparency',
    provisions: 'Art 50',
    appliesFrom: '2026-08-02' as IsoDate,
    instrument: AI_ACT,
    status: 'inForce',
    source: AI_ACT_SOURCE,
    ojReference: AI_ACT_OJ,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'aiAct.highRiskAnnexIII',
    obligation: 'highRiskAnnexIII',
    provisions: 'Art 6(2), Annex III; Chapter III',
    appliesFrom: '2026-08-02' as IsoDate,
    instrument: AI_ACT,
    status: 'inForce',
    source: AI_ACT_SOURCE,
    ojReference: AI_ACT_OJ,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'aiAct.highRiskAnnexI',
    obligation: 'highRiskAnnexI',
    provisions: 'Art 6(1), Annex I; Chapter III',
    appliesFrom: '2027-08-02' as IsoDate,
    instrument: AI_ACT,
    status: 'inForce',
    source: `${AI_ACT_SOURCE}, point (c)`,
    ojReference: AI_ACT_OJ,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'omnibus.highRiskAnnexIII',
    obligation: 'highRiskAnnexIII',
    provisions: 'Art 6(2), Annex III; Chapter III',
    appliesFrom: '2027-12-02' as IsoDate,
    instrument: OMNIBUS,
    status: 'adopted',
    source: OMNIBUS_SOURCE,
    ojReference: null,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'omnibus.highRiskAnnexI',
    obligation: 'highRiskAnnexI',
    provisions: 'Art 6(1), Annex I; Chapter III',
    appliesFrom: '2028-08-02' as IsoDate,
    instrument: OMNIBUS,
    status: 'adopted',
    source: OMNIBUS_SOURCE,
    ojReference: null,
    recordedOn: '2026-12-01' as IsoDate,
  },
  {
    id: 'omnibus.prohibitionIntimateImagery',
    obligation: 'prohibitionIntimateImagery',
    provisions: 'Art 5(1), new point (non-consensual intimate imagery, child sexual abuse material)',
    appliesFrom: '2026-12-02' as IsoDate,
    instrument: OMNIBUS,
    status: 'adopted',
    source: OMNIBUS_SOURCE,
    ojReference: null,
    recordedOn: '2026-12-01' as IsoDate,
  },
];

const entrySchema = z
  .object({
    id: z.string().min(1).max(80),
    obligation: z.enum(OBLIGATION_IDS),
    provisions: z.string().min(1).max(200),
    appliesFrom: z.string().refine(isIsoDate, 'A date as YYYY-MM-DD'),
    instrument: z.string().min(1).max(200),
    status: z.enum(LEGAL_STATUSES),
    source: z.string().min(1).max(500),
    ojReference: z.string().min(1).max(200).nullable(),
    recordedOn: z.string().refine(isIsoDate, 'A date as YYYY-MM-DD'),
  })
  .strict()
  // Published or in force means there is an Official Journal reference to cite.
  .refine((e) => !BINDING.has(e.status) || e.ojReference !== null, {
    message: 'A binding entry names its Official Journal reference',
    path: ['ojReference'],
  });

export const aiActTimelineSchema = z
  .array(entrySchema)
  .min(1)
  .refine((es) => new Set(es.map((e) => e.id)).size === es.length, { message: 'Entry ids are unique' })
  .refine((es) => OBLIGATION_IDS.every((o) => es.some((e) => e.obligation === o)), {
    message: 'Every obligation has at least one entry',
  });

export type ParseTimelineResult =
  | { readonly ok: true; readonly value: readonly TimelineEntry[] }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

/** Checks a timeline edited by an officer. Never throws. */
export const parseAiActTimeline = (input: unknown): ParseTimelineResult => {
  const r = aiActTimelineSchema.safeParse(input);
  return r.success
    ? { ok: true, value: r.data as readonly TimelineEntry[] }
    : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
};

/** When one group of obligations applies, under the law as recorded. */
export interface ObligationDates {
  readonly obligation: ObligationId;
  /** The binding entry with the latest status (an amendment published in the OJ wins over the original). */
  readonly binding: TimelineEntry | null;
  /** Amendments not (yet) binding: adopted, agreed or proposed, with their dates. */
  readonly pending: readonly TimelineEntry[];
}

const statusRank = (s: LegalStatus): number => LEGAL_STATUSES.length - LEGAL_STATUSES.indexOf(s);

export const obligationDates = (
  timeline: readonly TimelineEntry[],
  obligation: ObligationId,
): ObligationDates => {
  const entries = timeline.filter((e) => e.obligation === obligation);
  const binding = entries.filter((e) => BINDING.has(e.status));
  // An amendment in the Official Journal supersedes the Act's own date; of two binding entries, the
  // later recorded wins, then the amending instrument (publishedOJ ranks below inForce otherwise).
  const chosen =
    [...binding].sort(
      (a, b) =>
        (a.status === 'publishedOJ' ? 1 : 0) - (b.status === 'publishedOJ' ? 1 : 0) ||
        a.recordedOn.localeCompare(b.recordedOn),
    )[binding.length - 1] ?? null;
  const pending = entries
    .filter((e) => !BINDING.has(e.status))
    .sort((a, b) => statusRank(b.status) - statusRank(a.status));
  return { obligation, binding: chosen, pending };
};

/** One group of obligations as it applies to a system on a given day. */
export interface ApplicableObligation extends ObligationDates {
  /** The binding date has passed: the obligations apply today. */
  readonly appliesToday: boolean;
  readonly appliesFrom: IsoDate | null;
}

export const applicableObligations = (
  obligations: readonly ObligationId[],
  timeline: readonly TimelineEntry[],
  today: Date | IsoDate,
): readonly ApplicableObligation[] => {
  const day = toIsoDate(today);
  return obligations.map((o) => {
    const d = obligationDates(timeline, o);
    const from = d.binding?.appliesFrom ?? null;
    return { ...d, appliesFrom: from, appliesToday: from !== null && from <= day };
  });
};
