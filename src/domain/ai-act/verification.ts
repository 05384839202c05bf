// The verification workflow of an AI system's risk tier (governance-domain.md §2):
// draft -> submitted -> verified | changesRequested; changesRequested -> draft, or submitted again;
// verified -> changesRequested when an officer revokes the verification (with a reason).
// A material change to a verified system sends it back to submitted (verificationAfterEdit: the one
// function every writer — tab, add-in, bot, write service — applies to an update).
// Verifying is refused when the officer is not independent of the system (separation of duties), when the
// system has no triage answers, when its tier contradicts them, or when a field its tier requires is empty.
import { AI_REGISTRY, RISK_TIER_CHOICE, VERIFICATION_CHOICE } from '../registers/ai-registry';
import { can, changedFields } from '../roles/roles';
import type { Action, Actor, RefusalCode } from '../roles/roles';
import { t } from '../schema/localized';
import type { FieldValue, Localized, RecordValues, RegisterSchema } from '../schema/types';
import { isIsoDate } from '../time/dates';
import { missingRequiredFields } from '../validation/validate';
import { RISK_TIERS, parseTriageAnswers, triage } from './triage';
import type { RiskTier } from './triage';

export const VERIFICATION_STATES = ['draft', 'submitted', 'verified', 'changesRequested'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export type VerificationAction = 'submit' | 'verify' | 'requestChanges' | 'reopen' | 'revoke';

export interface TransitionRule {
  readonly from: VerificationState;
  readonly action: VerificationAction;
  readonly to: VerificationState;
  /** The roles permission the actor needs on the record. */
  readonly permission: Action;
  readonly commentRequired: boolean;
}

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    from: 'draft',
    action: 'submit',
    to: 'submitted',
    permission: 'submitForVerification',
    commentRequired: false,
  },
  {
    from: 'changesRequested',
    action: 'submit',
    to: 'submitted',
    permission: 'submitForVerification',
    commentRequired: false,
  },
  { from: 'changesRequested', action: 'reopen', to: 'draft', permission: 'update', commentRequired: false },
  { from: 'submitted', action: 'verify', to: 'verified', permission: 'verify', commentRequired: false },
  {
    from: 'submitted',
    action: 'requestChanges',
    to: 'changesRequested',
    permission: 'requestChanges',
    commentRequired: true,
  },
  // Revoking a verification found to be wrong: the reason is recorded, the custodian re-triages.
  { from: 'verified', action: 'revoke', to: 'changesRequested', permission: 'verify', commentRequired: true },
];

/**
 * Editing any of these on a verified system invalidates the verification: what the officer verified is
 * the tier (and the grounds, answers and purpose it rests on), who is responsible under the Act, how a
 * human oversees it, who provides it and whether it is in use.
 */
export const MATERIAL_FIELDS: readonly string[] = [
  'purpose',
  'triageAnswers',
  'dataAssets',
  'riskTier',
  'articles',
  'aiActRole',
  'humanOversight',
  'provider',
  'deploymentStatus',
];

/** The material fields of decisions recorded before the list above grew (their fingerprints cover these). */
export const LEGACY_MATERIAL_FIELDS: readonly string[] = ['purpose', 'triageAnswers', 'dataAssets'];

/** Every transition is recorded: who, when, from, to, comment. */
export interface TransitionEntry {
  readonly from: VerificationState;
  readonly to: VerificationState;
  readonly action: VerificationAction | 'materialChange';
  /** Email of the actor (the system, for a material change, records the editor). */
  readonly by: string;
  /** ISO 8601 timestamp. */
  readonly at: string;
  readonly comment: string | null;
}

/** Why verifying is refused beyond permissions. */
export type VerificationRuleRefusal =
  | 'ownSystem' // the officer is custodian or business owner of the system
  | 'ownSubmission' // the officer submitted it
  | 'noTriageAnswers'
  | 'tierContradictsAnswers'
  | 'requiredForTier'; // e.g. human oversight for a high-risk system

export type TransitionRefusal =
  'invalidTransition' | 'commentRequired' | VerificationRuleRefusal | RefusalCode;

