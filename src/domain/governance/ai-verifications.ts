// Officers' verification decisions on AI systems, kept in a list only the governance officers' group may
// write. The verified state the app shows is derived from the latest decision, so a custodian who types
// "Verified" into the registry item (through Excel or Graph) verifies nothing: the server refuses their
// decision entry, and a claimed "Verified" without a matching entry is shown as submitted.
import { t } from '../schema/localized';
import type { DomainRecord, FieldDef, FieldValue, RecordValues } from '../schema/types';
import { RISK_TIER_CHOICE, VERIFICATION_CHOICE } from '../registers/ai-registry';
import { transition, stateOfChoice, LEGACY_MATERIAL_FIELDS, MATERIAL_FIELDS } from '../ai-act/verification';
import type {
  TransitionEntry,
  TransitionRefusal,
  VerificationIndependence,
  VerificationState,
} from '../ai-act/verification';
import { parseTriageAnswers, serializeTriageAnswers } from '../ai-act/triage';
import type { Actor } from '../roles/roles';
import type { GovernanceListSchema } from './list-schema';

/** 'revoked': an officer withdrew an earlier verification (with a reason); the system needs changes. */
export type VerificationDecision = 'verified' | 'changesRequested' | 'revoked';

/** The stored value of a revocation in the decisions list (the registry item mirrors "Changes requested"). */
export const REVOKED_CHOICE = 'Revoked';

const DECISION_CHOICE: Readonly<Record<VerificationDecision, string>> = {
  verified: VERIFICATION_CHOICE.verified,
  changesRequested: VERIFICATION_CHOICE.changesRequested,
  revoked: REVOKED_CHOICE,
};

