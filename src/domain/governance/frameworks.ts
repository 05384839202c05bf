// The AI frameworks compared topic by topic (governance-domain.md §6), in the four languages. Citations
// (Art 13, 1.4...) are written as the domain reference writes them, in every language.
import { t } from '../schema/localized';
import type { Localized } from '../schema/types';

export const FRAMEWORK_IDS = ['euAiAct', 'oecd', 'un', 'unesco', 'nist'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export interface Framework {
  readonly id: FrameworkId;
  readonly name: Localized;
  readonly year: string;
}

export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'euAiAct',
    year: '2024',
    name: t(
      'EU AI Act',
      'Règlement européen sur l’IA',
      'Reglamento europeo de IA',
      'قانون الاتحاد الأوروبي للذكاء الاصطناعي',
    ),
  },
  {
    id: 'oecd',
    year: '2019/2024',
    name: t(
      'OECD AI Principles',
      'Principes de l’OCDE sur l’IA',
      'Principios de la OCDE sobre IA',
      'مبادئ منظمة التعاون الاقتصادي والتنمية بشأن الذكاء الاصطناعي',
    ),
  },
  {
    id: 'un',
    year: '2022',
    name: t(
      'UN system principles for the ethical use of AI',
      'Principes du système des Nations Unies pour une utilisation éthique de l’IA',
      'Principios del sistema de las Naciones Unidas para el uso ético de la IA',
      'مبادئ منظومة الأمم المتحدة للاستخدام الأخلاقي للذكاء الاصطناعي',
    ),
  },
  {
    id: 'unesco',
    year: '2021',
    name: t(
      'UNESCO Recommendation on the Ethics of AI',
      'Recommandation de l’UNESCO sur l’éthique de l’IA',
      'Recomendación de la UNESCO sobre la ética de la IA',
      'توصية اليونسكو بشأن أخلاقيات الذكاء الاصطناعي',
    ),
  },
  {
    id: 'nist',
    year: '2023',
    name: t(
      'NIST AI RMF 1.0',
      'NIST AI RMF 1.0',
      'NIST AI RMF 1.0',
      'إطار NIST لإدارة مخاطر الذكاء الاصطناعي 1.0',
    ),
  },
];

export const FRAMEWORK_TOPIC_IDS = [
  'legalForce',
  'definition',
  'riskApproach',
  'transparency',
  'humanOversight',
  'accountability',
  'dataGovernance',
  'fairness',
  'safety',
  'redress',
  'sustainability',
] as const;
export type FrameworkTopicId = (typeof FRAMEWORK_TOPIC_IDS)[number];

export interface FrameworkTopic {
  readonly id: FrameworkTopicId;
  readonly label: Localized;
  readonly cells: Readonly<Record<FrameworkId, Localized>>;
}

