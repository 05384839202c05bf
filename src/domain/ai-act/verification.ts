// The verification workflow of an AI system's risk tier (governance-domain.md §2):
// draft -> submitted -> verified | changesRequested; changesRequested -> draft, or submitted again.
// A material change to a verified system sends it back to submitted.
import { AI_REGISTRY, VERIFICATION_CHOICE } from '../registers/ai-registry';
import { can, changedFields } from '../roles/roles';
import type { Action, Actor, RefusalCode } from '../roles/roles';
import type { FieldValue, RecordValues, RegisterSchema } from '../schema/types';
import { isIsoDate } from '../time/dates';

export const VERIFICATION_STATES = ['draft', 'submitted', 'verified', 'changesRequested'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export type VerificationAction = 'submit' | 'verify' | 'requestChanges' | 'reopen';

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
];

/** Editing any of these on a verified system invalidates the verification. */
export const MATERIAL_FIELDS: readonly string[] = ['purpose', 'triageAnswers', 'dataAssets'];

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

export type TransitionRefusal = 'invalidTransition' | 'commentRequired' | RefusalCode;

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
}

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

  const at = timestamp(options.now);
  const values: Record<string, FieldValue> = { verificationStatus: VERIFICATION_CHOICE[rule.to] };
  if (rule.to === 'verified') {
    values.verifiedBy = actor.email.toLowerCase();
    // The calendar day of the timestamp (UTC, the site's time zone).
    values.verifiedOn = isIsoDate(at.slice(0, 10)) ? at.slice(0, 10) : null;
    values.verificationComment = comment;
  } else if (rule.to === 'changesRequested') {
    values.verificationComment = comment;
  } else if (rule.to === 'submitted') {
    // A fresh submission is not verified by anyone yet.
    values.verifiedBy = null;
    values.verifiedOn = null;
  }
  return {
    ok: true,
    state: rule.to,
    entry: { from: state, to: rule.to, action, by: actor.email.toLowerCase(), at, comment },
    values,
  };
};

/**
 * What an edit does to the verification: a change to the purpose, the triage answers or the data
 * assets of a verified system returns it to submitted. Returns null when the state does not change.
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