const fields: readonly FieldDef[] = [
  {
    name: 'Title',
    type: 'text',
    required: true,
    maxLength: 255,
    label: t('AI system', 'Système d’IA', 'Sistema de IA', 'نظام الذكاء الاصطناعي'),
    help: t(
      'The system’s name when the decision was taken.',
      'Le nom du système au moment de la décision.',
      'El nombre del sistema cuando se tomó la decisión.',
      'اسم النظام وقت اتخاذ القرار.',
    ),
  },
  {
    name: 'system',
    type: 'lookup',
    required: true,
    lookupRegister: 'aiRegistry',
    indexed: true,
    label: t('AI system', 'Système d’IA', 'Sistema de IA', 'نظام الذكاء الاصطناعي'),
    help: t(
      'The AI registry item.',
      'L’élément du registre de l’IA.',
      'El elemento del registro de IA.',
      'عنصر سجل الذكاء الاصطناعي.',
    ),
  },
  {
    name: 'decision',
    type: 'choice',
    required: true,
    indexed: true,
    choices: [VERIFICATION_CHOICE.verified, VERIFICATION_CHOICE.changesRequested, REVOKED_CHOICE],
    choiceLabels: {
      [REVOKED_CHOICE]: t('Revoked', 'Révoquée', 'Revocada', 'أُلغي التحقق'),
      [VERIFICATION_CHOICE.verified]: t('Verified', 'Vérifié', 'Verificado', 'تم التحقق'),
      [VERIFICATION_CHOICE.changesRequested]: t(
        'Changes requested',
        'Modifications demandées',
        'Cambios solicitados',
        'مطلوب تعديلات',
      ),
    },
    label: t('Decision', 'Décision', 'Decisión', 'القرار'),
    help: t(
      'The officer’s decision.',
      'La décision du responsable.',
      'La decisión del responsable.',
      'قرار المسؤول.',
    ),
  },
  {
    name: 'tier',
    type: 'choice',
    required: false,
    choices: Object.values(RISK_TIER_CHOICE),
    label: t('Risk tier', 'Niveau de risque', 'Nivel de riesgo', 'مستوى المخاطر'),
    help: t('The tier decided on.', 'Le niveau retenu.', 'El nivel decidido.', 'المستوى الذي تقرر.'),
  },
  {
    name: 'comment',
    type: 'note',
    required: { field: 'decision', oneOf: [VERIFICATION_CHOICE.changesRequested, REVOKED_CHOICE] },
    label: t('Comment', 'Commentaire', 'Comentario', 'تعليق'),
    help: t(
      'Why, or what must change.',
      'Pourquoi, ou ce qui doit changer.',
      'Por qué, o qué debe cambiar.',
      'السبب، أو ما يجب تعديله.',
    ),
  },
  {
    name: 'decidedBy',
    type: 'person',
    required: true,
    label: t('Decided by', 'Décidé par', 'Decidido por', 'قرّره'),
    help: t(
      'The governance officer.',
      'Le responsable de la gouvernance.',
      'El responsable de gobernanza.',
      'مسؤول الحوكمة.',
    ),
  },
  {
    name: 'decidedAt',
    type: 'text',
    required: true,
    indexed: true,
    maxLength: 40,
    label: t('Decided at', 'Décidé le', 'Decidido el', 'وقت القرار'),
    help: t(
      'ISO 8601 timestamp.',
      'Horodatage ISO 8601.',
      'Marca de tiempo ISO 8601.',
      'طابع زمني بصيغة ISO 8601.',
    ),
  },
  {
    name: 'fingerprint',
    type: 'text',
    required: true,
    maxLength: 40,
    label: t('Content fingerprint', 'Empreinte du contenu', 'Huella del contenido', 'بصمة المحتوى'),
    help: t(
      'Of the material fields that were verified (purpose, triage answers, data assets, tier, grounds, role, oversight, provider, status).',
      'Des champs essentiels vérifiés (finalité, réponses au tri, actifs de données, niveau, fondements, rôle, contrôle, fournisseur, statut).',
      'De los campos esenciales verificados (finalidad, respuestas del triaje, activos de datos, nivel, fundamentos, papel, supervisión, proveedor, estado).',
      'للحقول الجوهرية التي جرى التحقق منها (الغرض، إجابات الفرز، أصول البيانات، المستوى، الأسانيد، الدور، الرقابة، المورِّد، الحالة).',
    ),
  },
  {
    name: 'reviewBatch',
    type: 'text',
    required: false,
    maxLength: 255,
    label: t('Review batch', 'Lot de revue', 'Lote de revisión', 'دفعة المراجعة'),
    help: t(
      'The submission batch the decision was taken in.',
      'Le lot de soumissions dans lequel la décision a été prise.',
      'El lote de envíos en el que se tomó la decisión.',
      'دفعة التقديمات التي اتُّخذ فيها القرار.',
    ),
  },
];

export const AI_VERIFICATIONS: GovernanceListSchema = {
  id: 'aiVerifications',
  listName: 'AiVerifications',
  displayName: t(
    'AI verification decisions',
    'Décisions de vérification IA',
    'Decisiones de verificación de IA',
    'قرارات التحقق من الذكاء الاصطناعي',
  ),
  description: t(
    'Governance officers’ decisions on AI risk tiers. Only the governance officers’ group may write.',
    'Décisions des responsables de la gouvernance sur les niveaux de risque IA. Seul leur groupe peut écrire.',
    'Decisiones de los responsables de gobernanza sobre niveles de riesgo de IA. Solo su grupo puede escribir.',
    'قرارات مسؤولي الحوكمة بشأن مستويات مخاطر الذكاء الاصطناعي. لا يكتب فيها إلا فريقهم.',
  ),
  fields,
  writers: 'officers',
};

export interface VerificationEntry {
  readonly id?: string;
  readonly systemId: string;
  readonly decision: VerificationDecision;
  readonly tier: string | null;
  readonly comment: string | null;
  readonly decidedBy: string;
  /** ISO 8601 timestamp. */
  readonly decidedAt: string;
  readonly fingerprint: string;
  readonly reviewBatch: string | null;
}

