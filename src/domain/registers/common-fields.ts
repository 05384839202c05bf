// Fields shared by several registers, and small builders that keep the register files readable.
import { REVIEW_CYCLES } from '../schema/types';
import { t } from '../schema/localized';
import type { FieldDef, Localized } from '../schema/types';

/** Choices and their labels from one list of [stored value, labels] pairs, so they cannot drift apart. */
export const choicesOf = (
  entries: readonly (readonly [string, Localized])[],
): { choices: readonly string[]; choiceLabels: Readonly<Record<string, Localized>> } => ({
  choices: entries.map(([value]) => value),
  choiceLabels: Object.fromEntries(entries),
});

/** SharePoint's built-in title column, relabelled per register. */
export const titleField = (label: Localized, help: Localized): FieldDef => ({
  name: 'Title',
  type: 'text',
  required: true,
  maxLength: 255,
  indexed: true,
  label,
  help,
});

export const missionField: FieldDef = {
  name: 'mission',
  type: 'choice',
  required: true,
  choiceSource: 'missions',
  indexed: true,
  label: t('Mission', 'Mission', 'Misión', 'البعثة'),
  help: t(
    'Country office or headquarters unit responsible for the record.',
    'Bureau de pays ou unité du siège responsable de l’enregistrement.',
    'Oficina en el país o unidad de la sede responsable del registro.',
    'المكتب القطري أو وحدة المقر المسؤولة عن السجل.',
  ),
};

export const regionField: FieldDef = {
  name: 'region',
  type: 'choice',
  required: true,
  choiceSource: 'regions',
  indexed: true,
  label: t('Region', 'Région', 'Región', 'المنطقة'),
  help: t(
    'Filled in from the mission when left empty.',
    'Renseignée à partir de la mission si elle est laissée vide.',
    'Se completa a partir de la misión si se deja vacía.',
    'تُملأ تلقائيًا من البعثة إذا تُركت فارغة.',
  ),
};

export const reviewCycleField: FieldDef = {
  name: 'reviewCycle',
  type: 'choice',
  required: true,
  ...choicesOf([
    [REVIEW_CYCLES[0], t('Quarterly', 'Trimestrielle', 'Trimestral', 'ربع سنوية')],
    [REVIEW_CYCLES[1], t('Semi-annual', 'Semestrielle', 'Semestral', 'نصف سنوية')],
    [REVIEW_CYCLES[2], t('Annual', 'Annuelle', 'Anual', 'سنوية')],
  ]),
  label: t('Review cycle', 'Cycle de revue', 'Ciclo de revisión', 'دورة المراجعة'),
  help: t(
    'How often the record must be confirmed. Defaults from its sensitivity or risk.',
    'Fréquence à laquelle l’enregistrement doit être confirmé. Par défaut, selon sa sensibilité ou son risque.',
    'Con qué frecuencia debe confirmarse el registro. Por defecto, según su sensibilidad o riesgo.',
    'عدد المرات التي يجب فيها تأكيد السجل. تُحدَّد افتراضيًا حسب درجة حساسيته أو مخاطره.',
  ),
};

export const lastReviewedField: FieldDef = {
  name: 'lastReviewed',
  type: 'date',
  required: true,
  indexed: true,
  label: t('Last reviewed', 'Dernière revue', 'Última revisión', 'تاريخ آخر مراجعة'),
  help: t(
    'Set when someone confirms the record is still accurate, or saves a confirmed edit.',
    'Mise à jour lorsque quelqu’un confirme que l’enregistrement est toujours exact ou enregistre une modification confirmée.',
    'Se actualiza cuando alguien confirma que el registro sigue siendo exacto o guarda una modificación confirmada.',
    'يُحدَّث عندما يؤكد شخص ما أن السجل لا يزال دقيقًا، أو يحفظ تعديلًا مؤكدًا.',
  ),
};

export const lastReviewedByField: FieldDef = {
  name: 'lastReviewedBy',
  type: 'person',
  required: false,
  system: true,
  label: t('Reviewed by', 'Revu par', 'Revisado por', 'روجع من قِبل'),
  help: t(
    'Set by the app to the person who last confirmed the record.',
    'Renseigné par l’application : la dernière personne ayant confirmé l’enregistrement.',
    'Lo completa la aplicación: la última persona que confirmó el registro.',
    'يملؤه التطبيق تلقائيًا باسم آخر شخص أكّد السجل.',
  ),
};

/**
 * A key the Excel add-in gives each new row, so that a push retried after a lost answer finds the item it
 * already created instead of creating it twice. Indexed: the add-in looks items up by it.
 */
export const clientKeyField: FieldDef = {
  name: 'clientKey',
  type: 'text',
  required: false,
  system: true,
  indexed: true,
  maxLength: 64,
  label: t('Import key', 'Clé d’import', 'Clave de importación', 'مفتاح الاستيراد'),
  help: t(
    'Set by the Excel add-in so a row is created only once.',
    'Renseignée par le complément Excel pour qu’une ligne ne soit créée qu’une fois.',
    'La completa el complemento de Excel para que una fila se cree una sola vez.',
    'يملؤه الوظيفة الإضافية لـ Excel حتى يُنشأ الصف مرة واحدة فقط.',
  ),
};
