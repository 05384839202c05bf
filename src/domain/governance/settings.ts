// Settings the governance unit edits in the tab (health controls), one item per key in a small list that
// only officers may write.
import { DEFAULT_HEALTH_CONTROLS, parseHealthControls } from '../health/controls';
import type { HealthControls } from '../health/controls';
import { t } from '../schema/localized';
import type { FieldDef, RecordValues } from '../schema/types';
import type { GovernanceListSchema } from './list-schema';

export const SETTING_KEYS = { healthControls: 'healthControls' } as const;

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
