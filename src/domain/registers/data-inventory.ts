// The data inventory (the Healthy Data Scorecard): one item per data asset. governance-domain.md §1.
import { DATA_DOMAINS, DATA_DOMAIN_LABELS } from '../reference/missions';
import { t } from '../schema/localized';
import type { FieldDef, RegisterSchema } from '../schema/types';
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

/** SharePoint list item id of a data asset (branded so it cannot be mixed with other registers' ids). */
export type DataAssetId = string & { readonly __brand: 'DataAssetId' };
export const isDataAssetId = (value: unknown): value is DataAssetId =>
  typeof value === 'string' && /^[1-9][0-9]*$/.test(value);

export const SENSITIVITY = ['Public', 'Internal', 'Confidential', 'Strictly confidential'] as const;
export type Sensitivity = (typeof SENSITIVITY)[number];

/** Recipients that sit outside the organisation and so need a data sharing agreement (publication does not). */
export const OUTSIDE_PARTIES = ['UN agency', 'Government', 'Implementing partner', 'Donor'] as const;

const fields: readonly FieldDef[] = [
  titleField(
    t('Asset name', 'Nom de l’actif', 'Nombre del activo', 'اسم الأصل'),
    t(
      'A short name people will recognise, e.g. "Registration database".',
      'Un nom court et reconnaissable, p. ex. « Base de données d’enregistrement ».',
      'Un nombre breve y reconocible, p. ej. «Base de datos de registro».',
      'اسم قصير يسهل التعرف عليه، مثل «قاعدة بيانات التسجيل».',
    ),
  ),
  {
    name: 'description',
    type: 'note',
    required: true,
    label: t('Description', 'Description', 'Descripción', 'الوصف'),
    help: t(
      'What it is and for what purpose it is kept.',
      'Ce que c’est et dans quel but il est conservé.',
      'Qué es y con qué finalidad se conserva.',
      'ما هو الأصل ولأي غرض يُحتفَظ به.',
    ),
  },
  {
    name: 'assetType',
    type: 'choice',
    required: true,
    indexed: true,
    ...choicesOf([
      ['Dataset', t('Dataset', 'Jeu de données', 'Conjunto de datos', 'مجموعة بيانات')],
      [
        'Database or system',
        t(
          'Database or system',
          'Base de données ou système',
          'Base de datos o sistema',
          'قاعدة بيانات أو نظام',
        ),
      ],
      [
        'File collection',
        t('File collection', 'Collection de fichiers', 'Colección de archivos', 'مجموعة ملفات'),
      ],
      [
        'Dashboard or report',
        t('Dashboard or report', 'Tableau de bord ou rapport', 'Panel o informe', 'لوحة معلومات أو تقرير'),
      ],
      ['API or feed', t('API or feed', 'API ou flux', 'API o flujo', 'واجهة برمجة أو موجز بيانات')],
    ]),
    label: t('Type', 'Type', 'Tipo', 'النوع'),
    help: t('What kind of asset it is.', 'Le type d’actif.', 'El tipo de activo.', 'نوع الأصل.'),
  },
  missionField,
  regionField,
  {
    name: 'domain',
    type: 'choice',
    required: true,
    indexed: true,
    choices: DATA_DOMAINS,
    choiceLabels: DATA_DOMAIN_LABELS,
    label: t('Data domain', 'Domaine de données', 'Dominio de datos', 'مجال البيانات'),
    help: t(
      'The subject area the data belongs to.',
      'Le domaine thématique auquel appartiennent les données.',
      'El ámbito temático al que pertenecen los datos.',
      'المجال الموضوعي الذي تنتمي إليه البيانات.',
    ),
  },
  {
    name: 'owner',
    type: 'person',
    required: true,
    indexed: true,
    label: t('Data owner', 'Propriétaire des données', 'Propietario de los datos', 'مالك البيانات'),
    help: t(
      'The accountable manager who decides on use and access.',
      'Le responsable redevable qui décide de l’utilisation et de l’accès.',
      'La persona responsable que decide sobre el uso y el acceso.',
      'المدير المسؤول الذي يقرر الاستخدام وصلاحيات الوصول.',
    ),
  },
  {
    name: 'custodian',
    type: 'person',
    required: true,
    indexed: true,
    label: t('Data custodian', 'Dépositaire des données', 'Custodio de los datos', 'أمين البيانات'),
    help: t(
      'Keeps the record and the data in order day to day.',
      'Tient l’enregistrement et les données à jour au quotidien.',
      'Mantiene el registro y los datos en orden en el día a día.',
      'يحافظ على السجل والبيانات منظمة في العمل اليومي.',
    ),
  },
  {
    name: 'location',
    type: 'choice',
    required: true,
    ...choicesOf([
      [
        'SharePoint or OneDrive',
        t(
          'SharePoint or OneDrive',
          'SharePoint ou OneDrive',
          'SharePoint u OneDrive',
          'SharePoint أو OneDrive',
        ),
      ],
      ['Teams', t('Teams', 'Teams', 'Teams', 'Teams')],
      ['On-premise server', t('On-premise server', 'Serveur sur site', 'Servidor local', 'خادم محلي')],
      ['Cloud service', t('Cloud service', 'Service cloud', 'Servicio en la nube', 'خدمة سحابية')],
      [
        'Partner system',
        t('Partner system', 'Système d’un partenaire', 'Sistema de un socio', 'نظام تابع لشريك'),
      ],
      ['Paper', t('Paper', 'Papier', 'Papel', 'ورقي')],
    ]),
    label: t('Storage location', 'Lieu de stockage', 'Ubicación de almacenamiento', 'مكان التخزين'),
    help: t(
      'Where the data is kept.',
      'Où les données sont conservées.',
      'Dónde se guardan los datos.',
      'المكان الذي تُحفَظ فيه البيانات.',
    ),
  },
  {
    // A single URL in a text column (v2): Graph refuses writes to hyperlink columns (graph-lists.md §10).
    name: 'systemUrl',
    type: 'url',
    required: false,
    label: t('System or URL', 'Système ou URL', 'Sistema o URL', 'النظام أو الرابط'),
    help: t(
      'Link to the system, site or folder that holds the data.',
      'Lien vers le système, le site ou le dossier qui contient les données.',
      'Enlace al sistema, sitio o carpeta que contiene los datos.',
      'رابط النظام أو الموقع أو المجلد الذي يحتوي على البيانات.',
    ),
  },
  {
    name: 'hostingCountry',
    type: 'text',
    required: false,
    maxLength: 100,
    label: t('Hosting country', 'Pays d’hébergement', 'País de alojamiento', 'بلد الاستضافة'),
    help: t(
      'Country where the data is physically hosted, for cross-border transfer questions.',
      'Pays où les données sont physiquement hébergées, pour les questions de transfert transfrontière.',
      'País donde se alojan físicamente los datos, para las cuestiones de transferencia transfronteriza.',
      'البلد الذي تُستضاف فيه البيانات فعليًا، لمسائل النقل عبر الحدود.',
    ),
  },
  {
    name: 'sensitivity',
    type: 'choice',
    required: true,
    indexed: true,
    ...choicesOf([
      [SENSITIVITY[0], t('Public', 'Public', 'Público', 'عام')],
      [SENSITIVITY[1], t('Internal', 'Interne', 'Interno', 'داخلي')],
      [SENSITIVITY[2], t('Confidential', 'Confidentiel', 'Confidencial', 'سري')],
      [
        SENSITIVITY[3],
        t('Strictly confidential', 'Strictement confidentiel', 'Estrictamente confidencial', 'سري للغاية'),
      ],
    ]),
    label: t('Sensitivity', 'Sensibilité', 'Sensibilidad', 'درجة الحساسية'),
    help: t(
      'Information sensitivity level (ST/SGB/2007/6, with "internal" added).',
      'Niveau de sensibilité de l’information (ST/SGB/2007/6, avec le niveau « interne » en plus).',
      'Nivel de sensibilidad de la información (ST/SGB/2007/6, con el nivel «interno» añadido).',
      'مستوى حساسية المعلومات (وفق ST/SGB/2007/6 مع إضافة مستوى «داخلي»).',
    ),
  },
  {
    name: 'containsPersonalData',
    type: 'boolean',
    required: true,
    indexed: true,
    label: t('Personal data', 'Données personnelles', 'Datos personales', 'بيانات شخصية'),
    help: t(
      'Does it hold information about an identified or identifiable person?',
      'Contient-il des informations sur une personne identifiée ou identifiable ?',
      '¿Contiene información sobre una persona identificada o identificable?',
      'هل يحتوي على معلومات عن شخص محدَّد الهوية أو يمكن تحديد هويته؟',
    ),
  },
  {
    name: 'dataSubjects',
    type: 'multiChoice',
    required: { field: 'containsPersonalData', oneOf: [true] },
    ...choicesOf([
      [
        'Beneficiaries and migrants',
        t(
          'Beneficiaries and migrants',
          'Bénéficiaires et migrants',
          'Beneficiarios y migrantes',
          'المستفيدون والمهاجرون',
        ),
      ],
      ['Children', t('Children', 'Enfants', 'Niños', 'الأطفال')],
      ['Staff', t('Staff', 'Personnel', 'Personal', 'الموظفون')],
      ['Partners', t('Partners', 'Partenaires', 'Socios', 'الشركاء')],
      ['Public', t('Public', 'Grand public', 'Público en general', 'عامة الناس')],
    ]),
    label: t('Data subjects', 'Personnes concernées', 'Interesados', 'أصحاب البيانات'),
    help: t(
      'Whose personal data it holds. Required when it holds personal data.',
      'Les personnes dont il contient les données. Obligatoire en cas de données personnelles.',
      'De quién son los datos personales. Obligatorio si contiene datos personales.',
      'الأشخاص الذين تخصهم البيانات الشخصية. إلزامي عند وجود بيانات شخصية.',
    ),
  },
  {
    name: 'specialCategories',
    type: 'multiChoice',
    required: false,
    ...choicesOf([
      ['Health', t('Health', 'Santé', 'Salud', 'الصحة')],
      ['Biometric', t('Biometric', 'Biométrie', 'Biometría', 'البيانات البيومترية')],
      ['Ethnicity', t('Ethnicity', 'Origine ethnique', 'Origen étnico', 'الأصل العرقي')],
      ['Religion', t('Religion', 'Religion', 'Religión', 'الدين')],
      [
        'Sexual orientation',
        t('Sexual orientation', 'Orientation sexuelle', 'Orientación sexual', 'التوجه الجنسي'),
      ],
      [
        'Criminal',
        t('Criminal records', 'Antécédents judiciaires', 'Antecedentes penales', 'السوابق الجنائية'),
      ],
      [
        'Protection status',
        t('Protection status', 'Statut de protection', 'Estatuto de protección', 'وضع الحماية'),
      ],
    ]),
    label: t(
      'Sensitive personal data',
      'Données personnelles sensibles',
      'Datos personales sensibles',
      'بيانات شخصية حساسة',
    ),
    help: t(
      'Special categories whose misuse could cause serious harm.',
      'Catégories particulières dont l’utilisation abusive pourrait causer un préjudice grave.',
      'Categorías especiales cuyo uso indebido podría causar daños graves.',
      'الفئات الخاصة التي قد يُلحق سوء استخدامها ضررًا جسيمًا.',
    ),
  },
  {
    name: 'legalBasis',
    type: 'choice',
    required: { field: 'containsPersonalData', oneOf: [true] },
    ...choicesOf([
      ['Consent', t('Consent', 'Consentement', 'Consentimiento', 'الموافقة')],
      ['Vital interest', t('Vital interest', 'Intérêt vital', 'Interés vital', 'المصلحة الحيوية')],
      [
        'Best interest of the person',
        t(
          'Best interest of the person',
          'Intérêt supérieur de la personne',
          'Interés superior de la persona',
          'المصلحة الفضلى للشخص',
        ),
      ],
      [
        'Mandate or public interest',
        t(
          'Mandate or public interest',
          'Mandat ou intérêt public',
          'Mandato o interés público',
          'الولاية أو المصلحة العامة',
        ),
      ],
      ['Contract', t('Contract', 'Contrat', 'Contrato', 'العقد')],
      [
        'Legitimate interest',
        t('Legitimate interest', 'Intérêt légitime', 'Interés legítimo', 'المصلحة المشروعة'),
      ],
    ]),
    label: t('Legal basis', 'Base légitime', 'Base legítima', 'الأساس القانوني'),
    help: t(
      'The basis for processing personal data (UN and IOM data protection principles).',
      'Le fondement du traitement des données personnelles (principes de protection des données de l’ONU et de l’OIM).',
      'El fundamento del tratamiento de datos personales (principios de protección de datos de la ONU y la OIM).',
      'الأساس الذي تُعالَج بموجبه البيانات الشخصية (مبادئ حماية البيانات للأمم المتحدة والمنظمة الدولية للهجرة).',
    ),
  },
  {
    name: 'retention',
    type: 'text',
    required: true,
    label: t('Retention period', 'Durée de conservation', 'Plazo de conservación', 'مدة الاحتفاظ'),
    help: t(
      'How long it is kept, e.g. "7 years after case closure".',
      'Combien de temps il est conservé, p. ex. « 7 ans après la clôture du dossier ».',
      'Cuánto tiempo se conserva, p. ej. «7 años tras el cierre del caso».',
      'مدة الاحتفاظ به، مثل «7 سنوات بعد إغلاق الحالة».',
    ),
  },
  {
    name: 'sharedWith',
    type: 'multiChoice',
    required: false,
    ...choicesOf([
      [
        'UN agency',
        t(
          'UN agency',
          'Agence des Nations Unies',
          'Organismo de las Naciones Unidas',
          'وكالة تابعة للأمم المتحدة',
        ),
      ],
      ['Government', t('Government', 'Gouvernement', 'Gobierno', 'الحكومة')],
      [
        'Implementing partner',
        t('Implementing partner', 'Partenaire d’exécution', 'Socio ejecutor', 'شريك منفِّذ'),
      ],
      ['Donor', t('Donor', 'Donateur', 'Donante', 'جهة مانحة')],
      ['Public', t('Published openly', 'Publié ouvertement', 'Publicado abiertamente', 'منشور للعموم')],
    ]),
    label: t('Shared with', 'Partagé avec', 'Compartido con', 'تتم مشاركته مع'),
    help: t(
      'Who outside the mission receives the data.',
      'Qui, en dehors de la mission, reçoit les données.',
      'Quién, fuera de la misión, recibe los datos.',
      'الجهات التي تتلقى البيانات من خارج البعثة.',
    ),
  },
  {
    name: 'sharingAgreementUrl',
    type: 'url',
    required: { field: 'sharedWith', oneOf: OUTSIDE_PARTIES },
    label: t(
      'Data sharing agreement',
      'Accord de partage de données',
      'Acuerdo de intercambio de datos',
      'اتفاقية تبادل البيانات',
    ),
    help: t(
      'Link to the signed agreement. Required when shared with an outside party.',
      'Lien vers l’accord signé. Obligatoire en cas de partage avec une partie extérieure.',
      'Enlace al acuerdo firmado. Obligatorio si se comparte con una parte externa.',
      'رابط الاتفاقية الموقَّعة. إلزامي عند المشاركة مع جهة خارجية.',
    ),
  },
  reviewCycleField,
  lastReviewedField,
  lastReviewedByField,
  clientKeyField,
];

