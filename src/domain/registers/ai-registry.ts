// The AI registry: one item per AI system in use. governance-domain.md §2.
import { ALL_GROUNDS } from '../ai-act/questions';
import { t } from '../schema/localized';
import type { FieldDef, Localized, RegisterSchema } from '../schema/types';
import {
  choicesOf,
  clientKeyField,
  lastReviewedByField,
  lastReviewedField,
  missionField,
  regionField,
  reviewCycleField,
  titleField,
} from './common-fields';

export type AiSystemId = string & { readonly __brand: 'AiSystemId' };
export const isAiSystemId = (value: unknown): value is AiSystemId =>
  typeof value === 'string' && /^[1-9][0-9]*$/.test(value);

/** Stored values of the risk tier column, keyed by the tier ids the triage returns. */
export const RISK_TIER_CHOICE = {
  prohibited: 'Prohibited',
  high: 'High',
  limited: 'Limited',
  minimal: 'Minimal',
} as const;

/** Stored values of the verification column, keyed by workflow state. */
export const VERIFICATION_CHOICE = {
  draft: 'Draft',
  submitted: 'Submitted',
  verified: 'Verified',
  changesRequested: 'Changes requested',
} as const;

// Article references read the same in every language; only the "Art" abbreviation would change,
// and officers asked for the citation exactly as written in the Regulation's English text.
const groundLabels: Readonly<Record<string, Localized>> = Object.fromEntries(
  ALL_GROUNDS.map((g) => [g, t(g, g, g, g)]),
);