const str = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Reads a decision item; undefined when it is not a usable decision (ignored, never trusted). */
export const entryFromRecord = (record: DomainRecord): VerificationEntry | undefined => {
  const v = record.values;
  const decision =
    v.decision === VERIFICATION_CHOICE.verified
      ? 'verified'
      : v.decision === VERIFICATION_CHOICE.changesRequested
        ? 'changesRequested'
        : v.decision === REVOKED_CHOICE
          ? 'revoked'
          : undefined;
  const systemId = str(v.system);
  const decidedAt = str(v.decidedAt) ?? record.createdAt ?? null;
  if (!decision || !systemId || !decidedAt) return undefined;
  return {
    ...(record.id ? { id: record.id } : {}),
    systemId,
    decision,
    tier: str(v.tier),
    comment: str(v.comment),
    // The server's author of the item wins over the typed-in field.
    decidedBy: (str(v.decidedBy) ?? record.modifiedBy ?? '').toLowerCase(),
    decidedAt,
    fingerprint: str(v.fingerprint) ?? '',
    reviewBatch: str(v.reviewBatch),
  };
};

export const entryValues = (entry: VerificationEntry, systemTitle: string): RecordValues => ({
  Title: systemTitle.slice(0, 255),
  system: entry.systemId,
  decision: DECISION_CHOICE[entry.decision],
  tier: entry.tier,
  comment: entry.comment,
  decidedBy: entry.decidedBy,
  decidedAt: entry.decidedAt,
  fingerprint: entry.fingerprint,
  reviewBatch: entry.reviewBatch,
});

// FNV-1a, 32 bit: small, deterministic and the same in Node and the browser. Not a security hash: it
// only tells whether the verified content is still the content now.
const fnv1a = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};

const FINGERPRINT_VERSION = 'v2:';

const fingerprintOf = (values: RecordValues, fields: readonly string[]): string => {
  const parsed = parseTriageAnswers(typeof values.triageAnswers === 'string' ? values.triageAnswers : null);
  const material: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f];
    if (f === 'triageAnswers')
      material[f] = parsed.ok ? serializeTriageAnswers(parsed.value) : String(v ?? '');
    else if (Array.isArray(v)) material[f] = [...(v as readonly string[])].sort();
    else material[f] = typeof v === 'string' ? v.trim() : (v ?? null);
  }
  return fnv1a(JSON.stringify(material));
};

/** A fingerprint of the material fields (MATERIAL_FIELDS), insensitive to order; 'v2:' + 8 hex digits. */
export const materialFingerprint = (values: RecordValues): string =>
  FINGERPRINT_VERSION + fingerprintOf(values, MATERIAL_FIELDS);

/**
 * Whether a recorded fingerprint still matches the values. Decisions recorded before the material fields
 * grew carry an unversioned fingerprint of the three legacy fields: they stay valid for those fields
 * (every writer re-opens a verified system on any material change since, through verificationAfterEdit).
 */
export const fingerprintMatches = (fingerprint: string, values: RecordValues): boolean =>
  fingerprint.startsWith(FINGERPRINT_VERSION)
    ? fingerprint === materialFingerprint(values)
    : fingerprint === fingerprintOf(values, LEGACY_MATERIAL_FIELDS);

/** The latest decision per system (by decision time, then item id). */
export const latestEntries = (
  entries: readonly VerificationEntry[],
): ReadonlyMap<string, VerificationEntry> => {
  const latest = new Map<string, VerificationEntry>();
  for (const e of entries) {
    const prev = latest.get(e.systemId);
    if (
      !prev ||
      e.decidedAt > prev.decidedAt ||
      (e.decidedAt === prev.decidedAt && Number(e.id ?? 0) > Number(prev.id ?? 0))
    )
      latest.set(e.systemId, e);
  }
  return latest;
};

