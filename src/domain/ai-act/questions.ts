// The EU AI Act triage questionnaire as data (governance-domain.md §3). Source: Regulation (EU) 2024/1689
// as published in the Official Journal (OJ L, 12.7.2024), Art 2, 3(63), 3(66), 5, 6, 25, 50, 51 and
// Annexes I and III. Where a question paraphrases the Act it keeps every condition the provision sets
// ("by or on behalf of public authorities", "essential", "prior", "reasonably likely"...); exceptions
// the Act makes are separate questions asked only after a "yes" to the provision they qualify (`parent`),
// so a system is not over-classified because a carve-out was never asked.
import { t } from '../schema/localized';
import type { Localized } from '../schema/types';

/** scope: Art 2; A: Art 5; B: Art 6(1); C: Art 6(2) and Annex III; D: Art 6(3); E: Art 50; gpai: GPAI and role. */
export type TriageStep = 'scope' | 'A' | 'B' | 'C' | 'D' | 'E' | 'gpai';

export interface TriageQuestion {
  readonly id: string;
  readonly step: TriageStep;
  /** The provision the question is drawn from, cited as the Regulation's English text numbers it. */
  readonly ref: string;
  readonly text: Localized;
  /** Asked only when one of these was answered "yes" (an exception or a follow-up to it). */
  readonly parent?: string | readonly string[];
}

const q = (
  id: string,
  step: TriageStep,
  ref: string,
  text: Localized,
  parent?: string | readonly string[],
): TriageQuestion => (parent === undefined ? { id, step, ref, text } : { id, step, ref, text, parent });

