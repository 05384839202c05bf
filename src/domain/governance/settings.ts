// Settings the governance unit edits (health controls, the verification policy, the AI Act timeline), one
// item per key in a small list that only officers may write. Every reader falls back to the defaults when
// an item is missing or its JSON does not pass the same check the writer applies (never a crash).
import { z } from 'zod';
import { DEFAULT_AI_ACT_TIMELINE, parseAiActTimeline } from '../ai-act/timeline';
import type { TimelineEntry } from '../ai-act/timeline';
import { DEFAULT_HEALTH_CONTROLS, parseHealthControls } from '../health/controls';
import type { HealthControls } from '../health/controls';
import { t } from '../schema/localized';
import type { FieldDef, RecordValues } from '../schema/types';
import type { GovernanceListSchema } from './list-schema';

export const SETTING_KEYS = {
  healthControls: 'healthControls',
  verificationPolicy: 'verificationPolicy',
  aiActTimeline: 'aiActTimeline',
} as const;
export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

const fields: readonly FieldDef[] = [
  {
    name: 'Title',
    type: 'text',
    required: true,
    maxLength: 255,
    indexed: true,
    label: t('Setting', 'Paramètre', 'Parámetro', 'الإعداد'),
    help: t('Its key.', 'Sa clé.', 'Su clave.', 'مفتاحه.'),
  },
  {
    name: 'value',
    type: 'note',
    required: true,
    format: 'json',
    label: t('Value', 'Valeur', 'Valor', 'القيمة'),
    help: t(
      'JSON, checked before saving.',
      'JSON, vérifié avant enregistrement.',
      'JSON, comprobado antes de guardar.',
      'JSON يُتحقق منه قبل الحفظ.',
    ),
  },
];

export const GOVERNANCE_SETTINGS: GovernanceListSchema = {
  id: 'governanceSettings',
  listName: 'GovernanceSettings',
  displayName: t(
    'Governance settings',
    'Paramètres de gouvernance',
    'Configuración de gobernanza',
    'إعدادات الحوكمة',
  ),
  description: t(
    'Health controls and other settings of the governance unit.',
    'Contrôles de santé et autres paramètres de l’unité de gouvernance.',
    'Controles de salud y otros ajustes de la unidad de gobernanza.',
    'ضوابط السلامة وإعدادات أخرى لوحدة الحوكمة.',
  ),
  fields,
  writers: 'officers',
};

/** The stored controls, or the defaults when none are stored or the stored JSON is not valid. */
export const healthControlsFrom = (values: RecordValues | undefined): HealthControls => {
  if (!values || typeof values.value !== 'string') return DEFAULT_HEALTH_CONTROLS;
  try {
    const r = parseHealthControls(JSON.parse(values.value));
    return r.ok ? r.value : DEFAULT_HEALTH_CONTROLS;
  } catch {
    return DEFAULT_HEALTH_CONTROLS;
  }
};

export const healthControlsValues = (controls: HealthControls): RecordValues => ({
  Title: SETTING_KEYS.healthControls,
  value: JSON.stringify(controls),
});

/** Separation of duties (issue 17): one officer may submit and verify alone only if the unit says so. */
export interface VerificationPolicy {
  readonly allowSingleOfficer: boolean;
}

export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = { allowSingleOfficer: false };

const verificationPolicySchema = z.object({ allowSingleOfficer: z.boolean() }).strict();

const jsonOf = (values: RecordValues | undefined): unknown => {
  if (!values || typeof values.value !== 'string') return undefined;
  try {
    return JSON.parse(values.value);
  } catch {
    return undefined;
  }
};

export const verificationPolicyFrom = (values: RecordValues | undefined): VerificationPolicy => {
  const r = verificationPolicySchema.safeParse(jsonOf(values));
  return r.success ? r.data : DEFAULT_VERIFICATION_POLICY;
};

/** The AI Act timeline as the officers keep it, or the built-in one (timeline.ts) when none is valid. */
export const aiActTimelineFrom = (values: RecordValues | undefined): readonly TimelineEntry[] => {
  const data = jsonOf(values);
  if (data === undefined) return DEFAULT_AI_ACT_TIMELINE;
  const r = parseAiActTimeline(data);
  return r.ok ? r.value : DEFAULT_AI_ACT_TIMELINE;
};

/**
 * Checks the JSON of a settings item before it is written (the write service and the tab call it): the
 * value must pass the check its key's reader applies, so a typo never silently resets a setting.
 */
export const checkSettingValue = (
  key: string,
  json: string,
): { readonly ok: true } | { readonly ok: false; readonly issues: readonly string[] } => {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, issues: ['invalidJson'] };
  }
  if (key === SETTING_KEYS.healthControls) {
    const r = parseHealthControls(data);
    return r.ok ? { ok: true } : { ok: false, issues: r.issues.map((i) => `${i.path}: ${i.message}`) };
  }
  if (key === SETTING_KEYS.aiActTimeline) {
    const r = parseAiActTimeline(data);
    return r.ok ? { ok: true } : { ok: false, issues: r.issues.map((i) => `${i.path}: ${i.message}`) };
  }
  if (key === SETTING_KEYS.verificationPolicy) {
    const r = verificationPolicySchema.safeParse(data);
    return r.success ? { ok: true } : { ok: false, issues: r.error.issues.map((i) => i.message) };
  }
  return { ok: false, issues: ['unknownKey'] };
};

export const settingValues = (key: SettingKey, value: unknown): RecordValues => ({
  Title: key,
  value: JSON.stringify(value),
});