/** The refusals this module adds, in the four languages (the roles' codes have theirs in the front ends). */
export const VERIFICATION_REFUSAL_TEXT: Readonly<Record<VerificationRuleRefusal, Localized>> = {
  ownSystem: t(
    'You are custodian or business owner of this system: another officer must verify it (separation of duties).',
    'Vous êtes dépositaire ou responsable métier de ce système : un autre responsable doit le vérifier (séparation des tâches).',
    'Usted es custodio o responsable de negocio de este sistema: otro responsable debe verificarlo (separación de funciones).',
    'أنت أمين هذا النظام أو مالكه التشغيلي: يجب أن يتحقق منه مسؤول آخر (الفصل بين المهام).',
  ),
  ownSubmission: t(
    'You submitted this system: another officer must verify it (separation of duties).',
    'Vous avez soumis ce système : un autre responsable doit le vérifier (séparation des tâches).',
    'Usted envió este sistema: otro responsable debe verificarlo (separación de funciones).',
    'أنت من قدّم هذا النظام: يجب أن يتحقق منه مسؤول آخر (الفصل بين المهام).',
  ),
  noTriageAnswers: t(
    'The system has no triage answers: run the triage before verifying its tier.',
    'Le système n’a pas de réponses au tri : effectuez le tri avant de vérifier son niveau.',
    'El sistema no tiene respuestas de triaje: realice el triaje antes de verificar su nivel.',
    'لا توجد إجابات فرز لهذا النظام: أجرِ الفرز قبل التحقق من مستواه.',
  ),
  tierContradictsAnswers: t(
    'The proposed tier does not match the tier its triage answers give.',
    'Le niveau proposé ne correspond pas au niveau que donnent ses réponses au tri.',
    'El nivel propuesto no coincide con el que dan sus respuestas de triaje.',
    'المستوى المقترح لا يطابق المستوى الذي تعطيه إجابات الفرز.',
  ),
  requiredForTier: t(
    'A field this tier requires is empty (human oversight for a high-risk system).',
    'Un champ exigé par ce niveau est vide (contrôle humain pour un système à haut risque).',
    'Falta un campo que este nivel exige (supervisión humana para un sistema de alto riesgo).',
    'حقل يتطلبه هذا المستوى فارغ (الرقابة البشرية لنظام عالي المخاطر).',
  ),
};

export type TransitionResult =
  | {
      readonly ok: true;
      readonly state: VerificationState;
      readonly entry: TransitionEntry;
      /** The AI registry fields to write with it. */
      readonly values: RecordValues;
    }
  | { readonly ok: false; readonly reason: TransitionRefusal };

export interface TransitionOptions {
  /** The system's current values (for scoped permissions: own record, own mission). */
  readonly record?: RecordValues;
  readonly comment?: string;
  readonly now: Date | string;
  readonly schema?: RegisterSchema;
  /**
   * For 'verify': who submitted the system (lower-case email; null when unknown) and whether the unit's
   * settings allow a single officer to act alone. Both are required for 'verify' so that no caller can
   * skip the separation of duties by forgetting them.
   */
  readonly independence?: VerificationIndependence;
}

export interface VerificationIndependence {
  readonly submittedBy: string | null;
  /** GovernanceSettings `verificationPolicy.allowSingleOfficer`: a unit with one officer, stated explicitly. */
  readonly allowSingleOfficer: boolean;
}

const tierOfChoice = (v: FieldValue | undefined): RiskTier | undefined =>
  RISK_TIERS.find((tier) => RISK_TIER_CHOICE[tier] === v);

/**
 * Why the system cannot be verified as it stands (beyond permissions): no triage answers, a tier that
 * contradicts them, or a field its tier requires still empty. Null when it can.
 */
export const verificationBlocker = (
  values: RecordValues,
  schema: RegisterSchema = AI_REGISTRY,
): { readonly reason: VerificationRuleRefusal; readonly fields: readonly string[] } | null => {
  const parsed = parseTriageAnswers(typeof values.triageAnswers === 'string' ? values.triageAnswers : null);
  if (!parsed.ok || Object.keys(parsed.value).length === 0)
    return { reason: 'noTriageAnswers', fields: ['triageAnswers'] };
  const tier = tierOfChoice(values.riskTier);
  if (tier === undefined || triage(parsed.value).tier !== tier)
    return { reason: 'tierContradictsAnswers', fields: ['riskTier'] };
  // Fields whose requirement depends on the tier (humanOversight: required when riskTier is High).
  const tierFields = new Set(
    schema.fields
      .filter((f) => typeof f.required === 'object' && f.required.field === 'riskTier')
      .map((f) => f.name),
  );
  const missing = missingRequiredFields(schema, values).filter((f) => tierFields.has(f));
  return missing.length > 0 ? { reason: 'requiredForTier', fields: missing } : null;
};

const emails = (v: FieldValue | undefined): string[] =>
  typeof v === 'string' ? [v.toLowerCase()] : Array.isArray(v) ? v.map((x: string) => x.toLowerCase()) : [];

