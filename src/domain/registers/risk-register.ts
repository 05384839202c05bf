// The risk register: one item per risk or compliance finding. governance-domain.md §4.
import { t } from '../schema/localized';
import type { FieldDef, Localized, RegisterSchema } from '../schema/types';
import {
  choicesOf,
  lastReviewedByField,
  lastReviewedField,
  missionField,
  regionField,
  reviewCycleField,
  titleField,
} from './common-fields';

export type RiskId = string & { readonly __brand: 'RiskId' };
export const isRiskId = (value: unknown): value is RiskId =>
  typeof value === 'string' && /^[1-9][0-9]*$/.test(value);

const scale = (name: string, label: Localized, help: Localized, required: boolean): FieldDef => ({
  name,
  type: 'number',
  required,
  integer: true,
  min: 1,
  max: 5,
  label,
  help,
});

const LIKELIHOOD_HELP = t(
  '1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain.',
  '1 rare, 2 peu probable, 3 possible, 4 probable, 5 presque certain.',
  '1 raro, 2 improbable, 3 posible, 4 probable, 5 casi seguro.',
  '1 نادر، 2 غير مرجَّح، 3 ممكن، 4 مرجَّح، 5 شبه مؤكد.',
);
const IMPACT_HELP = t(
  '1 negligible, 2 minor, 3 moderate, 4 major, 5 severe.',
  '1 négligeable, 2 mineur, 3 modéré, 4 majeur, 5 grave.',
  '1 insignificante, 2 menor, 3 moderado, 4 mayor, 5 grave.',
  '1 ضئيل، 2 طفيف، 3 متوسط، 4 كبير، 5 جسيم.',
);