const fields: readonly FieldDef[] = [
  titleField(
    t('System name', 'Nom du système', 'Nombre del sistema', 'اسم النظام'),
    t(
      'The name people use for the AI system.',
      'Le nom sous lequel le système d’IA est connu.',
      'El nombre con el que se conoce el sistema de IA.',
      'الاسم المتداول لنظام الذكاء الاصطناعي.',
    ),
  ),
  {
    name: 'purpose',
    type: 'note',
    required: true,
    label: t('Intended purpose', 'Finalité prévue', 'Finalidad prevista', 'الغرض المقصود'),
    help: t(
      'What it is used for, by whom, and on whom (the AI Act’s "intended purpose").',
      'À quoi il sert, par qui et à l’égard de qui (la « destination » au sens du règlement sur l’IA).',
      'Para qué se usa, quién lo usa y sobre quién (la «finalidad prevista» del Reglamento de IA).',
      'الغرض من استخدامه، ومن يستخدمه، ومن يُطبَّق عليه (مفهوم «الغرض المقصود» في قانون الذكاء الاصطناعي).',
    ),
  },
  {
    name: 'provider',
    type: 'text',
    required: true,
    label: t('Provider / vendor', 'Fournisseur', 'Proveedor', 'المورِّد / البائع'),
    help: t(
      'Who built or sells the system.',
      'Qui a développé ou vend le système.',
      'Quién desarrolló o vende el sistema.',
      'الجهة التي طوّرت النظام أو تبيعه.',
    ),
  },
  {
    name: 'deploymentStatus',
    type: 'choice',
    required: true,
    indexed: true,
    ...choicesOf([
      ['Idea', t('Idea', 'Idée', 'Idea', 'فكرة')],
      ['Pilot', t('Pilot', 'Pilote', 'Piloto', 'تجريبي')],
      ['In production', t('In production', 'En production', 'En producción', 'قيد التشغيل')],
      ['Retired', t('Retired', 'Retiré', 'Retirado', 'متوقف')],
    ]),
    label: t('Status', 'Statut', 'Estado', 'الحالة'),
    help: t(
      'Where the system is in its life.',
      'Étape du cycle de vie du système.',
      'Etapa del ciclo de vida del sistema.',
      'مرحلة النظام في دورة حياته.',
    ),
  },
  missionField,
  regionField,
  {
    name: 'custodian',
    type: 'person',
    required: true,
    indexed: true,
    label: t('Custodian', 'Dépositaire', 'Custodio', 'الأمين'),
    help: t(
      'Keeps this record accurate and answers reminders.',
      'Tient cet enregistrement à jour et répond aux rappels.',
      'Mantiene este registro al día y responde a los recordatorios.',
      'يحافظ على دقة هذا السجل ويرد على التذكيرات.',
    ),
  },
  {
    name: 'businessOwner',
    type: 'person',
    required: true,
    indexed: true,
    label: t('Business owner', 'Responsable métier', 'Responsable de negocio', 'المالك التشغيلي'),
    help: t(
      'The manager accountable for the system’s use.',
      'Le responsable redevable de l’utilisation du système.',
      'La persona responsable del uso del sistema.',
      'المدير المسؤول عن استخدام النظام.',
    ),
  },
  {
    name: 'aiActRole',
    type: 'choice',
    required: true,
    ...choicesOf([
      ['Provider', t('Provider', 'Fournisseur', 'Proveedor', 'مورِّد')],
      ['Deployer', t('Deployer', 'Déployeur', 'Responsable del despliegue', 'ناشر')],
      ['Importer', t('Importer', 'Importateur', 'Importador', 'مستورِد')],
      ['Distributor', t('Distributor', 'Distributeur', 'Distribuidor', 'موزِّع')],
    ]),
    label: t(
      'Our role under the AI Act',
      'Notre rôle au titre du règlement sur l’IA',
      'Nuestro papel según el Reglamento de IA',
      'دورنا بموجب قانون الذكاء الاصطناعي',
    ),
    help: t(
      'Most systems we use make us a deployer.',
      'Pour la plupart des systèmes utilisés, nous sommes déployeur.',
      'En la mayoría de los sistemas que usamos somos responsables del despliegue.',
      'في معظم الأنظمة التي نستخدمها نكون في دور الناشر.',
    ),
  },
  {
    name: 'dataAssets',
    type: 'lookup',
    required: false,
    multiple: true,
    lookupRegister: 'dataInventory',
    label: t(
      'Data assets used',
      'Actifs de données utilisés',
      'Activos de datos utilizados',
      'أصول البيانات المستخدمة',
    ),
    help: t(
      'Items of the data inventory the system reads or produces.',
      'Éléments de l’inventaire des données que le système lit ou produit.',
      'Elementos del inventario de datos que el sistema lee o produce.',
      'عناصر جرد البيانات التي يقرأها النظام أو ينتجها.',
    ),
  },
  {
    name: 'triageAnswers',
    type: 'note',
    required: false,
    format: 'json',
    system: true,
    label: t('Triage answers', 'Réponses au questionnaire de tri', 'Respuestas del triaje', 'إجابات الفرز'),
    help: t(
      'The answers to the EU AI Act triage questions, as recorded.',
      'Les réponses aux questions de tri du règlement européen sur l’IA, telles qu’enregistrées.',
      'Las respuestas a las preguntas de triaje del Reglamento europeo de IA, tal como se registraron.',
      'الإجابات عن أسئلة الفرز الخاصة بقانون الاتحاد الأوروبي للذكاء الاصطناعي كما سُجِّلت.',
    ),
  },
  {
    name: 'riskTier',
    type: 'choice',
    required: false,
    indexed: true,
    ...choicesOf([
      [RISK_TIER_CHOICE.prohibited, t('Prohibited', 'Interdit', 'Prohibido', 'محظور')],
      [RISK_TIER_CHOICE.high, t('High risk', 'Haut risque', 'Alto riesgo', 'عالي المخاطر')],
      [RISK_TIER_CHOICE.limited, t('Limited risk', 'Risque limité', 'Riesgo limitado', 'محدود المخاطر')],
      [RISK_TIER_CHOICE.minimal, t('Minimal risk', 'Risque minimal', 'Riesgo mínimo', 'أدنى المخاطر')],
    ]),
    label: t(
      'Risk tier (proposed)',
      'Niveau de risque (proposé)',
      'Nivel de riesgo (propuesto)',
      'مستوى المخاطر (المقترح)',
    ),
    help: t(
      'Proposed by the triage; confirmed when a governance officer verifies it.',
      'Proposé par le tri ; confirmé lorsqu’un responsable de la gouvernance le vérifie.',
      'Propuesto por el triaje; se confirma cuando un responsable de gobernanza lo verifica.',
      'يقترحه الفرز، ويُعتمد عندما يتحقق منه مسؤول الحوكمة.',
    ),
  },
  {
    name: 'gpai',
    type: 'boolean',
    required: false,
    label: t(
      'General-purpose AI model involved',
      'Modèle d’IA à usage général utilisé',
      'Utiliza un modelo de IA de uso general',
      'يتضمن نموذج ذكاء اصطناعي للأغراض العامة',
    ),
    help: t(
      'The system is, or is built on, a general-purpose AI model such as a large language model (Art 3(63)).',
      'Le système est, ou repose sur, un modèle d’IA à usage général, p. ex. un grand modèle de langage (Art 3(63)).',
      'El sistema es, o se basa en, un modelo de IA de uso general, p. ej. un gran modelo de lenguaje (Art 3(63)).',
      'النظام هو نموذج ذكاء اصطناعي للأغراض العامة أو مبني عليه، مثل نموذج لغوي كبير (المادة 3(63)).',
    ),
  },
  {
    name: 'articles',
    type: 'multiChoice',
    required: false,
    choices: ALL_GROUNDS,
    choiceLabels: groundLabels,
    label: t('Grounds', 'Fondements', 'Fundamentos', 'الأسانيد'),
    help: t(
      'The AI Act provisions the tier rests on.',
      'Les dispositions du règlement sur l’IA sur lesquelles repose le niveau.',
      'Las disposiciones del Reglamento de IA en las que se basa el nivel.',
      'أحكام قانون الذكاء الاصطناعي التي يستند إليها المستوى.',
    ),
  },
  {
    name: 'verificationStatus',
    type: 'choice',
    required: true,
    indexed: true,
    officerOnlyChoices: [VERIFICATION_CHOICE.verified, VERIFICATION_CHOICE.changesRequested],
    ...choicesOf([
      [VERIFICATION_CHOICE.draft, t('Draft', 'Brouillon', 'Borrador', 'مسودة')],
      [VERIFICATION_CHOICE.submitted, t('Submitted', 'Soumis', 'Enviado', 'مُقدَّم')],
      [VERIFICATION_CHOICE.verified, t('Verified', 'Vérifié', 'Verificado', 'تم التحقق')],
      [
        VERIFICATION_CHOICE.changesRequested,
        t('Changes requested', 'Modifications demandées', 'Cambios solicitados', 'مطلوب تعديلات'),
      ],
    ]),
    label: t('Verification', 'Vérification', 'Verificación', 'التحقق'),
    help: t(
      'Only governance officers may verify or request changes.',
      'Seuls les responsables de la gouvernance peuvent vérifier ou demander des modifications.',
      'Solo los responsables de gobernanza pueden verificar o solicitar cambios.',
      'لا يحق إلا لمسؤولي الحوكمة التحقق أو طلب التعديلات.',
    ),
  },
  {
    // Kept with the submission so the officer reads why it was submitted (governance-domain.md §2).
    name: 'submissionComment',
    type: 'note',
    required: false,
    label: t(
      'Submitter’s comment',
      'Commentaire de la soumission',
      'Comentario del envío',
      'تعليق مقدِّم الطلب',
    ),
    help: t(
      'What the custodian or focal point said when submitting the tier for verification.',
      'Ce que le dépositaire ou le point focal a indiqué en soumettant le niveau à vérification.',
      'Lo que indicó el custodio o el punto focal al enviar el nivel a verificación.',
      'ما ذكره الأمين أو جهة الاتصال عند تقديم المستوى للتحقق.',
    ),
  },
  {
    name: 'verifiedBy',
    type: 'person',
    required: false,
    officerOnly: true,
    label: t('Verified by', 'Vérifié par', 'Verificado por', 'تحقق منه'),
    help: t(
      'The governance officer who verified the tier.',
      'Le responsable de la gouvernance qui a vérifié le niveau.',
      'El responsable de gobernanza que verificó el nivel.',
      'مسؤول الحوكمة الذي تحقق من المستوى.',
    ),
  },
  {
    name: 'verifiedOn',
    type: 'date',
    required: false,
    officerOnly: true,
    label: t('Verified on', 'Vérifié le', 'Verificado el', 'تاريخ التحقق'),
    help: t(
      'Date of the verification.',
      'Date de la vérification.',
      'Fecha de la verificación.',
      'تاريخ التحقق.',
    ),
  },
  {
    name: 'verificationComment',
    type: 'note',
    required: false,
    officerOnly: true,
    label: t(
      'Officer’s comment',
      'Commentaire du responsable',
      'Comentario del responsable',
      'تعليق المسؤول',
    ),
    help: t(
      'Why the tier was verified, or what must change.',
      'Pourquoi le niveau a été vérifié, ou ce qui doit changer.',
      'Por qué se verificó el nivel o qué debe cambiar.',
      'سبب التحقق من المستوى، أو ما يجب تعديله.',
    ),
  },
  {
    name: 'humanOversight',
    type: 'note',
    required: { field: 'riskTier', oneOf: [RISK_TIER_CHOICE.high] },
    label: t('Human oversight', 'Contrôle humain', 'Supervisión humana', 'الرقابة البشرية'),
    help: t(
      'Who can stop or override the system, and how. Required for high-risk systems.',
      'Qui peut arrêter ou corriger le système, et comment. Obligatoire pour les systèmes à haut risque.',
      'Quién puede detener o corregir el sistema, y cómo. Obligatorio para sistemas de alto riesgo.',
      'من يستطيع إيقاف النظام أو تجاوز قراراته، وكيف. إلزامي للأنظمة عالية المخاطر.',
    ),
  },
  {
    name: 'documentation',
    type: 'url',
    required: false,
    multiple: true,
    label: t('Documentation', 'Documentation', 'Documentación', 'الوثائق'),
    help: t(
      'DPIA, fundamental rights impact assessment (Art 27), vendor documents, model card: one link per line.',
      'AIPD, analyse d’impact sur les droits fondamentaux (Art 27), documents du fournisseur, fiche du modèle : un lien par ligne.',
      'EIPD, evaluación de impacto en los derechos fundamentales (Art 27), documentos del proveedor, ficha del modelo: un enlace por línea.',
      'تقييم أثر حماية البيانات، وتقييم الأثر على الحقوق الأساسية (المادة 27)، ووثائق المورِّد، وبطاقة النموذج: رابط واحد في كل سطر.',
    ),
  },
  reviewCycleField,
  lastReviewedField,
  lastReviewedByField,
  clientKeyField,
];