export const TRIAGE_QUESTIONS = [
  // Scope, Art 2. An international organisation with missions worldwide first asks whether the Act
  // reaches the system at all; the tier it would have is still computed and shown next to the answer.
  q(
    'scope_union',
    'scope',
    'Art 2(1)(a)',
    t(
      'Is the system placed on the market or put into service in the EU, or used by us (or on our behalf) from an office established or located in the EU?',
      'Le système est-il mis sur le marché ou mis en service dans l’UE, ou utilisé par nous (ou pour notre compte) depuis un bureau établi ou situé dans l’UE ?',
      '¿Se introduce el sistema en el mercado o se pone en servicio en la UE, o lo utilizamos (nosotros o alguien en nuestro nombre) desde una oficina establecida o situada en la UE?',
      'هل يُطرح النظام في السوق أو يُشغَّل في الاتحاد الأوروبي، أو نستخدمه (أو يُستخدم نيابة عنا) من مكتب قائم أو واقع في الاتحاد الأوروبي؟',
    ),
  ),
  q(
    'scope_output',
    'scope',
    'Art 2(1)(c)',
    t(
      'Is the output produced by the system used in the EU (even if the system runs outside it)?',
      'Les sorties produites par le système sont-elles utilisées dans l’UE (même si le système fonctionne hors de l’UE) ?',
      '¿Se utiliza en la UE la información de salida que produce el sistema (aunque el sistema funcione fuera de ella)?',
      'هل تُستخدم مخرجات النظام في الاتحاد الأوروبي (حتى لو كان النظام يعمل خارجه)؟',
    ),
  ),
  q(
    'scope_lawEnforcementCooperation',
    'scope',
    'Art 2(4)',
    t(
      'Do we use it, as an international organisation, only in the framework of international cooperation or agreements for law enforcement and judicial cooperation with the EU or one or more Member States, with adequate safeguards for the fundamental rights and freedoms of individuals?',
      'L’utilisons-nous, en tant qu’organisation internationale, uniquement dans le cadre de la coopération ou d’accords internationaux de coopération des services répressifs et de coopération judiciaire avec l’UE ou un ou plusieurs États membres, avec des garanties suffisantes pour les libertés et droits fondamentaux des personnes ?',
      '¿Lo utilizamos, como organización internacional, solo en el marco de la cooperación o de acuerdos internacionales de cooperación policial y judicial con la UE o con uno o varios Estados miembros, con garantías adecuadas para los derechos y libertades fundamentales de las personas?',
      'هل نستخدمه، بصفتنا منظمة دولية، حصرًا في إطار التعاون أو الاتفاقات الدولية لإنفاذ القانون والتعاون القضائي مع الاتحاد الأوروبي أو مع دولة عضو أو أكثر، مع ضمانات كافية للحقوق والحريات الأساسية للأفراد؟',
    ),
  ),
  q(
    'scope_military',
    'scope',
    'Art 2(3)',
    t(
      'Is it placed on the market, put into service or used exclusively for military, defence or national security purposes?',
      'Est-il mis sur le marché, mis en service ou utilisé exclusivement à des fins militaires, de défense ou de sécurité nationale ?',
      '¿Se introduce en el mercado, se pone en servicio o se utiliza exclusivamente con fines militares, de defensa o de seguridad nacional?',
      'هل يُطرح في السوق أو يُشغَّل أو يُستخدم حصرًا لأغراض عسكرية أو دفاعية أو لأغراض الأمن الوطني؟',
    ),
  ),
  q(
    'scope_research',
    'scope',
    'Art 2(6)',
    t(
      'Is it specifically developed and put into service for the sole purpose of scientific research and development?',
      'Est-il spécifiquement développé et mis en service à la seule fin de la recherche et du développement scientifiques ?',
      '¿Se ha desarrollado y puesto en servicio específicamente con la única finalidad de la investigación y el desarrollo científicos?',
      'هل طُوِّر وشُغِّل خصيصًا لغرض وحيد هو البحث والتطوير العلميان؟',
    ),
  ),
  q(
    'scope_preMarket',
    'scope',
    'Art 2(8)',
    t(
      'Is it only being researched, tested or developed before being placed on the market or put into service (and not tested in real-world conditions)?',
      'Fait-il seulement l’objet de recherche, d’essais ou de développement avant sa mise sur le marché ou sa mise en service (sans essai en conditions réelles) ?',
      '¿Está solo en fase de investigación, prueba o desarrollo antes de su introducción en el mercado o puesta en servicio (sin pruebas en condiciones reales)?',
      'هل يقتصر الأمر على البحث فيه أو اختباره أو تطويره قبل طرحه في السوق أو تشغيله (دون اختباره في ظروف العالم الحقيقي)؟',
    ),
  ),
  q(
    'scope_personal',
    'scope',
    'Art 2(10)',
    t(
      'Is it used only by individuals in the course of a purely personal, non-professional activity?',
      'Est-il utilisé uniquement par des personnes physiques dans le cadre d’une activité strictement personnelle et non professionnelle ?',
      '¿Lo utilizan solo personas físicas en el curso de una actividad puramente personal y no profesional?',
      'هل يستخدمه أفراد فقط في سياق نشاط شخصي بحت وغير مهني؟',
    ),
  ),

  // Step A: prohibited practices, Art 5(1). Each letter keeps its qualifiers; carve-outs follow it.
  q(
    'art5_1_a',
    'A',
    'Art 5(1)(a)',
    t(
      'Does it deploy subliminal techniques beyond a person’s consciousness, or purposefully manipulative or deceptive techniques, with the objective or the effect of materially distorting behaviour by appreciably impairing people’s ability to make an informed decision, in a manner that causes or is reasonably likely to cause significant harm?',
      'Déploie-t-il des techniques subliminales au-dessous du seuil de conscience, ou des techniques délibérément manipulatrices ou trompeuses, avec pour objectif ou pour effet d’altérer substantiellement le comportement en portant considérablement atteinte à la capacité de prendre une décision éclairée, d’une manière qui cause ou est raisonnablement susceptible de causer un préjudice important ?',
      '¿Se sirve de técnicas subliminales que trascienden la conciencia de una persona, o de técnicas deliberadamente manipuladoras o engañosas, con el objetivo o el efecto de alterar de manera sustancial el comportamiento mermando de manera apreciable la capacidad de tomar una decisión informada, de un modo que provoque, o sea razonablemente probable que provoque, perjuicios considerables?',
      'هل يستخدم أساليب لاشعورية تتجاوز وعي الشخص، أو أساليب تلاعبية أو خادعة عن قصد، بهدف تحريف السلوك تحريفًا جوهريًا أو بأثر ذلك، عبر إضعاف قدرة الأشخاص على اتخاذ قرار مستنير إضعافًا ملموسًا، بطريقة تُلحق أو يُرجَّح بشكل معقول أن تُلحق ضررًا كبيرًا؟',
    ),
  ),
  q(
    'art5_1_b',
    'A',
    'Art 5(1)(b)',
    t(
      'Does it exploit vulnerabilities of a person or group due to their age, disability or a specific social or economic situation, with the objective or the effect of materially distorting their behaviour in a manner that causes or is reasonably likely to cause significant harm?',
      'Exploite-t-il les vulnérabilités d’une personne ou d’un groupe dues à l’âge, au handicap ou à une situation sociale ou économique spécifique, avec pour objectif ou pour effet d’altérer substantiellement leur comportement d’une manière qui cause ou est raisonnablement susceptible de causer un préjudice important ?',
      '¿Explota vulnerabilidades de una persona o un colectivo derivadas de su edad, discapacidad o una situación social o económica específica, con el objetivo o el efecto de alterar de manera sustancial su comportamiento de un modo que provoque, o sea razonablemente probable que provoque, perjuicios considerables?',
      'هل يستغل مواطن ضعف شخص أو فئة ناجمة عن السن أو الإعاقة أو وضع اجتماعي أو اقتصادي محدد، بهدف تحريف سلوكهم تحريفًا جوهريًا أو بأثر ذلك، بطريقة تُلحق أو يُرجَّح بشكل معقول أن تُلحق ضررًا كبيرًا؟',
    ),
  ),
  q(
    'art5_1_c',
    'A',
    'Art 5(1)(c)',
    t(
      'Does it evaluate or classify people over a certain period of time based on their social behaviour or known, inferred or predicted personal or personality characteristics, with the social score leading to detrimental or unfavourable treatment in social contexts unrelated to where the data was generated or collected, or treatment that is unjustified or disproportionate to their social behaviour or its gravity?',
      'Évalue-t-il ou classe-t-il des personnes sur une certaine période en fonction de leur comportement social ou de caractéristiques personnelles ou de personnalité connues, déduites ou prédites, la note sociale conduisant à un traitement préjudiciable ou défavorable dans des contextes sociaux sans lien avec ceux où les données ont été générées ou collectées, ou à un traitement injustifié ou disproportionné par rapport à leur comportement social ou à sa gravité ?',
      '¿Evalúa o clasifica a personas durante un período determinado en función de su comportamiento social o de características personales o de su personalidad conocidas, inferidas o predichas, de forma que la puntuación ciudadana provoque un trato perjudicial o desfavorable en contextos sociales que no guardan relación con los contextos donde se generaron o recabaron los datos, o un trato injustificado o desproporcionado con respecto a su comportamiento social o la gravedad de este?',
      'هل يقيّم الأشخاص أو يصنّفهم على مدى فترة زمنية بناءً على سلوكهم الاجتماعي أو خصائصهم الشخصية المعروفة أو المستنتجة أو المتوقعة، بحيث تؤدي الدرجة الاجتماعية إلى معاملة ضارة أو غير مواتية في سياقات اجتماعية لا صلة لها بسياق توليد البيانات أو جمعها، أو إلى معاملة غير مبررة أو غير متناسبة مع سلوكهم الاجتماعي أو خطورته؟',
    ),
  ),
  q(
    'art5_1_d',
    'A',
    'Art 5(1)(d)',
    t(
      'Does it assess or predict the risk of a person committing a criminal offence based solely on profiling them or on assessing their personality traits and characteristics?',
      'Évalue-t-il ou prédit-il le risque qu’une personne commette une infraction pénale uniquement sur la base de son profilage ou de l’évaluation de ses traits de personnalité et caractéristiques ?',
      '¿Evalúa o predice el riesgo de que una persona cometa un delito basándose únicamente en la elaboración de su perfil o en la evaluación de los rasgos y características de su personalidad?',
      'هل يقيّم خطر ارتكاب شخص لجريمة جنائية أو يتنبأ به استنادًا فقط إلى تنميطه أو إلى تقييم سماته وخصائصه الشخصية؟',
    ),
  ),
  q(
    'art5_1_d_exception',
    'A',
    'Art 5(1)(d)',
    t(
      'Is it only used to support the human assessment of a person’s involvement in a criminal activity, which is already based on objective and verifiable facts directly linked to that activity?',
      'Est-il seulement utilisé pour étayer l’évaluation humaine de l’implication d’une personne dans une activité criminelle, qui se fonde déjà sur des faits objectifs et vérifiables directement liés à cette activité ?',
      '¿Se utiliza solo para apoyar la valoración humana de la implicación de una persona en una actividad delictiva que ya se basa en hechos objetivos y verificables directamente relacionados con dicha actividad?',
      'هل يُستخدم فقط لدعم التقييم البشري لتورط شخص في نشاط إجرامي، وهو تقييم يستند أصلًا إلى وقائع موضوعية وقابلة للتحقق مرتبطة مباشرة بذلك النشاط؟',
    ),
    'art5_1_d',
  ),
  q(
    'art5_1_e',
    'A',
    'Art 5(1)(e)',
    t(
      'Does it create or expand facial recognition databases through the untargeted scraping of facial images from the internet or CCTV footage?',
      'Crée-t-il ou développe-t-il des bases de données de reconnaissance faciale par le moissonnage non ciblé d’images faciales provenant de l’internet ou de la vidéosurveillance ?',
      '¿Crea o amplía bases de datos de reconocimiento facial mediante la extracción no selectiva de imágenes faciales de internet o de circuitos cerrados de televisión?',
      'هل ينشئ قواعد بيانات للتعرف على الوجوه أو يوسّعها عن طريق الجمع غير الموجَّه لصور الوجوه من الإنترنت أو من تسجيلات كاميرات المراقبة؟',
    ),
  ),
  q(
    'art5_1_f',
    'A',
    'Art 5(1)(f)',
    t(
      'Does it infer the emotions of a person in the workplace or in education institutions?',
      'Déduit-il les émotions d’une personne sur le lieu de travail ou dans des établissements d’enseignement ?',
      '¿Infiere las emociones de una persona en el lugar de trabajo o en centros educativos?',
      'هل يستنتج مشاعر شخص في مكان العمل أو في المؤسسات التعليمية؟',
    ),
  ),
  q(
    'art5_1_f_exception',
    'A',
    'Art 5(1)(f)',
    t(
      'Is it intended to be put in place or placed on the market for medical or safety reasons?',
      'Est-il destiné à être mis en place ou mis sur le marché pour des raisons médicales ou de sécurité ?',
      '¿Está destinado a instalarse o introducirse en el mercado por motivos médicos o de seguridad?',
      'هل الغرض من تشغيله أو طرحه في السوق أسباب طبية أو أسباب تتعلق بالسلامة؟',
    ),
    'art5_1_f',
  ),
  q(
    'art5_1_g',
    'A',
    'Art 5(1)(g)',
    t(
      'Does it categorise people individually based on their biometric data to deduce or infer their race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation?',
      'Catégorise-t-il individuellement des personnes sur la base de leurs données biométriques afin d’arriver à des déductions ou inférences concernant leur race, leurs opinions politiques, leur affiliation syndicale, leurs convictions religieuses ou philosophiques, leur vie sexuelle ou leur orientation sexuelle ?',
      '¿Clasifica individualmente a personas sobre la base de sus datos biométricos para deducir o inferir su raza, opiniones políticas, afiliación sindical, convicciones religiosas o filosóficas, vida sexual u orientación sexual?',
      'هل يصنّف الأشخاص فرديًا استنادًا إلى بياناتهم البيومترية لاستنتاج عرقهم أو آرائهم السياسية أو انتمائهم النقابي أو معتقداتهم الدينية أو الفلسفية أو حياتهم الجنسية أو توجههم الجنسي؟',
    ),
  ),
  q(
    'art5_1_g_exception',
    'A',
    'Art 5(1)(g)',
    t(
      'Does it only label or filter lawfully acquired biometric datasets (such as images) based on biometric data, or categorise biometric data in the area of law enforcement?',
      'Se limite-t-il à l’étiquetage ou au filtrage d’ensembles de données biométriques acquis légalement (comme des images) sur la base de données biométriques, ou à la catégorisation de données biométriques dans le domaine répressif ?',
      '¿Se limita al etiquetado o filtrado de conjuntos de datos biométricos adquiridos lícitamente (como imágenes) basado en datos biométricos, o a la categorización de datos biométricos en el ámbito de la garantía del cumplimiento del Derecho?',
      'هل يقتصر على وسم مجموعات بيانات بيومترية مكتسبة بصورة مشروعة (كالصور) أو تصفيتها استنادًا إلى بيانات بيومترية، أو على تصنيف البيانات البيومترية في مجال إنفاذ القانون؟',
    ),
    'art5_1_g',
  ),
  q(
    'art5_1_h',
    'A',
    'Art 5(1)(h)',
    t(
      'Does it perform “real-time” remote biometric identification in publicly accessible spaces for the purposes of law enforcement?',
      'Effectue-t-il une identification biométrique à distance « en temps réel » dans des espaces accessibles au public à des fins répressives ?',
      '¿Realiza identificación biométrica remota «en tiempo real» en espacios de acceso público con fines de garantía del cumplimiento del Derecho?',
      'هل يُجري تحديدًا بيومتريًا للهوية عن بُعد «في الوقت الفعلي» في أماكن يمكن للجمهور الوصول إليها لأغراض إنفاذ القانون؟',
    ),
  ),
  q(
    'art5_1_h_exception',
    'A',
    'Art 5(1)(h)',
    t(
      'Is the use strictly necessary for one of the objectives in Art 5(1)(h)(i)–(iii) (targeted search for specific victims of abduction, trafficking or sexual exploitation, or for missing persons; preventing a specific, substantial and imminent threat to life or physical safety, or a genuine and foreseeable threat of a terrorist attack; locating or identifying a suspect of an Annex II offence punishable by at least four years), and authorised as Art 5(2)–(7) require?',
      'L’utilisation est-elle strictement nécessaire à l’un des objectifs de l’Art 5(1)(h)(i) à (iii) (recherche ciblée de victimes spécifiques d’enlèvement, de traite ou d’exploitation sexuelle, ou de personnes disparues ; prévention d’une menace spécifique, substantielle et imminente pour la vie ou la sécurité physique, ou d’une menace réelle et prévisible d’attentat terroriste ; localisation ou identification d’un suspect d’une infraction de l’annexe II passible d’au moins quatre ans), et autorisée comme l’exigent les Art 5(2) à (7) ?',
      '¿Es el uso estrictamente necesario para uno de los objetivos del Art 5(1)(h)(i) a (iii) (búsqueda selectiva de víctimas concretas de secuestro, trata o explotación sexual, o de personas desaparecidas; prevención de una amenaza específica, importante e inminente para la vida o la seguridad física, o de una amenaza real y previsible de atentado terrorista; localización o identificación de un sospechoso de un delito del anexo II castigado con al menos cuatro años), y está autorizado como exigen los Art 5(2) a (7)?',
      'هل الاستخدام ضروري حصرًا لأحد الأهداف الواردة في المادة 5(1)(h)(i)–(iii) (البحث الموجَّه عن ضحايا محددين للاختطاف أو الاتجار أو الاستغلال الجنسي أو عن مفقودين؛ منع تهديد محدد وجوهري ووشيك للحياة أو السلامة الجسدية أو تهديد حقيقي ومتوقع بهجوم إرهابي؛ تحديد مكان مشتبه به في جريمة من جرائم الملحق الثاني يعاقب عليها بأربع سنوات على الأقل أو تحديد هويته)، ومأذون به كما تشترط المادة 5(2)–(7)؟',
    ),
    'art5_1_h',
  ),
  // New Art 5 prohibition added by the Digital Omnibus on AI (2026), as reported; its legal status and
  // date are data in timeline.ts, so an officer can update them.
  q(
    'art5_omnibus_intimateImagery',
    'A',
    'Art 5(1) (Digital Omnibus)',
    t(
      'Does it generate or manipulate intimate images, video or audio of an identifiable person without their consent, or child sexual abuse material — by purpose, or as a reasonably foreseeable outcome without reasonable safeguards?',
      'Génère-t-il ou manipule-t-il des images, vidéos ou sons intimes d’une personne identifiable sans son consentement, ou du matériel pédopornographique — par destination, ou comme résultat raisonnablement prévisible faute de garanties raisonnables ?',
      '¿Genera o manipula imágenes, vídeos o audios íntimos de una persona identificable sin su consentimiento, o material de abuso sexual infantil, por su finalidad o como resultado razonablemente previsible sin salvaguardias razonables?',
      'هل يولّد صورًا أو مقاطع فيديو أو تسجيلات صوتية حميمة لشخص يمكن التعرف عليه دون موافقته، أو مواد اعتداء جنسي على الأطفال، أو يتلاعب بها — بحكم الغرض منه أو كنتيجة متوقعة بشكل معقول في غياب ضمانات معقولة؟',
    ),
  ),

  // Step B: product safety, Art 6(1) and Annex I (both conditions of Art 6(1)(a) and (b) in one question).
  q(
    'art6_1',
    'B',
    'Art 6(1)',
    t(
      'Is it intended to be used as a safety component of a product, or is it itself a product, covered by the EU harmonisation legislation listed in Annex I (machinery, toys, lifts, radio equipment, medical devices, vehicles…), and is that product required to undergo a third-party conformity assessment under that legislation?',
      'Est-il destiné à être utilisé comme composant de sécurité d’un produit, ou constitue-t-il lui-même un produit, couvert par la législation d’harmonisation de l’UE énumérée à l’annexe I (machines, jouets, ascenseurs, équipements radio, dispositifs médicaux, véhicules…), et ce produit doit-il faire l’objet d’une évaluation de la conformité par un tiers en vertu de cette législation ?',
      '¿Está destinado a utilizarse como componente de seguridad de un producto, o es en sí mismo un producto, contemplado en los actos legislativos de armonización de la UE enumerados en el anexo I (máquinas, juguetes, ascensores, equipos radioeléctricos, productos sanitarios, vehículos…), y debe ese producto someterse a una evaluación de la conformidad de terceros con arreglo a dichos actos?',
      'هل الغرض منه أن يُستخدم كمكوّن أمان لمنتج، أو هو بحد ذاته منتج، يشمله تشريع المواءمة الأوروبي المدرج في الملحق الأول (الآلات، الألعاب، المصاعد، المعدات الراديوية، الأجهزة الطبية، المركبات…)، وهل يتعين أن يخضع ذلك المنتج لتقييم مطابقة من طرف ثالث بموجب ذلك التشريع؟',
    ),
  ),

  // Step C: Annex III areas, Art 6(2). Points 1, 6 and 7 apply "in so far as their use is permitted
  // under relevant Union or national law"; the questions say so.
  q(
    'annexIII_1_a',
    'C',
    'Annex III 1(a)',
    t(
      'Biometrics, where permitted under relevant Union or national law: remote biometric identification of people (not biometric verification whose sole purpose is to confirm that a person is who they claim to be)?',
      'Biométrie, dans la mesure où le droit de l’Union ou national applicable le permet : identification biométrique à distance de personnes (hors vérification biométrique ayant pour seul but de confirmer qu’une personne est celle qu’elle prétend être) ?',
      'Biometría, en la medida en que lo permita el Derecho de la Unión o nacional aplicable: ¿identificación biométrica remota de personas (no la verificación biométrica cuya única finalidad es confirmar que una persona es quien dice ser)?',
      'القياسات الحيوية، حيثما يسمح بها قانون الاتحاد أو القانون الوطني ذو الصلة: تحديد هوية الأشخاص بيومتريًا عن بُعد (وليس التحقق البيومتري الذي غرضه الوحيد تأكيد أن الشخص هو من يدّعي أنه هو)؟',
    ),
  ),
  q(
    'annexIII_1_b',
    'C',
    'Annex III 1(b)',
    t(
      'Biometrics, where permitted under relevant Union or national law: biometric categorisation according to sensitive or protected attributes or characteristics, based on the inference of those attributes or characteristics?',
      'Biométrie, dans la mesure où le droit applicable le permet : catégorisation biométrique en fonction d’attributs ou de caractéristiques sensibles ou protégés, sur la base de la déduction de ces attributs ou caractéristiques ?',
      'Biometría, en la medida en que lo permita el Derecho aplicable: ¿categorización biométrica en función de atributos o características sensibles o protegidos basada en la inferencia de dichos atributos o características?',
      'القياسات الحيوية، حيثما يسمح بها القانون ذو الصلة: التصنيف البيومتري وفق سمات أو خصائص حساسة أو محمية، بناءً على استنتاج تلك السمات أو الخصائص؟',
    ),
  ),
  q(
    'annexIII_1_c',
    'C',
    'Annex III 1(c)',
    t(
      'Biometrics, where permitted under relevant Union or national law: emotion recognition?',
      'Biométrie, dans la mesure où le droit applicable le permet : reconnaissance des émotions ?',
      'Biometría, en la medida en que lo permita el Derecho aplicable: ¿reconocimiento de emociones?',
      'القياسات الحيوية، حيثما يسمح بها القانون ذو الصلة: التعرف على المشاعر؟',
    ),
  ),
  q(
    'annexIII_2',
    'C',
    'Annex III 2',
    t(
      'Is it intended to be used as a safety component in the management and operation of critical digital infrastructure, road traffic, or in the supply of water, gas, heating or electricity?',
      'Est-il destiné à être utilisé comme composant de sécurité dans la gestion et l’exploitation d’infrastructures numériques critiques, du trafic routier ou de la fourniture d’eau, de gaz, de chauffage ou d’électricité ?',
      '¿Está destinado a utilizarse como componente de seguridad en la gestión y el funcionamiento de infraestructuras digitales críticas, del tráfico rodado o del suministro de agua, gas, calefacción o electricidad?',
      'هل الغرض منه أن يُستخدم كمكوّن أمان في إدارة وتشغيل البنية التحتية الرقمية الحيوية أو حركة المرور على الطرق أو إمدادات المياه أو الغاز أو التدفئة أو الكهرباء؟',
    ),
  ),
  q(
    'annexIII_3_a',
    'C',
    'Annex III 3(a)',
    t(
      'Is it intended to determine access or admission, or to assign people, to educational and vocational training institutions at all levels?',
      'Est-il destiné à déterminer l’accès, l’admission ou l’affectation de personnes à des établissements d’enseignement et de formation professionnelle, à tous les niveaux ?',
      '¿Está destinado a determinar el acceso o la admisión de personas a centros educativos y de formación profesional de todos los niveles, o a asignarlas a ellos?',
      'هل الغرض منه تحديد الالتحاق أو القبول في مؤسسات التعليم والتدريب المهني بجميع مستوياتها أو توزيع الأشخاص عليها؟',
    ),
  ),
  q(
    'annexIII_3_b',
    'C',
    'Annex III 3(b)',
    t(
      'Is it intended to evaluate learning outcomes, including when they are used to steer the learning process, in educational and vocational training institutions at all levels?',
      'Est-il destiné à évaluer les acquis d’apprentissage, y compris lorsqu’ils servent à orienter le processus d’apprentissage, dans des établissements d’enseignement et de formation professionnelle à tous les niveaux ?',
      '¿Está destinado a evaluar los resultados del aprendizaje, también cuando se utilizan para orientar el proceso de aprendizaje, en centros educativos y de formación profesional de todos los niveles?',
      'هل الغرض منه تقييم نتائج التعلّم، بما في ذلك عند استخدامها لتوجيه عملية التعلّم، في مؤسسات التعليم والتدريب المهني بجميع مستوياتها؟',
    ),
  ),
  q(
    'annexIII_3_c',
    'C',
    'Annex III 3(c)',
    t(
      'Is it intended to assess the appropriate level of education a person will receive or be able to access, in the context of or within educational and vocational training institutions?',
      'Est-il destiné à évaluer le niveau d’enseignement approprié qu’une personne recevra ou auquel elle pourra accéder, dans le cadre ou au sein d’établissements d’enseignement et de formation professionnelle ?',
      '¿Está destinado a evaluar el nivel de educación adecuado que recibirá una persona o al que podrá acceder, en el contexto de centros educativos y de formación profesional o dentro de ellos?',
      'هل الغرض منه تقييم المستوى التعليمي المناسب الذي سيتلقاه الشخص أو سيتمكن من الوصول إليه، في سياق مؤسسات التعليم والتدريب المهني أو داخلها؟',
    ),
  ),
  q(
    'annexIII_3_d',
    'C',
    'Annex III 3(d)',
    t(
      'Is it intended to monitor and detect prohibited behaviour of students during tests, in the context of or within educational and vocational training institutions?',
      'Est-il destiné à surveiller et détecter les comportements interdits des élèves lors d’examens, dans le cadre ou au sein d’établissements d’enseignement et de formation professionnelle ?',
      '¿Está destinado a supervisar y detectar comportamientos prohibidos de los estudiantes durante los exámenes, en el contexto de centros educativos y de formación profesional o dentro de ellos?',
      'هل الغرض منه مراقبة السلوك المحظور للطلاب أثناء الاختبارات والكشف عنه، في سياق مؤسسات التعليم والتدريب المهني أو داخلها؟',
    ),
  ),
  q(
    'annexIII_4_a',
    'C',
    'Annex III 4(a)',
    t(
      'Is it intended for the recruitment or selection of people, in particular to place targeted job advertisements, to analyse and filter job applications, or to evaluate candidates?',
      'Est-il destiné au recrutement ou à la sélection de personnes, notamment pour publier des offres d’emploi ciblées, analyser et filtrer les candidatures ou évaluer les candidats ?',
      '¿Está destinado a la contratación o la selección de personas, en particular para publicar anuncios de empleo específicos, analizar y filtrar solicitudes de empleo o evaluar a candidatos?',
      'هل الغرض منه توظيف الأشخاص أو اختيارهم، ولا سيما نشر إعلانات وظائف موجّهة، أو تحليل طلبات العمل وتصفيتها، أو تقييم المرشحين؟',
    ),
  ),
  q(
    'annexIII_4_b',
    'C',
    'Annex III 4(b)',
    t(
      'Is it intended to make decisions affecting the terms of work relationships, or the promotion or termination of work contracts, to allocate tasks based on individual behaviour or personal traits or characteristics (not a rota that ignores them), or to monitor and evaluate the performance and behaviour of workers?',
      'Est-il destiné à prendre des décisions influant sur les conditions des relations de travail, la promotion ou la résiliation de contrats de travail, à attribuer des tâches sur la base du comportement individuel ou de traits ou caractéristiques personnels (pas un simple planning qui n’en tient pas compte), ou à suivre et évaluer les performances et le comportement des travailleurs ?',
      '¿Está destinado a tomar decisiones que afecten a las condiciones de las relaciones laborales o a la promoción o rescisión de contratos, a asignar tareas a partir de comportamientos individuales o rasgos o características personales (no un simple cuadrante de turnos que no los tiene en cuenta), o a supervisar y evaluar el rendimiento y el comportamiento de los trabajadores?',
      'هل الغرض منه اتخاذ قرارات تؤثر في شروط علاقات العمل أو في الترقية أو إنهاء عقود العمل، أو توزيع المهام بناءً على السلوك الفردي أو السمات أو الخصائص الشخصية (لا مجرد جدول مناوبات لا يراعيها)، أو رصد أداء العاملين وسلوكهم وتقييمه؟',
    ),
  ),
  q(
    'annexIII_5_a',
    'C',
    'Annex III 5(a)',
    t(
      'Is it intended to be used by or on behalf of public authorities to evaluate people’s eligibility for essential public assistance benefits and services, including healthcare services, or to grant, reduce, revoke or reclaim such benefits and services?',
      'Est-il destiné à être utilisé par les autorités publiques ou en leur nom pour évaluer l’éligibilité des personnes aux prestations et services d’aide sociale essentiels, y compris les services de santé, ou pour octroyer, réduire, révoquer ou récupérer ces prestations et services ?',
      '¿Está destinado a ser utilizado por las autoridades públicas o en su nombre para evaluar la admisibilidad de las personas para prestaciones y servicios esenciales de asistencia pública, incluidos los servicios de asistencia sanitaria, o para conceder, reducir, retirar o recuperar dichas prestaciones y servicios?',
      'هل الغرض منه أن تستخدمه السلطات العامة أو يُستخدم نيابة عنها لتقييم أهلية الأشخاص للحصول على إعانات وخدمات المساعدة العامة الأساسية، بما فيها خدمات الرعاية الصحية، أو لمنحها أو تخفيضها أو إلغائها أو استردادها؟',
    ),
  ),
  q(
    'annexIII_5_b',
    'C',
    'Annex III 5(b)',
    t(
      'Is it intended to evaluate the creditworthiness of people or establish their credit score (other than to detect financial fraud)?',
      'Est-il destiné à évaluer la solvabilité de personnes ou à établir leur note de crédit (hors détection de la fraude financière) ?',
      '¿Está destinado a evaluar la solvencia de personas o establecer su calificación crediticia (salvo para detectar el fraude financiero)?',
      'هل الغرض منه تقييم الجدارة الائتمانية للأشخاص أو تحديد درجتهم الائتمانية (لغير غرض كشف الاحتيال المالي)؟',
    ),
  ),
  q(
    'annexIII_5_c',
    'C',
    'Annex III 5(c)',
    t(
      'Is it intended for risk assessment and pricing in relation to people in the case of life and health insurance?',
      'Est-il destiné à l’évaluation des risques et à la tarification concernant des personnes en matière d’assurance vie et d’assurance maladie ?',
      '¿Está destinado a la evaluación de riesgos y la fijación de precios en relación con personas en el caso de los seguros de vida y de salud?',
      'هل الغرض منه تقييم المخاطر والتسعير المتعلقان بالأشخاص في التأمين على الحياة والتأمين الصحي؟',
    ),
  ),
  q(
    'annexIII_5_d',
    'C',
    'Annex III 5(d)',
    t(
      'Is it intended to evaluate and classify emergency calls by people, to dispatch or prioritise the dispatch of emergency first response services (police, firefighters, medical aid), or for emergency healthcare patient triage?',
      'Est-il destiné à évaluer et classer les appels d’urgence de personnes, à dépêcher des services d’intervention d’urgence (police, pompiers, aide médicale) ou à établir des priorités dans leur envoi, ou au tri des patients en urgence ?',
      '¿Está destinado a evaluar y clasificar llamadas de emergencia de personas, a enviar servicios de primera intervención (policía, bomberos, asistencia médica) o establecer prioridades en su envío, o al triaje de pacientes en la asistencia sanitaria de urgencia?',
      'هل الغرض منه تقييم مكالمات الطوارئ وتصنيفها، أو إرسال خدمات الاستجابة الأولى للطوارئ (الشرطة، الإطفاء، المساعدة الطبية) أو ترتيب أولويات إرسالها، أو فرز المرضى في الرعاية الصحية الطارئة؟',
    ),
  ),
  q(
    'annexIII_6_a',
    'C',
    'Annex III 6(a)',
    t(
      'Law enforcement, where permitted under relevant Union or national law: is it used by or on behalf of law enforcement authorities (or EU bodies supporting them) to assess the risk of a person becoming the victim of criminal offences?',
      'Répression, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités répressives ou en leur nom (ou par des organes de l’UE en soutien) pour évaluer le risque qu’une personne devienne victime d’infractions pénales ?',
      'Garantía del cumplimiento del Derecho, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades garantes del cumplimiento del Derecho o alguien en su nombre (u órganos de la UE en su apoyo) para evaluar el riesgo de que una persona sea víctima de delitos?',
      'إنفاذ القانون، حيثما يسمح به القانون ذو الصلة: هل تستخدمه سلطات إنفاذ القانون أو يُستخدم نيابة عنها (أو هيئات الاتحاد الداعمة لها) لتقييم خطر أن يصبح شخص ما ضحية لجرائم جنائية؟',
    ),
  ),
  q(
    'annexIII_6_b',
    'C',
    'Annex III 6(b)',
    t(
      'Law enforcement, where permitted under relevant Union or national law: is it used by or on behalf of law enforcement authorities (or EU bodies supporting them) as a polygraph or similar tool?',
      'Répression, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités répressives ou en leur nom (ou par des organes de l’UE en soutien) comme polygraphe ou outil similaire ?',
      'Garantía del cumplimiento del Derecho, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades garantes del cumplimiento del Derecho o alguien en su nombre (u órganos de la UE en su apoyo) como polígrafo o herramienta similar?',
      'إنفاذ القانون، حيثما يسمح به القانون ذو الصلة: هل تستخدمه سلطات إنفاذ القانون أو يُستخدم نيابة عنها (أو هيئات الاتحاد الداعمة لها) كجهاز لكشف الكذب أو أداة مماثلة؟',
    ),
  ),
  q(
    'annexIII_6_c',
    'C',
    'Annex III 6(c)',
    t(
      'Law enforcement, where permitted under relevant Union or national law: is it used by or on behalf of law enforcement authorities (or EU bodies supporting them) to evaluate the reliability of evidence in the investigation or prosecution of criminal offences?',
      'Répression, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités répressives ou en leur nom (ou par des organes de l’UE en soutien) pour évaluer la fiabilité des preuves au cours d’enquêtes ou de poursuites pénales ?',
      'Garantía del cumplimiento del Derecho, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades garantes del cumplimiento del Derecho o alguien en su nombre (u órganos de la UE en su apoyo) para evaluar la fiabilidad de las pruebas durante la investigación o el enjuiciamiento de delitos?',
      'إنفاذ القانون، حيثما يسمح به القانون ذو الصلة: هل تستخدمه سلطات إنفاذ القانون أو يُستخدم نيابة عنها (أو هيئات الاتحاد الداعمة لها) لتقييم موثوقية الأدلة أثناء التحقيق في الجرائم الجنائية أو الملاحقة القضائية بشأنها؟',
    ),
  ),
  q(
    'annexIII_6_d',
    'C',
    'Annex III 6(d)',
    t(
      'Law enforcement, where permitted under relevant Union or national law: is it used by or on behalf of law enforcement authorities (or EU bodies supporting them) to assess the risk of a person offending or re-offending not solely on the basis of profiling, or to assess personality traits and characteristics or past criminal behaviour of people or groups?',
      'Répression, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités répressives ou en leur nom (ou par des organes de l’UE en soutien) pour évaluer le risque qu’une personne commette une infraction ou récidive, pas uniquement sur la base d’un profilage, ou pour évaluer des traits de personnalité et caractéristiques ou un comportement criminel passé de personnes ou de groupes ?',
      'Garantía del cumplimiento del Derecho, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades garantes del cumplimiento del Derecho o alguien en su nombre (u órganos de la UE en su apoyo) para evaluar el riesgo de que una persona cometa un delito o reincida, no solo sobre la base de la elaboración de perfiles, o para evaluar rasgos y características de la personalidad o comportamientos delictivos pasados de personas o colectivos?',
      'إنفاذ القانون، حيثما يسمح به القانون ذو الصلة: هل تستخدمه سلطات إنفاذ القانون أو يُستخدم نيابة عنها (أو هيئات الاتحاد الداعمة لها) لتقييم خطر ارتكاب شخص جريمة أو عودته إليها دون الاقتصار على التنميط، أو لتقييم السمات والخصائص الشخصية أو السلوك الإجرامي السابق لأشخاص أو جماعات؟',
    ),
  ),
  q(
    'annexIII_6_e',
    'C',
    'Annex III 6(e)',
    t(
      'Law enforcement, where permitted under relevant Union or national law: is it used by or on behalf of law enforcement authorities (or EU bodies supporting them) for profiling people in the detection, investigation or prosecution of criminal offences?',
      'Répression, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités répressives ou en leur nom (ou par des organes de l’UE en soutien) pour le profilage de personnes dans la détection, l’enquête ou la poursuite d’infractions pénales ?',
      'Garantía del cumplimiento del Derecho, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades garantes del cumplimiento del Derecho o alguien en su nombre (u órganos de la UE en su apoyo) para elaborar perfiles de personas durante la detección, la investigación o el enjuiciamiento de delitos?',
      'إنفاذ القانون، حيثما يسمح به القانون ذو الصلة: هل تستخدمه سلطات إنفاذ القانون أو يُستخدم نيابة عنها (أو هيئات الاتحاد الداعمة لها) لتنميط الأشخاص أثناء الكشف عن الجرائم الجنائية أو التحقيق فيها أو الملاحقة القضائية بشأنها؟',
    ),
  ),
  q(
    'annexIII_7_a',
    'C',
    'Annex III 7(a)',
    t(
      'Migration, asylum and border control, where permitted under relevant Union or national law: is it used by or on behalf of competent public authorities (or EU bodies) as a polygraph or similar tool?',
      'Migration, asile et contrôle aux frontières, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités publiques compétentes ou en leur nom (ou par des organes de l’UE) comme polygraphe ou outil similaire ?',
      'Migración, asilo y control fronterizo, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades públicas competentes o alguien en su nombre (u órganos de la UE) como polígrafo o herramienta similar?',
      'الهجرة واللجوء وإدارة مراقبة الحدود، حيثما يسمح به القانون ذو الصلة: هل تستخدمه السلطات العامة المختصة أو يُستخدم نيابة عنها (أو هيئات الاتحاد) كجهاز لكشف الكذب أو أداة مماثلة؟',
    ),
  ),
  q(
    'annexIII_7_b',
    'C',
    'Annex III 7(b)',
    t(
      'Migration, asylum and border control, where permitted under relevant Union or national law: is it used by or on behalf of competent public authorities (or EU bodies) to assess a risk (security, irregular migration or health) posed by a person who intends to enter or has entered the territory of a Member State?',
      'Migration, asile et contrôle aux frontières, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités publiques compétentes ou en leur nom (ou par des organes de l’UE) pour évaluer un risque (sécurité, migration irrégulière ou santé) posé par une personne qui a l’intention d’entrer ou est entrée sur le territoire d’un État membre ?',
      'Migración, asilo y control fronterizo, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades públicas competentes o alguien en su nombre (u órganos de la UE) para evaluar un riesgo (de seguridad, de migración irregular o para la salud) que plantea una persona que tiene la intención de entrar o ha entrado en el territorio de un Estado miembro?',
      'الهجرة واللجوء وإدارة مراقبة الحدود، حيثما يسمح به القانون ذو الصلة: هل تستخدمه السلطات العامة المختصة أو يُستخدم نيابة عنها (أو هيئات الاتحاد) لتقييم خطر (أمني أو خطر هجرة غير نظامية أو خطر صحي) يشكّله شخص ينوي دخول إقليم دولة عضو أو دخله؟',
    ),
  ),
  q(
    'annexIII_7_c',
    'C',
    'Annex III 7(c)',
    t(
      'Migration, asylum and border control, where permitted under relevant Union or national law: is it used by or on behalf of competent public authorities (or EU bodies) to assist competent public authorities in examining applications for asylum, visas or residence permits and associated complaints about eligibility, including related assessments of the reliability of evidence?',
      'Migration, asile et contrôle aux frontières, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités publiques compétentes ou en leur nom (ou par des organes de l’UE) pour assister les autorités publiques compétentes dans l’examen des demandes d’asile, de visa ou de titre de séjour et des plaintes connexes relatives à l’éligibilité, y compris l’évaluation de la fiabilité des éléments de preuve ?',
      'Migración, asilo y control fronterizo, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades públicas competentes o alguien en su nombre (u órganos de la UE) para ayudar a las autoridades públicas competentes a examinar solicitudes de asilo, visado o permiso de residencia y las reclamaciones conexas sobre la admisibilidad, incluidas las evaluaciones de la fiabilidad de las pruebas?',
      'الهجرة واللجوء وإدارة مراقبة الحدود، حيثما يسمح به القانون ذو الصلة: هل تستخدمه السلطات العامة المختصة أو يُستخدم نيابة عنها (أو هيئات الاتحاد) لمساعدة السلطات العامة المختصة في فحص طلبات اللجوء أو التأشيرات أو تصاريح الإقامة والشكاوى المتعلقة بالأهلية، بما في ذلك تقييم موثوقية الأدلة؟',
    ),
  ),
  q(
    'annexIII_7_d',
    'C',
    'Annex III 7(d)',
    t(
      'Migration, asylum and border control, where permitted under relevant Union or national law: is it used by or on behalf of competent public authorities (or EU bodies) to detect, recognise or identify people, other than to verify travel documents?',
      'Migration, asile et contrôle aux frontières, dans la mesure où le droit applicable le permet : est-il utilisé par les autorités publiques compétentes ou en leur nom (ou par des organes de l’UE) pour détecter, reconnaître ou identifier des personnes, hors vérification des documents de voyage ?',
      'Migración, asilo y control fronterizo, en la medida en que lo permita el Derecho aplicable: ¿lo utilizan las autoridades públicas competentes o alguien en su nombre (u órganos de la UE) para detectar, reconocer o identificar a personas, salvo la verificación de documentos de viaje?',
      'الهجرة واللجوء وإدارة مراقبة الحدود، حيثما يسمح به القانون ذو الصلة: هل تستخدمه السلطات العامة المختصة أو يُستخدم نيابة عنها (أو هيئات الاتحاد) للكشف عن الأشخاص أو التعرف عليهم أو تحديد هويتهم، عدا التحقق من وثائق السفر؟',
    ),
  ),
  q(
    'annexIII_8_a',
    'C',
    'Annex III 8(a)',
    t(
      'Is it intended to be used by a judicial authority or on its behalf to assist it in researching and interpreting facts and the law and in applying the law to a concrete set of facts, or in a similar way in alternative dispute resolution?',
      'Est-il destiné à être utilisé par une autorité judiciaire ou en son nom pour l’aider à rechercher et interpréter les faits et le droit et à appliquer le droit à un ensemble concret de faits, ou de manière similaire dans le règlement extrajudiciaire des litiges ?',
      '¿Está destinado a ser utilizado por una autoridad judicial o en su nombre para ayudarla en la investigación e interpretación de hechos y de la ley y en la aplicación de la ley a un conjunto concreto de hechos, o de forma similar en la resolución alternativa de litigios?',
      'هل الغرض منه أن تستخدمه سلطة قضائية أو يُستخدم نيابة عنها لمساعدتها في البحث في الوقائع والقانون وتفسيرها وتطبيق القانون على مجموعة محددة من الوقائع، أو بطريقة مماثلة في التسوية البديلة للمنازعات؟',
    ),
  ),
  q(
    'annexIII_8_b',
    'C',
    'Annex III 8(b)',
    t(
      'Is it intended to influence the outcome of an election or referendum or people’s voting behaviour, with people directly exposed to its output (not tools that only organise, optimise or structure campaigns administratively or logistically)?',
      'Est-il destiné à influencer le résultat d’une élection ou d’un référendum ou le comportement électoral des personnes, celles-ci étant directement exposées à ses sorties (hors outils servant seulement à organiser, optimiser ou structurer des campagnes sur le plan administratif ou logistique) ?',
      '¿Está destinado a influir en el resultado de una elección o referéndum o en el comportamiento electoral de las personas, que están directamente expuestas a sus resultados (no herramientas que solo organizan, optimizan o estructuran campañas desde el punto de vista administrativo o logístico)?',
      'هل الغرض منه التأثير في نتيجة انتخابات أو استفتاء أو في السلوك الانتخابي للأشخاص، مع تعرضهم مباشرة لمخرجاته (وليس الأدوات التي تقتصر على تنظيم الحملات أو تحسينها أو هيكلتها إداريًا أو لوجستيًا)؟',
    ),
  ),

  // Step D: the Art 6(3) derogation. Profiling is asked first: with it the derogation is never available.
  q(
    'art6_3_profiling',
    'D',
    'Art 6(3)',
    t(
      'Does it perform profiling of natural persons?',
      'Effectue-t-il un profilage de personnes physiques ?',
      '¿Elabora perfiles de personas físicas?',
      'هل يقوم بتنميط أشخاص طبيعيين؟',
    ),
  ),
  q(
    'art6_3_noSignificantRisk',
    'D',
    'Art 6(3)',
    t(
      'Does it pose no significant risk of harm to the health, safety or fundamental rights of people, including by not materially influencing the outcome of decision-making?',
      'Ne présente-t-il pas de risque important de préjudice pour la santé, la sécurité ou les droits fondamentaux des personnes, y compris en n’ayant pas d’incidence significative sur le résultat de la prise de décision ?',
      '¿No plantea un riesgo importante de causar un perjuicio a la salud, la seguridad o los derechos fundamentales de las personas, también al no influir sustancialmente en el resultado de la toma de decisiones?',
      'ألا يشكّل خطرًا كبيرًا بإلحاق الضرر بصحة الأشخاص أو سلامتهم أو حقوقهم الأساسية، بما في ذلك عدم تأثيره تأثيرًا جوهريًا في نتيجة اتخاذ القرار؟',
    ),
  ),
  q(
    'art6_3_a',
    'D',
    'Art 6(3)(a)',
    t(
      'Is it intended to perform a narrow procedural task?',
      'Est-il destiné à accomplir une tâche procédurale étroite ?',
      '¿Está destinado a realizar una tarea de procedimiento limitada?',
      'هل الغرض منه أداء مهمة إجرائية محدودة؟',
    ),
  ),
  q(
    'art6_3_b',
    'D',
    'Art 6(3)(b)',
    t(
      'Is it intended to improve the result of a previously completed human activity?',
      'Est-il destiné à améliorer le résultat d’une activité humaine préalablement réalisée ?',
      '¿Está destinado a mejorar el resultado de una actividad humana previamente realizada?',
      'هل الغرض منه تحسين نتيجة نشاط بشري أُنجز مسبقًا؟',
    ),
  ),
  q(
    'art6_3_c',
    'D',
    'Art 6(3)(c)',
    t(
      'Is it intended to detect decision-making patterns or deviations from prior decision-making patterns, and not meant to replace or influence the previously completed human assessment without proper human review?',
      'Est-il destiné à détecter des schémas décisionnels ou des écarts par rapport à des schémas décisionnels antérieurs, sans être destiné à remplacer ou influencer l’évaluation humaine préalablement réalisée sans examen humain approprié ?',
      '¿Está destinado a detectar patrones de toma de decisiones o desviaciones respecto de patrones de toma de decisiones anteriores, sin estar destinado a sustituir ni influir en la valoración humana previamente realizada sin una revisión humana adecuada?',
      'هل الغرض منه رصد أنماط اتخاذ القرار أو الانحرافات عن أنماط اتخاذ القرار السابقة، دون أن يُقصد به أن يحل محل التقييم البشري المنجز مسبقًا أو يؤثر فيه دون مراجعة بشرية مناسبة؟',
    ),
  ),
  q(
    'art6_3_d',
    'D',
    'Art 6(3)(d)',
    t(
      'Is it intended to perform a task preparatory to an assessment relevant for the purposes of the use cases listed in Annex III?',
      'Est-il destiné à exécuter une tâche préparatoire à une évaluation pertinente aux fins des cas d’utilisation énumérés à l’annexe III ?',
      '¿Está destinado a realizar una tarea preparatoria para una evaluación pertinente a efectos de los casos de uso enumerados en el anexo III?',
      'هل الغرض منه أداء مهمة تحضيرية لتقييم ذي صلة بأغراض حالات الاستخدام المدرجة في الملحق الثالث؟',
    ),
  ),

  // Step E: transparency, Art 50, each with the exceptions the Act makes.
  q(
    'art50_1',
    'E',
    'Art 50(1)',
    t(
      'Is it intended to interact directly with people (chatbot, voice agent)?',
      'Est-il destiné à interagir directement avec des personnes (agent conversationnel, assistant vocal) ?',
      '¿Está destinado a interactuar directamente con personas (chatbot, asistente de voz)?',
      'هل الغرض منه التفاعل مباشرة مع الأشخاص (روبوت محادثة، مساعد صوتي)؟',
    ),
  ),
  q(
    'art50_1_obvious',
    'E',
    'Art 50(1)',
    t(
      'Is it obvious, to a reasonably well-informed, observant and circumspect person, from the circumstances and the context of use, that they are interacting with an AI system?',
      'Est-il évident, pour une personne raisonnablement bien informée, observatrice et avisée, compte tenu des circonstances et du contexte d’utilisation, qu’elle interagit avec un système d’IA ?',
      '¿Resulta evidente, para una persona razonablemente bien informada, atenta y perspicaz, habida cuenta de las circunstancias y del contexto de utilización, que está interactuando con un sistema de IA?',
      'هل يكون واضحًا لشخص مطّلع بشكل معقول ومنتبه وحصيف، بالنظر إلى الظروف وسياق الاستخدام، أنه يتفاعل مع نظام ذكاء اصطناعي؟',
    ),
    'art50_1',
  ),
  q(
    'art50_1_lawEnforcement',
    'E',
    'Art 50(1)',
    t(
      'Is it authorised by law to detect, prevent, investigate or prosecute criminal offences, with appropriate safeguards for the rights and freedoms of third parties, and not available for the public to report a criminal offence?',
      'Est-il autorisé par la loi à des fins de détection, de prévention, d’enquête ou de poursuite d’infractions pénales, avec des garanties appropriées pour les droits et libertés des tiers, et non mis à la disposition du public pour signaler une infraction pénale ?',
      '¿Está autorizado por la ley para detectar, prevenir, investigar o enjuiciar delitos, con garantías adecuadas para los derechos y libertades de terceros, y no está a disposición del público para denunciar un delito?',
      'هل هو مأذون به قانونًا للكشف عن الجرائم الجنائية أو منعها أو التحقيق فيها أو الملاحقة القضائية بشأنها، مع ضمانات مناسبة لحقوق الغير وحرياتهم، وغير متاح للجمهور للإبلاغ عن جريمة جنائية؟',
    ),
    'art50_1',
  ),
  q(
    'art50_2',
    'E',
    'Art 50(2)',
    t(
      'Does it generate synthetic audio, image, video or text content?',
      'Génère-t-il des contenus de synthèse de type audio, image, vidéo ou texte ?',
      '¿Genera contenido sintético de audio, imagen, vídeo o texto?',
      'هل يولّد محتوى اصطناعيًا صوتيًا أو صوريًا أو مرئيًا أو نصيًا؟',
    ),
  ),
  q(
    'art50_2_assistive',
    'E',
    'Art 50(2)',
    t(
      'Does it only perform an assistive function for standard editing, or not substantially alter the input data provided by the deployer or its semantics (e.g. translation or spelling correction of our own text)?',
      'Remplit-il seulement une fonction d’assistance à la mise en forme standard, ou ne modifie-t-il pas de manière substantielle les données d’entrée fournies par le déployeur ou leur sémantique (p. ex. traduction ou correction orthographique de nos propres textes) ?',
      '¿Se limita a desempeñar una función de apoyo a la edición estándar, o no altera sustancialmente los datos de entrada facilitados por el responsable del despliegue ni su semántica (p. ej. traducción o corrección ortográfica de nuestros propios textos)?',
      'هل يقتصر على أداء وظيفة مساعدة للتحرير المعتاد، أو لا يغيّر جوهريًا بيانات الإدخال التي يقدمها الناشر أو دلالاتها (مثل ترجمة نصوصنا أو تصحيحها إملائيًا)؟',
    ),
    'art50_2',
  ),
  q(
    'art50_2_lawEnforcement',
    'E',
    'Art 50(2)',
    t(
      'Is its use authorised by law to detect, prevent, investigate or prosecute criminal offences?',
      'Son utilisation est-elle autorisée par la loi à des fins de détection, de prévention, d’enquête ou de poursuite d’infractions pénales ?',
      '¿Está su uso autorizado por la ley para detectar, prevenir, investigar o enjuiciar delitos?',
      'هل استخدامه مأذون به قانونًا للكشف عن الجرائم الجنائية أو منعها أو التحقيق فيها أو الملاحقة القضائية بشأنها؟',
    ),
    'art50_2',
  ),
  q(
    'art50_3',
    'E',
    'Art 50(3)',
    t(
      'Is it an emotion recognition or biometric categorisation system (where not prohibited) to which people are exposed?',
      'Est-il un système de reconnaissance des émotions ou de catégorisation biométrique (lorsqu’il n’est pas interdit) auquel des personnes sont exposées ?',
      '¿Es un sistema de reconocimiento de emociones o de categorización biométrica (cuando no está prohibido) al que se exponen personas?',
      'هل هو نظام للتعرف على المشاعر أو للتصنيف البيومتري (حيث لا يكون محظورًا) يتعرّض له أشخاص؟',
    ),
  ),
  q(
    'art50_3_lawEnforcement',
    'E',
    'Art 50(3)',
    t(
      'Is it permitted by law to detect, prevent or investigate criminal offences, with appropriate safeguards for the rights and freedoms of third parties?',
      'Est-il autorisé par la loi à des fins de détection, de prévention ou d’enquête en matière d’infractions pénales, avec des garanties appropriées pour les droits et libertés des tiers ?',
      '¿Está permitido por la ley para detectar, prevenir o investigar delitos, con garantías adecuadas para los derechos y libertades de terceros?',
      'هل هو مسموح به قانونًا للكشف عن الجرائم الجنائية أو منعها أو التحقيق فيها، مع ضمانات مناسبة لحقوق الغير وحرياتهم؟',
    ),
    'art50_3',
  ),
  q(
    'art50_4',
    'E',
    'Art 50(4)',
    t(
      'Do we use it to generate or manipulate image, audio or video content constituting a deep fake?',
      'L’utilisons-nous pour générer ou manipuler des images ou des contenus audio ou vidéo constituant un hypertrucage ?',
      '¿Lo utilizamos para generar o manipular imágenes o contenidos de audio o vídeo que constituyan una ultrasuplantación?',
      'هل نستخدمه لتوليد صور أو محتوى صوتي أو مرئي يشكّل تزييفًا عميقًا أو للتلاعب بها؟',
    ),
  ),
  q(
    'art50_4_text',
    'E',
    'Art 50(4)',
    t(
      'Do we use it to generate or manipulate text that is published with the purpose of informing the public on matters of public interest?',
      'L’utilisons-nous pour générer ou manipuler des textes publiés dans le but d’informer le public sur des questions d’intérêt public ?',
      '¿Lo utilizamos para generar o manipular textos que se publican con el fin de informar al público sobre asuntos de interés público?',
      'هل نستخدمه لتوليد نصوص تُنشر بغرض إعلام الجمهور بشأن مسائل تهم الشأن العام أو للتلاعب بها؟',
    ),
  ),
  q(
    'art50_4_editorial',
    'E',
    'Art 50(4)',
    t(
      'Has the AI-generated text undergone human review or editorial control, with a person or organisation holding editorial responsibility for its publication?',
      'Le texte généré par l’IA a-t-il fait l’objet d’un examen humain ou d’un contrôle éditorial, une personne ou une organisation assumant la responsabilité éditoriale de sa publication ?',
      '¿Se ha sometido el texto generado por IA a un proceso de revisión humana o de control editorial, y una persona física o jurídica tiene la responsabilidad editorial de su publicación?',
      'هل خضع النص المولَّد بالذكاء الاصطناعي لمراجعة بشرية أو لرقابة تحريرية، مع تحمّل شخص أو جهة المسؤولية التحريرية عن نشره؟',
    ),
    'art50_4_text',
  ),
  q(
    'art50_4_lawEnforcement',
    'E',
    'Art 50(4)',
    t(
      'Is the use authorised by law to detect, prevent, investigate or prosecute criminal offences?',
      'L’utilisation est-elle autorisée par la loi à des fins de détection, de prévention, d’enquête ou de poursuite d’infractions pénales ?',
      '¿Está el uso autorizado por la ley para detectar, prevenir, investigar o enjuiciar delitos?',
      'هل الاستخدام مأذون به قانونًا للكشف عن الجرائم الجنائية أو منعها أو التحقيق فيها أو الملاحقة القضائية بشأنها؟',
    ),
    ['art50_4', 'art50_4_text'],
  ),

  // General-purpose AI and our role: a model (Art 3(63)) is not a system built on one (Art 3(66)).
  q(
    'gpai',
    'gpai',
    'Art 3(66)',
    t(
      'Is it built on a general-purpose AI model (a model that displays significant generality and can competently perform a wide range of distinct tasks, such as a large language model)?',
      'Repose-t-il sur un modèle d’IA à usage général (un modèle présentant une généralité significative et capable d’exécuter de manière compétente un large éventail de tâches distinctes, tel un grand modèle de langage) ?',
      '¿Se basa en un modelo de IA de uso general (un modelo que presenta un grado considerable de generalidad y es capaz de realizar de manera competente una gran variedad de tareas distintas, como un gran modelo de lenguaje)?',
      'هل هو مبني على نموذج ذكاء اصطناعي للأغراض العامة (نموذج يتسم بعمومية كبيرة وقادر على أداء طائفة واسعة من المهام المتمايزة بكفاءة، مثل نموذج لغوي كبير)؟',
    ),
  ),
  q(
    'gpai_modelProvider',
    'gpai',
    'Art 3(63)',
    t(
      'Do we develop that general-purpose AI model ourselves (or have it developed) and place it on the market under our own name?',
      'Développons-nous nous-mêmes ce modèle d’IA à usage général (ou le faisons-nous développer) et le mettons-nous sur le marché sous notre propre nom ?',
      '¿Desarrollamos nosotros ese modelo de IA de uso general (o encargamos su desarrollo) y lo introducimos en el mercado con nuestro propio nombre?',
      'هل نطوّر نموذج الذكاء الاصطناعي للأغراض العامة هذا بأنفسنا (أو نكلّف بتطويره) ونطرحه في السوق باسمنا؟',
    ),
    'gpai',
  ),
  q(
    'gpai_modifies',
    'gpai',
    'Art 25',
    t(
      'Do we modify or fine-tune the general-purpose AI model?',
      'Modifions-nous ou affinons-nous (fine-tuning) le modèle d’IA à usage général ?',
      '¿Modificamos o ajustamos (fine-tuning) el modelo de IA de uso general?',
      'هل نعدّل نموذج الذكاء الاصطناعي للأغراض العامة أو نضبطه بدقة (fine-tuning)؟',
    ),
    'gpai',
  ),
  q(
    'gpai_systemicRisk',
    'gpai',
    'Art 51',
    t(
      'Is the model classified as a general-purpose AI model with systemic risk (high-impact capabilities, presumed above 10^25 floating-point operations of training compute, or designated by the Commission)?',
      'Le modèle est-il classé comme modèle d’IA à usage général présentant un risque systémique (capacités à fort impact, présumées au-delà de 10^25 opérations en virgule flottante de calcul d’entraînement, ou désigné par la Commission) ?',
      '¿Está el modelo clasificado como modelo de IA de uso general con riesgo sistémico (capacidades de gran impacto, presumidas por encima de 10^25 operaciones de coma flotante de cálculo de entrenamiento, o designado por la Comisión)?',
      'هل النموذج مصنّف كنموذج ذكاء اصطناعي للأغراض العامة ينطوي على مخاطر نظامية (قدرات عالية التأثير، يُفترض وجودها عند تجاوز حوسبة التدريب 10^25 عملية فاصلة عائمة، أو بتعيين من المفوضية)؟',
    ),
    'gpai',
  ),
  q(
    'art25_1',
    'gpai',
    'Art 25(1)',
    t(
      'Do we put our name or trademark on the system, make a substantial modification to it, or change its intended purpose (for example by using a general-purpose AI system for an Annex III use)?',
      'Apposons-nous notre nom ou notre marque sur le système, y apportons-nous une modification substantielle, ou modifions-nous sa destination (par exemple en utilisant un système d’IA à usage général pour un usage de l’annexe III) ?',
      '¿Ponemos nuestro nombre o marca en el sistema, le hacemos una modificación sustancial o cambiamos su finalidad prevista (por ejemplo, usando un sistema de IA de uso general para un uso del anexo III)?',
      'هل نضع اسمنا أو علامتنا التجارية على النظام، أو نُجري عليه تعديلًا جوهريًا، أو نغيّر الغرض المقصود منه (مثل استخدام نظام ذكاء اصطناعي للأغراض العامة في استخدام من استخدامات الملحق الثالث)؟',
    ),
  ),
] as const satisfies readonly TriageQuestion[];

