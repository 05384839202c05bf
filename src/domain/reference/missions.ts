// The reference catalogue: regions, missions (country offices and HQ units) and data domains.
// Records store the stable `id`; `code` is the short code shown in Excel and reports.
import { t } from '../schema/localized';
import type { Localized } from '../schema/types';

export const REGION_IDS = [
  'africa',
  'americas',
  'asiaPacific',
  'europeCentralAsia',
  'middleEastNorthAfrica',
  'global',
] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface Region {
  readonly id: RegionId;
  readonly name: Localized;
}

export const REGIONS: readonly Region[] = [
  { id: 'africa', name: t('Africa', 'Afrique', 'África', 'أفريقيا') },
  { id: 'americas', name: t('Americas', 'Amériques', 'Américas', 'الأمريكتان') },
  {
    id: 'asiaPacific',
    name: t('Asia and the Pacific', 'Asie et Pacifique', 'Asia y el Pacífico', 'آسيا والمحيط الهادئ'),
  },
  {
    id: 'europeCentralAsia',
    name: t(
      'Europe and Central Asia',
      'Europe et Asie centrale',
      'Europa y Asia Central',
      'أوروبا وآسيا الوسطى',
    ),
  },
  {
    id: 'middleEastNorthAfrica',
    name: t(
      'Middle East and North Africa',
      'Moyen-Orient et Afrique du Nord',
      'Oriente Medio y Norte de África',
      'الشرق الأوسط وشمال أفريقيا',
    ),
  },
  {
    id: 'global',
    name: t('Global (Headquarters)', 'Mondial (Siège)', 'Mundial (Sede)', 'عالمي (المقر الرئيسي)'),
  },
];

export interface Mission {
  readonly id: string;
  /** Stable short code (ISO 3166 alpha-3 for country offices, HQ-xxx for headquarters units). */
  readonly code: string;
  readonly name: Localized;
  readonly region: RegionId;
  /** IANA time zone: reminders respect the recipient's working hours there. */
  readonly timeZone: string;
  readonly kind: 'countryOffice' | 'headquarters';
}

const co = (id: string, code: string, region: RegionId, timeZone: string, name: Localized): Mission => ({
  id,
  code,
  name,
  region,
  timeZone,
  kind: 'countryOffice',
});

export const MISSIONS: readonly Mission[] = [
  co('kenya', 'KEN', 'africa', 'Africa/Nairobi', t('Kenya', 'Kenya', 'Kenia', 'كينيا')),
  co('senegal', 'SEN', 'africa', 'Africa/Dakar', t('Senegal', 'Sénégal', 'Senegal', 'السنغال')),
  co('niger', 'NER', 'africa', 'Africa/Niamey', t('Niger', 'Niger', 'Níger', 'النيجر')),
  co('ethiopia', 'ETH', 'africa', 'Africa/Addis_Ababa', t('Ethiopia', 'Éthiopie', 'Etiopía', 'إثيوبيا')),
  co('colombia', 'COL', 'americas', 'America/Bogota', t('Colombia', 'Colombie', 'Colombia', 'كولومبيا')),
  co('mexico', 'MEX', 'americas', 'America/Mexico_City', t('Mexico', 'Mexique', 'México', 'المكسيك')),
  co('haiti', 'HTI', 'americas', 'America/Port-au-Prince', t('Haiti', 'Haïti', 'Haití', 'هايتي')),
  co(
    'bangladesh',
    'BGD',
    'asiaPacific',
    'Asia/Dhaka',
    t('Bangladesh', 'Bangladesh', 'Bangladés', 'بنغلاديش'),
  ),
  co(
    'philippines',
    'PHL',
    'asiaPacific',
    'Asia/Manila',
    t('Philippines', 'Philippines', 'Filipinas', 'الفلبين'),
  ),
  co(
    'afghanistan',
    'AFG',
    'asiaPacific',
    'Asia/Kabul',
    t('Afghanistan', 'Afghanistan', 'Afganistán', 'أفغانستان'),
  ),
  co('ukraine', 'UKR', 'europeCentralAsia', 'Europe/Kyiv', t('Ukraine', 'Ukraine', 'Ucrania', 'أوكرانيا')),
  co('turkiye', 'TUR', 'europeCentralAsia', 'Europe/Istanbul', t('Türkiye', 'Türkiye', 'Türkiye', 'تركيا')),
  co('jordan', 'JOR', 'middleEastNorthAfrica', 'Asia/Amman', t('Jordan', 'Jordanie', 'Jordania', 'الأردن')),
  co('libya', 'LBY', 'middleEastNorthAfrica', 'Africa/Tripoli', t('Libya', 'Libye', 'Libia', 'ليبيا')),
  co('yemen', 'YEM', 'middleEastNorthAfrica', 'Asia/Aden', t('Yemen', 'Yémen', 'Yemen', 'اليمن')),
  {
    id: 'hqGeneva',
    code: 'HQ-GVA',
    name: t('Headquarters, Geneva', 'Siège, Genève', 'Sede, Ginebra', 'المقر الرئيسي، جنيف'),
    region: 'global',
    timeZone: 'Europe/Zurich',
    kind: 'headquarters',
  },
  {
    id: 'hqNewYork',
    code: 'HQ-NYC',
    name: t('Headquarters, New York', 'Siège, New York', 'Sede, Nueva York', 'المقر الرئيسي، نيويورك'),
    region: 'global',
    timeZone: 'America/New_York',
    kind: 'headquarters',
  },
];

export const findMission = (id: string, missions: readonly Mission[] = MISSIONS): Mission | undefined =>
  missions.find((m) => m.id === id);

/** The region a mission belongs to, or undefined for an unknown mission. */
export const regionOfMission = (
  missionId: string,
  missions: readonly Mission[] = MISSIONS,
): RegionId | undefined => findMission(missionId, missions)?.region;

export const missionsInRegion = (
  region: RegionId,
  missions: readonly Mission[] = MISSIONS,
): readonly Mission[] => missions.filter((m) => m.region === region);

/** Data domains of the inventory (stored values), with their labels. */
export const DATA_DOMAINS = [
  'Beneficiary and case management',
  'Health',
  'Protection',
  'Finance',
  'Human resources',
  'Operations and logistics',
  'Programme monitoring and evaluation',
] as const;
export type DataDomain = (typeof DATA_DOMAINS)[number];

export const DATA_DOMAIN_LABELS: Readonly<Record<DataDomain, Localized>> = {
  'Beneficiary and case management': t(
    'Beneficiary and case management',
    'Bénéficiaires et gestion des dossiers',
    'Beneficiarios y gestión de casos',
    'المستفيدون وإدارة الحالات',
  ),
  Health: t('Health', 'Santé', 'Salud', 'الصحة'),
  Protection: t('Protection', 'Protection', 'Protección', 'الحماية'),
  Finance: t('Finance', 'Finances', 'Finanzas', 'المالية'),
  'Human resources': t('Human resources', 'Ressources humaines', 'Recursos humanos', 'الموارد البشرية'),
  'Operations and logistics': t(
    'Operations and logistics',
    'Opérations et logistique',
    'Operaciones y logística',
    'العمليات والخدمات اللوجستية',
  ),
  'Programme monitoring and evaluation': t(
    'Programme monitoring and evaluation',
    'Suivi et évaluation des programmes',
    'Seguimiento y evaluación de programas',
    'رصد البرامج وتقييمها',
  ),
};