export const AI_REGISTRY: RegisterSchema = {
  id: 'aiRegistry',
  listName: 'AiRegistry',
  displayName: t('AI registry', 'Registre de l’IA', 'Registro de IA', 'سجل الذكاء الاصطناعي'),
  description: t(
    'One item per AI system in use, with its EU AI Act classification.',
    'Un élément par système d’IA utilisé, avec sa classification au titre du règlement européen sur l’IA.',
    'Un elemento por sistema de IA en uso, con su clasificación según el Reglamento europeo de IA.',
    'عنصر واحد لكل نظام ذكاء اصطناعي مستخدم، مع تصنيفه وفق قانون الاتحاد الأوروبي للذكاء الاصطناعي.',
  ),
  version: 1,
  fields,
  custodianField: 'custodian',
  ownerFields: ['businessOwner', 'custodian'],
  missionField: 'mission',
  regionField: 'region',
  classificationFields: ['riskTier'],
  lastReviewedField: 'lastReviewed',
  lastReviewedByField: 'lastReviewedBy',
  verificationField: 'verificationStatus',
  // §5: high-risk systems quarterly, others annual. A system triaged as prohibited must be reviewed
  // (and stopped) urgently, so it gets the shortest cycle too.
  reviewCycle: {
    cycleField: 'reviewCycle',
    defaults: [{ cycle: 'Quarterly', whenAny: [{ field: 'riskTier', oneOf: ['High', 'Prohibited'] }] }],
    fallback: 'Annual',
  },
};