export type TriageQuestionId = (typeof TRIAGE_QUESTIONS)[number]['id'];

export const TRIAGE_QUESTION_IDS: readonly TriageQuestionId[] = TRIAGE_QUESTIONS.map((x) => x.id);

/** The questions a follow-up question depends on (empty for a question always asked). */
export const parentsOf = (id: TriageQuestionId): readonly TriageQuestionId[] => {
  const parent = (TRIAGE_QUESTIONS.find((x) => x.id === id) as TriageQuestion | undefined)?.parent;
  return (parent === undefined ? [] : typeof parent === 'string' ? [parent] : parent) as TriageQuestionId[];
};

/** A question is asked when it has no parent, or one of its parents was answered "yes". */
export const isAsked = (
  id: TriageQuestionId,
  answers: Readonly<Partial<Record<TriageQuestionId, boolean>>>,
): boolean => {
  const parents = parentsOf(id);
  return parents.length === 0 || parents.some((p) => answers[p] === true);
};

/**
 * Citations the triage returns besides the questions' own references: the Annex an article points to,
 * refused derogations and the exceptions the Act makes. Stable strings: they are the `articles` column's
 * choices, so existing values never change (new ones are only added).
 */
export const EXTRA_GROUNDS = {
  annexI: 'Annex I',
  art6_2: 'Art 6(2)',
  art6_3Refused: 'Art 6(3) not available: profiling',
  art5_1_dCarveOut: 'Art 5(1)(d) carve-out: supports a human assessment based on objective facts',
  art5_1_fException: 'Art 5(1)(f) exception: medical or safety reasons',
  art5_1_gException: 'Art 5(1)(g) exception: labelling or filtering lawfully acquired datasets',
  art5_1_hException: 'Art 5(1)(h) exception: strictly necessary objective, authorised',
  art50_1Obvious: 'Art 50(1) exception: obvious from the context',
  art50_1LawEnforcement: 'Art 50(1) exception: authorised by law to detect or prosecute crime',
  art50_2Assistive: 'Art 50(2) exception: assistive editing, input not substantially altered',
  art50_2LawEnforcement: 'Art 50(2) exception: authorised by law to detect or prosecute crime',
  art50_3LawEnforcement: 'Art 50(3) exception: permitted by law to detect or investigate crime',
  art50_4Editorial: 'Art 50(4) exception: human review and editorial responsibility',
  art50_4LawEnforcement: 'Art 50(4) exception: authorised by law to detect or prosecute crime',
} as const;

const NOT_A_GROUND: ReadonlySet<string> = new Set([
  'art6_3_noSignificantRisk',
  'art6_3_profiling',
  'art5_1_d_exception',
  'art5_1_f_exception',
  'art5_1_g_exception',
  'art5_1_h_exception',
  'art50_1_obvious',
  'art50_1_lawEnforcement',
  'art50_2_assistive',
  'art50_2_lawEnforcement',
  'art50_3_lawEnforcement',
  'art50_4_text',
  'art50_4_editorial',
  'art50_4_lawEnforcement',
]);

/** Every citation the triage can return, in questionnaire order (the AI registry's `articles` choices). */
export const ALL_GROUNDS: readonly string[] = [
  ...new Set([
    ...TRIAGE_QUESTIONS.filter((x) => x.step !== 'gpai' && x.step !== 'scope' && !NOT_A_GROUND.has(x.id)).map(
      (x) => x.ref,
    ),
    ...Object.values(EXTRA_GROUNDS),
  ]),
];