export interface DerivedVerification {
  /** The state the app shows and acts on. */
  readonly state: VerificationState;
  /** What the registry item itself says. */
  readonly claimed: VerificationState;
  /** The officer's decision the state rests on, for verified / changes requested. */
  readonly decision?: VerificationEntry;
  /** The item claims "Verified" but no officer's decision matches its current content. */
  readonly unconfirmed: boolean;
}

/**
 * The verification state of one system from its registry values and the officers' decisions.
 * Draft and submitted are the custodian's to set, so the item is believed; "Verified" needs the latest
 * decision to be a verification of the same content (fingerprint); "Changes requested" needs the latest
 * decision to say so.
 */
export const deriveVerification = (
  values: RecordValues,
  latest: VerificationEntry | undefined,
): DerivedVerification => {
  const claimed = stateOfChoice(values.verificationStatus) ?? 'draft';
  if (claimed === 'draft' || claimed === 'submitted') return { state: claimed, claimed, unconfirmed: false };
  if (claimed === 'verified') {
    const backed = latest?.decision === 'verified' && fingerprintMatches(latest.fingerprint, values);
    return backed
      ? { state: 'verified', claimed, decision: latest, unconfirmed: false }
      : { state: 'submitted', claimed, unconfirmed: true };
  }
  return latest?.decision === 'changesRequested' || latest?.decision === 'revoked'
    ? { state: 'changesRequested', claimed, decision: latest, unconfirmed: false }
    : { state: 'submitted', claimed, unconfirmed: true };
};

export type DecisionResult =
  | {
      readonly ok: true;
      readonly entry: VerificationEntry;
      readonly transition: TransitionEntry;
      /** What the registry item mirrors (for Excel and the bot), written after the entry. */
      readonly mirror: RecordValues;
    }
  | { readonly ok: false; readonly reason: TransitionRefusal };

/**
 * An officer's decision on a submitted system (or the revocation of a verified one): checked by the
 * workflow and the verification rules (separation of duties, triage answers, tier, required fields),
 * ready to be written. `independence` is required: who submitted it and the unit's policy.
 */
export const decide = (
  system: { readonly id: string; readonly values: RecordValues },
  derived: VerificationState,
  decision: VerificationDecision,
  actor: Actor,
  options: {
    readonly comment?: string;
    readonly now: Date | string;
    readonly reviewBatch?: string;
    readonly independence: VerificationIndependence;
  },
): DecisionResult => {
  const action = decision === 'verified' ? 'verify' : decision === 'revoked' ? 'revoke' : 'requestChanges';
  const r = transition(derived, action, actor, {
    record: system.values,
    comment: options.comment,
    now: options.now,
    independence: options.independence,
  });
  if (!r.ok) return r;
  const tier = typeof system.values.riskTier === 'string' ? system.values.riskTier : null;
  return {
    ok: true,
    transition: r.entry,
    mirror: r.values,
    entry: {
      systemId: system.id,
      decision,
      tier,
      comment: r.entry.comment,
      decidedBy: r.entry.by,
      decidedAt: r.entry.at,
      fingerprint: materialFingerprint(system.values),
      reviewBatch: options.reviewBatch ?? null,
    },
  };
};

/** One version of the registry item, newest first (as the repository returns them). */
export interface SystemVersion {
  readonly modifiedAt?: string;
  readonly modifiedBy?: string;
  readonly changedFields: readonly string[];
  readonly values: RecordValues;
}

/**
 * The whole workflow history, oldest first: the custodian's transitions read from the item's versions
 * (SharePoint keeps them; nobody can rewrite them) and the officers' decisions from their list.
 */