export const DATA_INVENTORY: RegisterSchema = {
  id: 'dataInventory',
  listName: 'DataInventory',
  displayName: t('Data inventory', 'Inventaire des données', 'Inventario de datos', 'جرد البيانات'),
  description: t(
    'One item per data asset: who keeps it, where it lives, how sensitive it is.',
    'Un élément par actif de données : qui le tient, où il se trouve, quelle est sa sensibilité.',
    'Un elemento por activo de datos: quién lo mantiene, dónde está y qué tan sensible es.',
    'عنصر واحد لكل أصل بيانات: من يحتفظ به، وأين يوجد، وما مدى حساسيته.',
  ),
  version: 2,
  migrations: [
    {
      // v1 kept these in hyperlink columns, which Graph can read but not write (graph-lists.md §10).
      version: 2,
      movedFields: [
        { from: 'system', to: 'systemUrl', fromShape: 'hyperlink' },
        { from: 'dataSharingAgreement', to: 'sharingAgreementUrl', fromShape: 'hyperlink' },
      ],
    },
  ],
  fields,
  custodianField: 'custodian',
  ownerFields: ['owner', 'custodian'],
  missionField: 'mission',
  regionField: 'region',
  domainField: 'domain',
  classificationFields: ['sensitivity'],
  lastReviewedField: 'lastReviewed',
  lastReviewedByField: 'lastReviewedBy',
  // governance-domain.md §5: the strictest matching rule wins.
  reviewCycle: {
    cycleField: 'reviewCycle',
    defaults: [
      {
        cycle: 'Quarterly',
        whenAny: [
          { field: 'sensitivity', oneOf: ['Strictly confidential'] },
          { field: 'specialCategories', filled: true },
        ],
      },
      {
        cycle: 'Semi-annual',
        whenAny: [
          { field: 'sensitivity', oneOf: ['Confidential'] },
          { field: 'containsPersonalData', oneOf: [true] },
        ],
      },
    ],
    fallback: 'Annual',
  },
};