// relatedItem: a SharePoint lookup column targets exactly one list, so the "related record" is two
// lookups, one into each register. Unlike a free-text reference, SharePoint then keeps the link valid
// (and shows the target's title), and each can be filtered on. `source` says which one is required.
const fields: readonly FieldDef[] = [
  titleField(
    t('Risk or finding', 'Risque ou constat', 'Riesgo o hallazgo', 'الخطر أو الملاحظة'),
    t(
      'A short statement of the risk: cause, event, consequence.',
      'Un énoncé court du risque : cause, événement, conséquence.',
      'Un enunciado breve del riesgo: causa, evento, consecuencia.',
      'بيان موجز للخطر: السبب والحدث والنتيجة.',
    ),
  ),
  {
    name: 'source',
    type: 'choice',
    required: true,
    indexed: true,
    ...choicesOf([
      ['Assessment', t('Assessment', 'Évaluation', 'Evaluación', 'تقييم')],
      ['AI system', t('AI system', 'Système d’IA', 'Sistema de IA', 'نظام ذكاء اصطناعي')],
      ['Data asset', t('Data asset', 'Actif de données', 'Activo de datos', 'أصل بيانات')],
      ['Audit', t('Audit', 'Audit', 'Auditoría', 'تدقيق')],
      ['Incident', t('Incident', 'Incident', 'Incidente', 'حادث')],
    ]),
    label: t('Source', 'Source', 'Origen', 'المصدر'),
    help: t(
      'Where the risk was found.',
      'Où le risque a été identifié.',
      'Dónde se detectó el riesgo.',
      'المكان الذي رُصد فيه الخطر.',
    ),
  },
  {
    name: 'relatedAsset',
    type: 'lookup',
    required: { field: 'source', oneOf: ['Data asset'] },
    lookupRegister: 'dataInventory',
    indexed: true,
    label: t(
      'Related data asset',
      'Actif de données concerné',
      'Activo de datos relacionado',
      'أصل البيانات المرتبط',
    ),
    help: t(
      'The data inventory item the risk concerns.',
      'L’élément de l’inventaire des données concerné par le risque.',
      'El elemento del inventario de datos al que se refiere el riesgo.',
      'عنصر جرد البيانات الذي يتعلق به الخطر.',
    ),
  },
  {
    name: 'relatedSystem',
    type: 'lookup',
    required: { field: 'source', oneOf: ['AI system'] },
    lookupRegister: 'aiRegistry',
    indexed: true,
    label: t(
      'Related AI system',
      'Système d’IA concerné',
      'Sistema de IA relacionado',
      'نظام الذكاء الاصطناعي المرتبط',
    ),
    help: t(
      'The AI registry item the risk concerns.',
      'L’élément du registre de l’IA concerné par le risque.',
      'El elemento del registro de IA al que se refiere el riesgo.',
      'عنصر سجل الذكاء الاصطناعي الذي يتعلق به الخطر.',
    ),
  },
  missionField,
  regionField,
  {
    name: 'description',
    type: 'note',
    required: true,
    label: t('Description', 'Description', 'Descripción', 'الوصف'),
    help: t(
      'What could happen, and why it matters.',
      'Ce qui pourrait arriver, et pourquoi c’est important.',
      'Qué podría ocurrir y por qué importa.',
      'ما قد يحدث، ولماذا يهم.',
    ),
  },
  {
    name: 'evidence',
    type: 'url',
    required: false,
    multiple: true,
    label: t('Evidence', 'Éléments probants', 'Evidencias', 'الأدلة'),
    help: t(
      'Documents, screenshots, reports: one link per line.',
      'Documents, captures d’écran, rapports : un lien par ligne.',
      'Documentos, capturas de pantalla, informes: un enlace por línea.',
      'مستندات أو لقطات شاشة أو تقارير: رابط واحد في كل سطر.',
    ),
  },
  scale(
    'likelihood',
    t('Inherent likelihood', 'Probabilité inhérente', 'Probabilidad inherente', 'الاحتمالية الكامنة'),
    LIKELIHOOD_HELP,
    true,
  ),
  scale(
    'impact',
    t('Inherent impact', 'Impact inhérent', 'Impacto inherente', 'الأثر الكامن'),
    IMPACT_HELP,
    true,
  ),
  scale(
    'residualLikelihood',
    t('Residual likelihood', 'Probabilité résiduelle', 'Probabilidad residual', 'الاحتمالية المتبقية'),
    LIKELIHOOD_HELP,
    false,
  ),
  scale(
    'residualImpact',
    t('Residual impact', 'Impact résiduel', 'Impacto residual', 'الأثر المتبقي'),
    IMPACT_HELP,
    false,
  ),
  {
    name: 'treatment',
    type: 'choice',
    required: { field: 'status', oneOf: ['In treatment', 'Accepted'] },
    ...choicesOf([
      ['Avoid', t('Avoid', 'Éviter', 'Evitar', 'التجنب')],
      ['Reduce', t('Reduce', 'Réduire', 'Reducir', 'التخفيف')],
      [
        'Transfer or share',
        t('Transfer or share', 'Transférer ou partager', 'Transferir o compartir', 'النقل أو المشاركة'),
      ],
      ['Accept', t('Accept', 'Accepter', 'Aceptar', 'القبول')],
    ]),
    label: t('Treatment', 'Traitement', 'Tratamiento', 'المعالجة'),
    help: t(
      'ISO 31000 treatment option.',
      'Option de traitement selon ISO 31000.',
      'Opción de tratamiento según ISO 31000.',
      'خيار المعالجة وفق معيار ISO 31000.',
    ),
  },
  {
    name: 'actions',
    type: 'note',
    required: false,
    label: t('Actions', 'Actions', 'Acciones', 'الإجراءات'),
    help: t(
      'What is being done, by whom.',
      'Ce qui est fait, et par qui.',
      'Qué se está haciendo y quién lo hace.',
      'ما يجري تنفيذه، ومن يتولاه.',
    ),
  },
  {
    name: 'owner',
    type: 'person',
    required: true,
    indexed: true,
    label: t('Risk owner', 'Propriétaire du risque', 'Propietario del riesgo', 'مالك الخطر'),
    help: t(
      'Accountable for treating the risk and keeping this record current.',
      'Responsable du traitement du risque et de la mise à jour de cet enregistrement.',
      'Responsable de tratar el riesgo y de mantener este registro al día.',
      'المسؤول عن معالجة الخطر وتحديث هذا السجل.',
    ),
  },
  {
    name: 'dueDate',
    type: 'date',
    required: { field: 'status', oneOf: ['In treatment'] },
    indexed: true,
    label: t('Due date', 'Échéance', 'Fecha límite', 'تاريخ الاستحقاق'),
    help: t(
      'When the treatment should be complete.',
      'Date à laquelle le traitement doit être terminé.',
      'Fecha en que debe completarse el tratamiento.',
      'الموعد المقرر لإتمام المعالجة.',
    ),
  },
  {
    name: 'status',
    type: 'choice',
    required: true,
    indexed: true,
    ...choicesOf([
      ['Open', t('Open', 'Ouvert', 'Abierto', 'مفتوح')],
      ['In treatment', t('In treatment', 'En traitement', 'En tratamiento', 'قيد المعالجة')],
      ['Accepted', t('Accepted', 'Accepté', 'Aceptado', 'مقبول')],
      ['Closed', t('Closed', 'Clos', 'Cerrado', 'مغلق')],
    ]),
    label: t('Status', 'Statut', 'Estado', 'الحالة'),
    help: t(
      'Where the risk stands.',
      'Où en est le risque.',
      'En qué punto está el riesgo.',
      'الوضع الحالي للخطر.',
    ),
  },
  reviewCycleField,
  lastReviewedField,
  lastReviewedByField,
];

export const RISK_REGISTER: RegisterSchema = {
  id: 'riskRegister',
  listName: 'RiskRegister',
  displayName: t('Risk register', 'Registre des risques', 'Registro de riesgos', 'سجل المخاطر'),
  description: t(
    'One item per risk or compliance finding, scored by likelihood and impact.',
    'Un élément par risque ou constat de conformité, évalué selon la probabilité et l’impact.',
    'Un elemento por riesgo o hallazgo de cumplimiento, valorado por probabilidad e impacto.',
    'عنصر واحد لكل خطر أو ملاحظة امتثال، مُقيَّم حسب الاحتمالية والأثر.',
  ),
  version: 1,
  fields,
  // The risk owner keeps the record: there is no separate custodian in §4.
  custodianField: 'owner',
  ownerFields: ['owner'],
  missionField: 'mission',
  regionField: 'region',
  classificationFields: ['likelihood', 'impact'],
  lastReviewedField: 'lastReviewed',
  lastReviewedByField: 'lastReviewedBy',
  // Live risks are monitored quarterly (ISO 31000 "monitoring and review"); settled ones yearly.
  reviewCycle: {
    cycleField: 'reviewCycle',
    defaults: [{ cycle: 'Annual', whenAny: [{ field: 'status', oneOf: ['Accepted', 'Closed'] }] }],
    fallback: 'Quarterly',
  },
};