export const FRAMEWORK_TOPICS: readonly FrameworkTopic[] = [
  {
    id: 'legalForce',
    label: t('Legal force', 'Force juridique', 'Fuerza jurídica', 'القوة القانونية'),
    cells: {
      euAiAct: t('Binding regulation', 'Règlement contraignant', 'Reglamento vinculante', 'لائحة ملزمة'),
      oecd: t(
        'Intergovernmental recommendation',
        'Recommandation intergouvernementale',
        'Recomendación intergubernamental',
        'توصية حكومية دولية',
      ),
      un: t(
        'Internal to the UN system',
        'Interne au système des Nations Unies',
        'Interno al sistema de las Naciones Unidas',
        'داخلية لمنظومة الأمم المتحدة',
      ),
      unesco: t(
        'Recommendation to member states',
        'Recommandation aux États membres',
        'Recomendación a los Estados miembros',
        'توصية إلى الدول الأعضاء',
      ),
      nist: t('Voluntary framework', 'Cadre volontaire', 'Marco voluntario', 'إطار طوعي'),
    },
  },
  {
    id: 'definition',
    label: t(
      'AI system definition',
      'Définition du système d’IA',
      'Definición de sistema de IA',
      'تعريف نظام الذكاء الاصطناعي',
    ),
    cells: {
      euAiAct: t(
        'Art 3(1), aligned with OECD',
        'Art 3(1), aligné sur l’OCDE',
        'Art 3(1), alineado con la OCDE',
        'المادة 3(1)، متوافقة مع تعريف المنظمة',
      ),
      oecd: t(
        'The reference definition (updated 2023)',
        'La définition de référence (mise à jour en 2023)',
        'La definición de referencia (actualizada en 2023)',
        'التعريف المرجعي (حُدِّث في 2023)',
      ),
      un: t(
        'Follows common definitions',
        'Suit les définitions communes',
        'Sigue las definiciones comunes',
        'يتبع التعريفات الشائعة',
      ),
      unesco: t(
        'Broad, ethics-centred',
        'Large, centrée sur l’éthique',
        'Amplia, centrada en la ética',
        'واسع، يتمحور حول الأخلاقيات',
      ),
      nist: t('Follows OECD', 'Suit l’OCDE', 'Sigue a la OCDE', 'يتبع تعريف المنظمة'),
    },
  },
  {
    id: 'riskApproach',
    label: t('Risk approach', 'Approche du risque', 'Enfoque de riesgos', 'نهج المخاطر'),
    cells: {
      euAiAct: t(
        'Tiers: prohibited, high, limited, minimal, plus GPAI',
        'Niveaux : interdit, haut, limité, minimal, plus IA à usage général',
        'Niveles: prohibido, alto, limitado, mínimo, más IA de uso general',
        'مستويات: محظور، عالٍ، محدود، أدنى، إضافة إلى نماذج الأغراض العامة',
      ),
      oecd: t(
        'Proportionate risk management (1.4)',
        'Gestion proportionnée des risques (1.4)',
        'Gestión proporcionada de riesgos (1.4)',
        'إدارة متناسبة للمخاطر (1.4)',
      ),
      un: t(
        'Risk assessment and do no harm (principles 1, 3)',
        'Évaluation des risques et « ne pas nuire » (principes 1, 3)',
        'Evaluación de riesgos y «no hacer daño» (principios 1, 3)',
        'تقييم المخاطر وعدم الإضرار (المبدآن 1 و3)',
      ),
      unesco: t(
        'Proportionality and do no harm',
        'Proportionnalité et « ne pas nuire »',
        'Proporcionalidad y «no hacer daño»',
        'التناسب وعدم الإضرار',
      ),
      nist: t(
        'Govern, Map, Measure, Manage',
        'Gouverner, cartographier, mesurer, gérer (Govern, Map, Measure, Manage)',
        'Gobernar, mapear, medir, gestionar (Govern, Map, Measure, Manage)',
        'الحوكمة، والتحديد، والقياس، والإدارة (Govern, Map, Measure, Manage)',
      ),
    },
  },
  {
    id: 'transparency',
    label: t('Transparency', 'Transparence', 'Transparencia', 'الشفافية'),
    cells: {
      euAiAct: t('Art 13, 50', 'Art 13, 50', 'Art 13, 50', 'المادتان 13 و50'),
      oecd: t(
        'Transparency and explainability (1.3)',
        'Transparence et explicabilité (1.3)',
        'Transparencia y explicabilidad (1.3)',
        'الشفافية وقابلية التفسير (1.3)',
      ),
      un: t(
        'Transparency and explainability',
        'Transparence et explicabilité',
        'Transparencia y explicabilidad',
        'الشفافية وقابلية التفسير',
      ),
      unesco: t(
        'Transparency and explainability',
        'Transparence et explicabilité',
        'Transparencia y explicabilidad',
        'الشفافية وقابلية التفسير',
      ),
      nist: t(
        'Characteristic: accountable and transparent, explainable',
        'Caractéristique : responsable et transparent, explicable',
        'Característica: responsable y transparente, explicable',
        'خاصية: خاضع للمساءلة وشفاف، وقابل للتفسير',
      ),
    },
  },
  {
    id: 'humanOversight',
    label: t('Human oversight', 'Contrôle humain', 'Supervisión humana', 'الرقابة البشرية'),
    cells: {
      euAiAct: t('Art 14, 26', 'Art 14, 26', 'Art 14, 26', 'المادتان 14 و26'),
      oecd: t(
        'Human-centred values (1.2)',
        'Valeurs centrées sur l’humain (1.2)',
        'Valores centrados en el ser humano (1.2)',
        'قيم محورها الإنسان (1.2)',
      ),
      un: t(
        'Human autonomy and oversight',
        'Autonomie et contrôle humains',
        'Autonomía y supervisión humanas',
        'الاستقلالية والرقابة البشرية',
      ),
      unesco: t(
        'Human oversight and determination',
        'Surveillance et décision humaines',
        'Supervisión y decisión humanas',
        'الإشراف والقرار البشريان',
      ),
      nist: t(
        'Human-AI teaming in Map/Manage',
        'Collaboration humain-IA dans Map/Manage',
        'Colaboración persona-IA en Map/Manage',
        'التعاون بين الإنسان والذكاء الاصطناعي في Map/Manage',
      ),
    },
  },
  {
    id: 'accountability',
    label: t('Accountability', 'Responsabilité', 'Rendición de cuentas', 'المساءلة'),
    cells: {
      euAiAct: t(
        'Providers’ and deployers’ obligations, penalties',
        'Obligations des fournisseurs et des déployeurs, sanctions',
        'Obligaciones de proveedores y responsables del despliegue, sanciones',
        'التزامات المورِّدين والناشرين، والعقوبات',
      ),
      oecd: t('Accountability (1.5)', 'Responsabilité (1.5)', 'Rendición de cuentas (1.5)', 'المساءلة (1.5)'),
      un: t(
        'Responsibility and accountability',
        'Responsabilité et obligation de rendre compte',
        'Responsabilidad y rendición de cuentas',
        'المسؤولية والمساءلة',
      ),
      unesco: t(
        'Responsibility and accountability',
        'Responsabilité et obligation de rendre compte',
        'Responsabilidad y rendición de cuentas',
        'المسؤولية والمساءلة',
      ),
      nist: t('Govern function', 'Fonction Govern', 'Función Govern', 'وظيفة Govern (الحوكمة)'),
    },
  },
  {
    id: 'dataGovernance',
    label: t('Data governance', 'Gouvernance des données', 'Gobernanza de datos', 'حوكمة البيانات'),
    cells: {
      euAiAct: t('Art 10', 'Art 10', 'Art 10', 'المادة 10'),
      oecd: t('(through 1.2 and 1.4)', '(par 1.2 et 1.4)', '(mediante 1.2 y 1.4)', '(من خلال 1.2 و1.4)'),
      un: t(
        'Right to privacy, data protection',
        'Droit à la vie privée, protection des données',
        'Derecho a la privacidad, protección de datos',
        'الحق في الخصوصية، وحماية البيانات',
      ),
      unesco: t(
        'Privacy and data protection',
        'Vie privée et protection des données',
        'Privacidad y protección de datos',
        'الخصوصية وحماية البيانات',
      ),
      nist: t(
        'Privacy-enhanced',
        'Respectueux de la vie privée',
        'Con privacidad reforzada',
        'معزِّز للخصوصية',
      ),
    },
  },
  {
    id: 'fairness',
    label: t('Fairness', 'Équité', 'Equidad', 'الإنصاف'),
    cells: {
      euAiAct: t(
        'Art 10(2)(f), Art 27 FRIA',
        'Art 10(2)(f), Art 27 AIDF',
        'Art 10(2)(f), Art 27 EIDF',
        'المادة 10(2)(f)، والمادة 27 تقييم الأثر على الحقوق الأساسية',
      ),
      oecd: t(
        'Fairness, non-discrimination (1.2)',
        'Équité, non-discrimination (1.2)',
        'Equidad, no discriminación (1.2)',
        'الإنصاف وعدم التمييز (1.2)',
      ),
      un: t(
        'Fairness and non-discrimination',
        'Équité et non-discrimination',
        'Equidad y no discriminación',
        'الإنصاف وعدم التمييز',
      ),
      unesco: t(
        'Fairness and non-discrimination',
        'Équité et non-discrimination',
        'Equidad y no discriminación',
        'الإنصاف وعدم التمييز',
      ),
      nist: t(
        'Fair, harmful bias managed',
        'Équitable, biais préjudiciables gérés',
        'Equitativo, sesgos perjudiciales gestionados',
        'منصف، مع إدارة التحيز الضار',
      ),
    },
  },
  {
    id: 'safety',
    label: t('Safety, robustness', 'Sécurité, robustesse', 'Seguridad, solidez', 'السلامة والمتانة'),
    cells: {
      euAiAct: t('Art 15', 'Art 15', 'Art 15', 'المادة 15'),
      oecd: t(
        'Robustness, security, safety (1.4)',
        'Robustesse, sûreté, sécurité (1.4)',
        'Solidez, seguridad y protección (1.4)',
        'المتانة والأمن والسلامة (1.4)',
      ),
      un: t('Safety and security', 'Sûreté et sécurité', 'Seguridad y protección', 'السلامة والأمن'),
      unesco: t('Safety and security', 'Sûreté et sécurité', 'Seguridad y protección', 'السلامة والأمن'),
      nist: t(
        'Valid and reliable, safe, secure and resilient',
        'Valide et fiable, sûr, sécurisé et résilient',
        'Válido y fiable, seguro, protegido y resiliente',
        'صالح وموثوق، وآمن، ومحمي، وقادر على الصمود',
      ),
    },
  },
  {
    id: 'redress',
    label: t('Redress', 'Recours', 'Reparación', 'الانتصاف'),
    cells: {
      euAiAct: t(
        'Complaint right (Art 85), explanation (Art 86)',
        'Droit de réclamation (Art 85), explication (Art 86)',
        'Derecho a reclamar (Art 85), explicación (Art 86)',
        'الحق في تقديم شكوى (المادة 85)، والحق في التفسير (المادة 86)',
      ),
      oecd: t(
        '(1.3: challenge outcomes)',
        '(1.3 : contester les résultats)',
        '(1.3: impugnar los resultados)',
        '(1.3: الطعن في النتائج)',
      ),
      un: t(
        'Inclusion and participation; redress',
        'Inclusion et participation ; recours',
        'Inclusión y participación; reparación',
        'الشمول والمشاركة؛ والانتصاف',
      ),
      unesco: t(
        'Multi-stakeholder governance, redress',
        'Gouvernance multipartite, recours',
        'Gobernanza de múltiples partes interesadas, reparación',
        'حوكمة متعددة أصحاب المصلحة، والانتصاف',
      ),
      nist: t(
        '(Manage: response and recovery)',
        '(Manage : réponse et rétablissement)',
        '(Manage: respuesta y recuperación)',
        '(Manage: الاستجابة والتعافي)',
      ),
    },
  },
  {
    id: 'sustainability',
    label: t('Sustainability', 'Durabilité', 'Sostenibilidad', 'الاستدامة'),
    cells: {
      euAiAct: t(
        'Energy reporting for GPAI',
        'Déclaration de la consommation d’énergie pour l’IA à usage général',
        'Información sobre consumo energético para la IA de uso general',
        'الإبلاغ عن استهلاك الطاقة لنماذج الأغراض العامة',
      ),
      oecd: t(
        'Inclusive growth, sustainable development (1.1)',
        'Croissance inclusive, développement durable (1.1)',
        'Crecimiento inclusivo, desarrollo sostenible (1.1)',
        'النمو الشامل والتنمية المستدامة (1.1)',
      ),
      un: t('Sustainability', 'Durabilité', 'Sostenibilidad', 'الاستدامة'),
      unesco: t(
        'Environment and ecosystem flourishing',
        'Épanouissement de l’environnement et des écosystèmes',
        'Florecimiento del medio ambiente y los ecosistemas',
        'ازدهار البيئة والنظم الإيكولوجية',
      ),
      nist: t(
        '(not a core characteristic)',
        '(pas une caractéristique essentielle)',
        '(no es una característica central)',
        '(ليست خاصية أساسية)',
      ),
    },
  },
];