/** Separation of duties: the verifying officer owns nothing of the system and did not submit it. */
export const independenceRefusal = (
  actor: Actor,
  values: RecordValues,
  independence: VerificationIndependence,
  schema: RegisterSchema = AI_REGISTRY,
): VerificationRuleRefusal | null => {
  if (independence.allowSingleOfficer) return null;
  const me = actor.email.toLowerCase();
  if (schema.ownerFields.some((f) => emails(values[f]).includes(me))) return 'ownSystem';
  if (independence.submittedBy !== null && independence.submittedBy.toLowerCase() === me)
    return 'ownSubmission';
  return null;
};

const STATE_BY_CHOICE: Readonly<Record<string, VerificationState>> = Object.fromEntries(
  VERIFICATION_STATES.map((s) => [VERIFICATION_CHOICE[s], s]),
);

/** The workflow state of a stored verificationStatus value (an empty value is a draft). */
export const stateOfChoice = (value: FieldValue | undefined): VerificationState | undefined =>
  value === null || value === undefined || value === ''
    ? 'draft'
    : typeof value === 'string'
      ? STATE_BY_CHOICE[value]
      : undefined;

export const choiceOfState = (state: VerificationState): string => VERIFICATION_CHOICE[state];

const timestamp = (now: Date | string): string => (typeof now === 'string' ? now : now.toISOString());

/** The actions open from a state (before permissions). */
export const availableActions = (state: VerificationState): readonly VerificationAction[] =>
  TRANSITIONS.filter((r) => r.from === state).map((r) => r.action);

export const transition = (
  state: VerificationState,
  action: VerificationAction,
  actor: Actor,
  options: TransitionOptions,
): TransitionResult => {
  const rule = TRANSITIONS.find((r) => r.from === state && r.action === action);
  if (!rule) return { ok: false, reason: 'invalidTransition' };
  const decision = can(actor, rule.permission, options.schema ?? AI_REGISTRY, options.record);
  if (!decision.allowed) return { ok: false, reason: decision.reason };
  const comment = options.comment?.trim() ? options.comment.trim() : null;
  if (rule.commentRequired && comment === null) return { ok: false, reason: 'commentRequired' };
  if (action === 'verify') {
    const values = options.record ?? {};
    if (!options.independence) return { ok: false, reason: 'ownSubmission' };
    const notIndependent = independenceRefusal(actor, values, options.independence, options.schema);
    if (notIndependent) return { ok: false, reason: notIndependent };
    const blocker = verificationBlocker(values, options.schema);
    if (blocker) return { ok: false, reason: blocker.reason };
  }

  const at = timestamp(options.now);
  const values: Record<string, FieldValue> = { verificationStatus: VERIFICATION_CHOICE[rule.to] };
  if (rule.to === 'verified') {
    values.verifiedBy = actor.email.toLowerCase();
    // The calendar day of the timestamp (UTC, the site's time zone).
    values.verifiedOn = isIsoDate(at.slice(0, 10)) ? at.slice(0, 10) : null;
    values.verificationComment = comment;
  } else if (rule.to === 'changesRequested') {
    values.verificationComment = comment;
    if (action === 'revoke') {
      values.verifiedBy = null;
      values.verifiedOn = null;
    }
  } else if (rule.to === 'submitted') {
    // A fresh submission is not verified by anyone yet; the submitter's comment goes with it.
    values.verifiedBy = null;
    values.verifiedOn = null;
    values.submissionComment = comment;
  }
  return {
    ok: true,
    state: rule.to,
    entry: { from: state, to: rule.to, action, by: actor.email.toLowerCase(), at, comment },
    values,
  };
};

/**
 * What an edit does to the verification: a change to a material field (MATERIAL_FIELDS: purpose, triage
 * answers, data assets, risk tier, grounds, AI Act role, human oversight, provider, deployment status) of
 * a verified system returns it to submitted. `after` may be the whole record or only the changes. Returns
 * null when the state does not change; otherwise merge `values` into the write. Every writer calls this.
 */
export const verificationAfterEdit = (
  before: RecordValues,
  after: RecordValues,
  editor: Actor,
  now: Date | string,
  schema: RegisterSchema = AI_REGISTRY,
): {
  readonly state: VerificationState;
  readonly entry: TransitionEntry;
  readonly values: RecordValues;
} | null => {
  const field = schema.verificationField;
  if (!field || stateOfChoice(before[field]) !== 'verified') return null;
  const material = changedFields(schema, before, after).filter((f) => MATERIAL_FIELDS.includes(f));
  if (material.length === 0) return null;
  return {
    state: 'submitted',
    entry: {
      from: 'verified',
      to: 'submitted',
      action: 'materialChange',
      by: editor.email.toLowerCase(),
      at: timestamp(now),
      comment: `changed: ${material.join(', ')}`,
    },
    values: { [field]: VERIFICATION_CHOICE.submitted, verifiedBy: null, verifiedOn: null },
  };
};