export const verificationHistory = (
  entries: readonly VerificationEntry[],
  versions: readonly SystemVersion[],
): readonly TransitionEntry[] => {
  const out: TransitionEntry[] = [];
  const chronological = [...versions].reverse();
  let previous: VerificationState = 'draft';
  for (const [i, v] of chronological.entries()) {
    const to = stateOfChoice(v.values.verificationStatus) ?? 'draft';
    const from = previous;
    previous = to;
    // Officers' mirror writes are covered by their decision entries.
    if (to === 'verified' || to === 'changesRequested') continue;
    if (i > 0 && to === from) continue;
    if (i === 0 && to === 'draft') continue;
    const material = v.changedFields.filter((f) => MATERIAL_FIELDS.includes(f));
    const action = from === 'verified' ? 'materialChange' : to === 'draft' ? 'reopen' : 'submit';
    const submission = typeof v.values.submissionComment === 'string' ? v.values.submissionComment : '';
    out.push({
      from,
      to,
      action,
      by: (v.modifiedBy ?? '').toLowerCase(),
      at: v.modifiedAt ?? '',
      comment:
        action === 'materialChange' && material.length > 0
          ? `changed: ${material.join(', ')}`
          : action === 'submit' && submission.trim() !== ''
            ? submission.trim()
            : null,
    });
  }
  for (const e of entries) {
    out.push({
      from: e.decision === 'revoked' ? 'verified' : 'submitted',
      to: e.decision === 'revoked' ? 'changesRequested' : e.decision,
      action: e.decision === 'verified' ? 'verify' : e.decision === 'revoked' ? 'revoke' : 'requestChanges',
      by: e.decidedBy,
      at: e.decidedAt,
      comment: e.comment,
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
};

/** Why a system is left out of a bulk verification. */
export type BulkExclusion = 'prohibitedTier' | TransitionRefusal;

export interface BulkVerificationPlan {
  /** The decisions to write, one per system; the UI asks for confirmation before writing them. */
  readonly decisions: readonly {
    readonly systemId: string;
    readonly result: Extract<DecisionResult, { ok: true }>;
  }[];
  /** Systems left out, each with its reason. A prohibited system is never verified in bulk. */
  readonly excluded: readonly { readonly systemId: string; readonly reason: BulkExclusion }[];
}

/**
 * "Verify N systems": each system is checked as one decision would be (separation of duties, triage,
 * tier, required fields); a system triaged as prohibited needs its own decision and is left out.
 */
export const planBulkVerification = (
  systems: readonly {
    readonly id: string;
    readonly values: RecordValues;
    readonly state: VerificationState;
    readonly submittedBy: string | null;
  }[],
  actor: Actor,
  options: {
    readonly now: Date | string;
    readonly reviewBatch?: string;
    readonly allowSingleOfficer: boolean;
    readonly comment?: string;
  },
): BulkVerificationPlan => {
  const decisions: { systemId: string; result: Extract<DecisionResult, { ok: true }> }[] = [];
  const excluded: { systemId: string; reason: BulkExclusion }[] = [];
  for (const s of systems) {
    if (s.values.riskTier === RISK_TIER_CHOICE.prohibited) {
      excluded.push({ systemId: s.id, reason: 'prohibitedTier' });
      continue;
    }
    const r = decide({ id: s.id, values: s.values }, s.state, 'verified', actor, {
      now: options.now,
      ...(options.reviewBatch !== undefined ? { reviewBatch: options.reviewBatch } : {}),
      ...(options.comment !== undefined ? { comment: options.comment } : {}),
      independence: { submittedBy: s.submittedBy, allowSingleOfficer: options.allowSingleOfficer },
    });
    if (r.ok) decisions.push({ systemId: s.id, result: r });
    else excluded.push({ systemId: s.id, reason: r.reason });
  }
  return { decisions, excluded };
};

/**
 * Who submitted a system awaiting verification: the acting person the write service stamps on the item
 * (lastEditedBy), else the item's last editor; null when neither is known.
 */
export const submitterOf = (system: {
  readonly values: RecordValues;
  readonly modifiedBy?: string;
}): string | null => {
  const stamped = system.values.lastEditedBy;
  if (typeof stamped === 'string' && stamped !== '') return stamped.toLowerCase();
  return system.modifiedBy ? system.modifiedBy.toLowerCase() : null;
};
