// Short awareness notes, linked from the forms, the triage wizard and the bot's cards. Pure data, so the
// bot can put the same words into a card (`awarenessNote(id, locale)`).
import { t } from '../schema/localized';
import type { Locale, Localized } from '../schema/types';

export const AWARENESS_NOTE_IDS = [
  'custodianDuties',
  'highRiskDuties',
  'triage',
  'verification',
  'gpai',
  'riskScoring',
] as const;
export type AwarenessNoteId = (typeof AWARENESS_NOTE_IDS)[number];

export interface AwarenessNote {
  readonly id: AwarenessNoteId;
  readonly title: Localized;
  readonly body: Localized;
  /** Provisions the note rests on, cited as the domain reference cites them. */
  readonly refs: readonly string[];
}

export const AWARENESS_NOTES: Readonly<Record<AwarenessNoteId, AwarenessNote>> = {
  custodianDuties: {
    id: 'custodianDuties',
    refs: [],
    title: t(
      'What a custodian must do',
      'Ce que doit faire un dépositaire',
      'Qué debe hacer un custodio',
      'ما يجب على الأمين فعله',
    ),
    body: t(
      'Keep each record you are custodian of accurate and complete. Confirm it is still accurate within its review cycle, or correct it. Answer reminders, hand records over when you change role, and tell the governance unit about any new use of personal data.',
      'Tenez exacts et complets les enregistrements dont vous êtes dépositaire. Confirmez-les dans leur cycle de revue, ou corrigez-les. Répondez aux rappels, transmettez vos enregistrements quand vous changez de fonction et signalez à l’unité de gouvernance toute nouvelle utilisation de données personnelles.',
      'Mantenga exactos y completos los registros de los que es custodio. Confírmelos dentro de su ciclo de revisión o corríjalos. Responda a los recordatorios, traspase sus registros cuando cambie de puesto e informe a la unidad de gobernanza de cualquier nuevo uso de datos personales.',
      'حافظ على دقة واكتمال السجلات التي أنت أمين عليها. أكّد أنها لا تزال دقيقة خلال دورة مراجعتها أو صحّحها. استجب للتذكيرات، وسلّم سجلاتك عند تغيير منصبك، وأبلغ وحدة الحوكمة بأي استخدام جديد للبيانات الشخصية.',
    ),
  },
  highRiskDuties: {
    id: 'highRiskDuties',
    refs: ['Art 26', 'Art 27', 'Art 14'],
    title: t(
      'What a high-risk system needs',
      'Ce qu’exige un système à haut risque',
      'Qué necesita un sistema de alto riesgo',
      'ما يتطلبه النظام عالي المخاطر',
    ),
    body: t(
      'As a deployer (Art 26): use it according to the provider’s instructions, assign human oversight to competent people, monitor it, keep its logs at least six months, and inform workers and the people affected. Public bodies and public-service providers carry out a fundamental rights impact assessment first (Art 27). Record who can stop or override it (Art 14).',
      'En tant que déployeur (Art 26) : utilisez-le conformément aux instructions du fournisseur, confiez le contrôle humain à des personnes compétentes, surveillez-le, conservez ses journaux au moins six mois et informez le personnel et les personnes concernées. Les organismes publics et les prestataires de services publics réalisent d’abord une analyse d’impact sur les droits fondamentaux (Art 27). Indiquez qui peut l’arrêter ou corriger ses décisions (Art 14).',
      'Como responsable del despliegue (Art 26): úselo según las instrucciones del proveedor, asigne la supervisión humana a personas competentes, vigílelo, conserve sus registros al menos seis meses e informe al personal y a las personas afectadas. Los organismos públicos y los prestadores de servicios públicos realizan antes una evaluación de impacto en los derechos fundamentales (Art 27). Indique quién puede detenerlo o corregir sus decisiones (Art 14).',
      'بصفتك ناشرًا (المادة 26): استخدمه وفق تعليمات المورِّد، وأسند الرقابة البشرية إلى أشخاص أكفاء، وراقبه، واحتفظ بسجلاته ستة أشهر على الأقل، وأبلغ العاملين والأشخاص المتأثرين. تُجري الهيئات العامة ومقدمو الخدمات العامة أولًا تقييمًا للأثر على الحقوق الأساسية (المادة 27). سجّل من يستطيع إيقافه أو تجاوز قراراته (المادة 14).',
    ),
  },
  triage: {
    id: 'triage',
    refs: ['Art 5(1)', 'Art 6(1)', 'Art 6(2)', 'Art 6(3)', 'Art 50'],
    title: t(
      'How the triage works',
      'Comment fonctionne le tri',
      'Cómo funciona el triaje',
      'كيف يعمل الفرز',
    ),
    body: t(
      'The questions follow the EU AI Act in order: prohibited practices (Art 5(1)), product safety (Art 6(1), Annex I), the Annex III areas (Art 6(2)) and their derogation (Art 6(3)), transparency (Art 50), then general-purpose AI. Each answer shows the provision it rests on. The result is a proposal: a governance officer verifies it.',
      'Les questions suivent l’ordre du règlement européen sur l’IA : pratiques interdites (Art 5(1)), sécurité des produits (Art 6(1), annexe I), domaines de l’annexe III (Art 6(2)) et leur dérogation (Art 6(3)), transparence (Art 50), puis IA à usage général. Chaque réponse indique la disposition sur laquelle elle repose. Le résultat est une proposition : un responsable de la gouvernance la vérifie.',
      'Las preguntas siguen el orden del Reglamento europeo de IA: prácticas prohibidas (Art 5(1)), seguridad de los productos (Art 6(1), anexo I), ámbitos del anexo III (Art 6(2)) y su excepción (Art 6(3)), transparencia (Art 50) y, por último, IA de uso general. Cada respuesta muestra la disposición en la que se basa. El resultado es una propuesta: un responsable de gobernanza la verifica.',
      'تتبع الأسئلة ترتيب قانون الاتحاد الأوروبي للذكاء الاصطناعي: الممارسات المحظورة (المادة 5(1))، وسلامة المنتجات (المادة 6(1)، الملحق الأول)، ومجالات الملحق الثالث (المادة 6(2)) والاستثناء منها (المادة 6(3))، والشفافية (المادة 50)، ثم الذكاء الاصطناعي للأغراض العامة. تُظهر كل إجابة الحكم الذي تستند إليه. النتيجة اقتراح يتحقق منه مسؤول الحوكمة.',
    ),
  },
  verification: {
    id: 'verification',
    refs: [],
    title: t('Verification', 'Vérification', 'Verificación', 'التحقق'),
    body: t(
      'The custodian or the mission focal point submits the triage. Only a governance officer verifies it or requests changes, with a comment. Changing the purpose, the triage answers or the data assets of a verified system sends it back for verification.',
      'Le dépositaire ou le point focal de la mission soumet le tri. Seul un responsable de la gouvernance le vérifie ou demande des modifications, avec un commentaire. Modifier la finalité, les réponses au tri ou les actifs de données d’un système vérifié le renvoie en vérification.',
      'El custodio o el punto focal de la misión envía el triaje. Solo un responsable de gobernanza lo verifica o solicita cambios, con un comentario. Cambiar la finalidad, las respuestas del triaje o los activos de datos de un sistema verificado lo devuelve a verificación.',
      'يقدّم الأمين أو جهة الاتصال في البعثة نتيجة الفرز. ولا يحق إلا لمسؤول الحوكمة التحقق منها أو طلب تعديلات مع تعليق. ويؤدي تغيير الغرض أو إجابات الفرز أو أصول البيانات لنظام تم التحقق منه إلى إعادته للتحقق.',
    ),
  },
  gpai: {
    id: 'gpai',
    refs: ['Art 3(63)', 'Art 51', 'Art 50'],
    title: t(
      'General-purpose AI',
      'IA à usage général',
      'IA de uso general',
      'الذكاء الاصطناعي للأغراض العامة',
    ),
    body: t(
      'A system built on a large language or multimodal foundation model involves general-purpose AI (Art 3(63)). The model’s provider carries its obligations (Art 51–55); as a deployer, keep the provider’s documentation and check the transparency duties of Art 50.',
      'Un système reposant sur un grand modèle de langage ou un modèle de fondation multimodal fait intervenir une IA à usage général (Art 3(63)). Le fournisseur du modèle porte ses obligations (Art 51–55) ; en tant que déployeur, conservez sa documentation et vérifiez les obligations de transparence de l’Art 50.',
      'Un sistema basado en un gran modelo de lenguaje o un modelo fundacional multimodal implica IA de uso general (Art 3(63)). El proveedor del modelo asume sus obligaciones (Art 51–55); como responsable del despliegue, conserve su documentación y compruebe las obligaciones de transparencia del Art 50.',
      'النظام المبني على نموذج لغوي كبير أو نموذج أساسي متعدد الوسائط ينطوي على ذكاء اصطناعي للأغراض العامة (المادة 3(63)). يتحمل مورِّد النموذج التزاماته (المواد 51–55)؛ وبصفتك ناشرًا احتفظ بوثائقه وتحقق من التزامات الشفافية في المادة 50.',
    ),
  },
  riskScoring: {
    id: 'riskScoring',
    refs: [],
    title: t('Scoring a risk', 'Évaluer un risque', 'Valorar un riesgo', 'تقييم الخطر'),
    body: t(
      'Score likelihood (1 rare to 5 almost certain) and impact (1 negligible to 5 severe) before treatment (inherent) and after (residual). Score = likelihood × impact: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. Treat it (avoid, reduce, transfer or share, accept), name an owner and a due date.',
      'Évaluez la probabilité (1 rare à 5 presque certain) et l’impact (1 négligeable à 5 grave) avant traitement (inhérent) et après (résiduel). Score = probabilité × impact : 1–4 faible, 5–9 moyen, 10–16 élevé, 20–25 critique. Traitez-le (éviter, réduire, transférer ou partager, accepter), désignez un responsable et une échéance.',
      'Valore la probabilidad (1 raro a 5 casi seguro) y el impacto (1 insignificante a 5 grave) antes del tratamiento (inherente) y después (residual). Puntuación = probabilidad × impacto: 1–4 bajo, 5–9 medio, 10–16 alto, 20–25 crítico. Trátelo (evitar, reducir, transferir o compartir, aceptar), designe un responsable y una fecha límite.',
      'قيّم الاحتمالية (من 1 نادر إلى 5 شبه مؤكد) والأثر (من 1 ضئيل إلى 5 جسيم) قبل المعالجة (الخطر الكامن) وبعدها (الخطر المتبقي). الدرجة = الاحتمالية × الأثر: 1–4 منخفض، 5–9 متوسط، 10–16 مرتفع، 20–25 حرج. عالجه (التجنب، التخفيف، النقل أو المشاركة، القبول)، وحدّد مسؤولًا وموعدًا نهائيًا.',
    ),
  },
};

/** A note's title and body in one language (e.g. for an Adaptive Card). */
export const awarenessNote = (
  id: AwarenessNoteId,
  locale: Locale,
): { readonly title: string; readonly body: string; readonly refs: readonly string[] } => {
  const note = AWARENESS_NOTES[id];
  return { title: note.title[locale], body: note.body[locale], refs: note.refs };
};
