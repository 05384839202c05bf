// The EU AI Act triage questionnaire as data (governance-domain.md §3, Regulation (EU) 2024/1689).
// Each question is a yes/no; a "yes" to a question with a `ground` adds that citation to the result.
import { t } from '../schema/localized';
import type { Localized } from '../schema/types';

export type TriageStep = 'A' | 'B' | 'C' | 'D' | 'E' | 'gpai';

export interface TriageQuestion {
  readonly id: string;
  readonly step: TriageStep;
  /** The provision the question is drawn from, cited as in governance-domain.md. */
  readonly ref: string;
  readonly text: Localized;
}

const q = (id: string, step: TriageStep, ref: string, text: Localized): TriageQuestion => ({
  id,
  step,
  ref,
  text,
});

export const TRIAGE_QUESTIONS = [
  // Step A: prohibited practices, Art 5(1).
  q(
    'art5_1_a',
    'A',
    'Art 5(1)(a)',
    t(
      'Does it use subliminal, manipulative or deceptive techniques that materially distort people’s behaviour and cause significant harm?',
      'Utilise-t-il des techniques subliminales, manipulatrices ou trompeuses qui altèrent substantiellement le comportement des personnes et causent un préjudice important ?',
      '¿Utiliza técnicas subliminales, manipuladoras o engañosas que alteran sustancialmente el comportamiento de las personas y causan un perjuicio considerable?',
      'هل يستخدم أساليب لاشعورية أو تلاعبية أو خادعة تُحرّف سلوك الأشخاص تحريفًا جوهريًا وتُلحق بهم ضررًا كبيرًا؟',
    ),
  ),
  q(
    'art5_1_b',
    'A',
    'Art 5(1)(b)',
    t(
      'Does it exploit vulnerabilities due to age, disability or a social or economic situation, causing significant harm?',
      'Exploite-t-il des vulnérabilités liées à l’âge, au handicap ou à une situation sociale ou économique, en causant un préjudice important ?',
      '¿Explota vulnerabilidades derivadas de la edad, la discapacidad o una situación social o económica, causando un perjuicio considerable?',
      'هل يستغل مواطن ضعف ناجمة عن السن أو الإعاقة أو وضع اجتماعي أو اقتصادي، بما يُلحق ضررًا كبيرًا؟',
    ),
  ),
  q(
    'art5_1_c',
    'A',
    'Art 5(1)(c)',
    t(
      'Does it score people over time on their social behaviour or personal traits, leading to detrimental treatment in unrelated contexts or out of proportion?',
      'Note-t-il les personnes dans la durée selon leur comportement social ou leurs caractéristiques personnelles, entraînant un traitement préjudiciable dans des contextes sans rapport ou disproportionné ?',
      '¿Puntúa a las personas a lo largo del tiempo según su comportamiento social o rasgos personales, dando lugar a un trato perjudicial en contextos no relacionados o desproporcionado?',
      'هل يقيّم الأشخاص بمرور الوقت بناءً على سلوكهم الاجتماعي أو سماتهم الشخصية، بما يؤدي إلى معاملة ضارة في سياقات لا صلة لها أو غير متناسبة؟',
    ),
  ),
  q(
    'art5_1_d',
    'A',
    'Art 5(1)(d)',
    t(
      'Does it predict that a person will commit a crime solely from profiling or personality traits?',
      'Prédit-il qu’une personne commettra une infraction uniquement sur la base d’un profilage ou de traits de personnalité ?',
      '¿Predice que una persona cometerá un delito basándose únicamente en la elaboración de perfiles o en rasgos de personalidad?',
      'هل يتنبأ بأن شخصًا ما سيرتكب جريمة بالاستناد فقط إلى التنميط أو سمات الشخصية؟',
    ),
  ),
  q(
    'art5_1_e',
    'A',
    'Art 5(1)(e)',
    t(
      'Does it build facial recognition databases by untargeted scraping of images from the internet or CCTV?',
      'Constitue-t-il des bases de données de reconnaissance faciale par moissonnage non ciblé d’images sur internet ou de vidéosurveillance ?',
      '¿Crea bases de datos de reconocimiento facial mediante la extracción no selectiva de imágenes de internet o de circuitos cerrados de televisión?',
      'هل ينشئ قواعد بيانات للتعرف على الوجوه عن طريق جمع الصور عشوائيًا من الإنترنت أو من كاميرات المراقبة؟',
    ),
  ),
  q(
    'art5_1_f',
    'A',
    'Art 5(1)(f)',
    t(
      'Does it recognise emotions in the workplace or in education (other than for medical or safety reasons)?',
      'Reconnaît-il les émotions sur le lieu de travail ou dans l’enseignement (hors raisons médicales ou de sécurité) ?',
      '¿Reconoce emociones en el lugar de trabajo o en centros educativos (salvo por motivos médicos o de seguridad)?',
      'هل يتعرّف على المشاعر في مكان العمل أو في التعليم (لغير أسباب طبية أو أمنية)؟',
    ),
  ),
  q(
    'art5_1_g',
    'A',
    'Art 5(1)(g)',
    t(
      'Does it categorise people from biometric data to infer race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation?',
      'Catégorise-t-il les personnes à partir de données biométriques pour en déduire leur race, leurs opinions politiques, leur affiliation syndicale, leurs convictions religieuses ou philosophiques, leur vie sexuelle ou leur orientation sexuelle ?',
      '¿Clasifica a las personas a partir de datos biométricos para deducir su raza, opiniones políticas, afiliación sindical, creencias religiosas o filosóficas, vida sexual u orientación sexual?',
      'هل يصنّف الأشخاص استنادًا إلى بياناتهم البيومترية لاستنتاج العرق أو الآراء السياسية أو الانتماء النقابي أو المعتقدات الدينية أو الفلسفية أو الحياة الجنسية أو التوجه الجنسي؟',
    ),
  ),
  q(
    'art5_1_h',
    'A',
    'Art 5(1)(h)',
    t(
      'Does it perform real-time remote biometric identification in publicly accessible spaces for law enforcement?',
      'Effectue-t-il une identification biométrique à distance en temps réel dans des espaces accessibles au public à des fins répressives ?',
      '¿Realiza identificación biométrica remota en tiempo real en espacios de acceso público con fines de garantía del cumplimiento del Derecho?',
      'هل يُجري تحديدًا بيومتريًا عن بُعد وفي الوقت الفعلي للهوية في الأماكن العامة لأغراض إنفاذ القانون؟',
    ),
  ),
  // Step B: product safety, Art 6(1) and Annex I.
  q(
    'art6_1',
    'B',
    'Art 6(1)',
    t(
      'Is it a safety component of, or itself, a product under the EU harmonisation law listed in Annex I (machinery, toys, medical devices, radio equipment, lifts, vehicles…) that requires third-party conformity assessment?',
      'Est-il un composant de sécurité d’un produit, ou lui-même un produit, relevant de la législation d’harmonisation de l’UE énumérée à l’annexe I (machines, jouets, dispositifs médicaux, équipements radio, ascenseurs, véhicules…) soumis à une évaluation de la conformité par un tiers ?',
      '¿Es un componente de seguridad de un producto, o el propio producto, regulado por la legislación de armonización de la UE enumerada en el anexo I (máquinas, juguetes, productos sanitarios, equipos radioeléctricos, ascensores, vehículos…) que requiere una evaluación de la conformidad por terceros?',
      'هل هو مكوّن أمان لمنتج، أو منتج بحد ذاته، يخضع لتشريعات المواءمة الأوروبية المدرجة في الملحق الأول (الآلات، الألعاب، الأجهزة الطبية، المعدات الراديوية، المصاعد، المركبات…) ويتطلب تقييم مطابقة من طرف ثالث؟',
    ),
  ),
  // Step C: Annex III areas, Art 6(2).
  q(
    'annexIII_1_a',
    'C',
    'Annex III 1(a)',
    t(
      'Remote biometric identification of people (not 1:1 verification that a person is who they claim to be)?',
      'Identification biométrique à distance de personnes (hors vérification 1:1 qu’une personne est bien celle qu’elle prétend être) ?',
      '¿Identificación biométrica remota de personas (no la verificación 1:1 de que alguien es quien dice ser)?',
      'تحديد هوية الأشخاص بيومتريًا عن بُعد (وليس التحقق الفردي من أن الشخص هو من يدّعي أنه هو)؟',
    ),
  ),
  q(
    'annexIII_1_b',
    'C',
    'Annex III 1(b)',
    t(
      'Biometric categorisation according to sensitive or protected attributes?',
      'Catégorisation biométrique selon des attributs sensibles ou protégés ?',
      '¿Categorización biométrica según atributos sensibles o protegidos?',
      'التصنيف البيومتري وفق سمات حساسة أو محمية؟',
    ),
  ),
  q(
    'annexIII_1_c',
    'C',
    'Annex III 1(c)',
    t(
      'Emotion recognition?',
      'Reconnaissance des émotions ?',
      '¿Reconocimiento de emociones?',
      'التعرف على المشاعر؟',
    ),
  ),
  q(
    'annexIII_2',
    'C',
    'Annex III 2',
    t(
      'Safety component in the management or operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity?',
      'Composant de sécurité dans la gestion ou l’exploitation d’infrastructures numériques critiques, du trafic routier ou de la fourniture d’eau, de gaz, de chauffage ou d’électricité ?',
      '¿Componente de seguridad en la gestión o el funcionamiento de infraestructuras digitales críticas, del tráfico rodado o del suministro de agua, gas, calefacción o electricidad?',
      'مكوّن أمان في إدارة أو تشغيل البنية التحتية الرقمية الحيوية أو حركة المرور على الطرق أو إمدادات المياه أو الغاز أو التدفئة أو الكهرباء؟',
    ),
  ),
  q(
    'annexIII_3_a',
    'C',
    'Annex III 3(a)',
    t(
      'Deciding access or admission to education or vocational training?',
      'Décider de l’accès ou de l’admission à l’enseignement ou à la formation professionnelle ?',
      '¿Decidir el acceso o la admisión a la educación o la formación profesional?',
      'البتّ في الالتحاق أو القبول في التعليم أو التدريب المهني؟',
    ),
  ),
  q(
    'annexIII_3_b',
    'C',
    'Annex III 3(b)',
    t(
      'Evaluating learning outcomes?',
      'Évaluer les acquis d’apprentissage ?',
      '¿Evaluar los resultados del aprendizaje?',
      'تقييم نتائج التعلّم؟',
    ),
  ),
  q(
    'annexIII_3_c',
    'C',
    'Annex III 3(c)',
    t(
      'Assessing the appropriate level of education a person will receive or can access?',
      'Évaluer le niveau d’enseignement approprié qu’une personne recevra ou auquel elle pourra accéder ?',
      '¿Evaluar el nivel educativo adecuado que una persona recibirá o al que podrá acceder?',
      'تقييم المستوى التعليمي المناسب الذي سيحصل عليه الشخص أو يمكنه الوصول إليه؟',
    ),
  ),
  q(
    'annexIII_3_d',
    'C',
    'Annex III 3(d)',
    t(
      'Monitoring and detecting prohibited behaviour of students during tests?',
      'Surveiller et détecter les comportements interdits des élèves pendant les examens ?',
      '¿Supervisar y detectar comportamientos prohibidos de los estudiantes durante los exámenes?',
      'مراقبة السلوك المحظور للطلاب أثناء الاختبارات والكشف عنه؟',
    ),
  ),
  q(
    'annexIII_4_a',
    'C',
    'Annex III 4(a)',
    t(
      'Recruitment or selection: targeted job ads, screening or filtering applications, evaluating candidates?',
      'Recrutement ou sélection : annonces ciblées, tri ou filtrage des candidatures, évaluation des candidats ?',
      '¿Contratación o selección: anuncios de empleo dirigidos, cribado o filtrado de solicitudes, evaluación de candidatos?',
      'التوظيف أو الاختيار: إعلانات وظائف موجّهة، أو فرز الطلبات أو تصفيتها، أو تقييم المرشحين؟',
    ),
  ),
  q(
    'annexIII_4_b',
    'C',
    'Annex III 4(b)',
    t(
      'Decisions on promotion, termination or task allocation, or monitoring and evaluating workers’ performance and behaviour?',
      'Décisions de promotion, de licenciement ou d’attribution des tâches, ou suivi et évaluation des performances et du comportement des travailleurs ?',
      '¿Decisiones de ascenso, despido o asignación de tareas, o seguimiento y evaluación del rendimiento y el comportamiento de los trabajadores?',
      'قرارات الترقية أو إنهاء الخدمة أو توزيع المهام، أو رصد أداء العاملين وسلوكهم وتقييمه؟',
    ),
  ),
  q(
    'annexIII_5_a',
    'C',
    'Annex III 5(a)',
    t(
      'Evaluating eligibility for public assistance benefits and services, or granting, reducing, revoking or reclaiming them?',
      'Évaluer l’éligibilité aux prestations et services d’assistance publique, ou les accorder, réduire, révoquer ou récupérer ?',
      '¿Evaluar la admisibilidad para prestaciones y servicios de asistencia pública, o concederlos, reducirlos, revocarlos o reclamarlos?',
      'تقييم الأهلية للحصول على إعانات وخدمات المساعدة العامة، أو منحها أو تخفيضها أو إلغاؤها أو استردادها؟',
    ),
  ),
  q(
    'annexIII_5_b',
    'C',
    'Annex III 5(b)',
    t(
      'Evaluating creditworthiness or establishing a credit score (other than to detect fraud)?',
      'Évaluer la solvabilité ou établir une note de crédit (hors détection de la fraude) ?',
      '¿Evaluar la solvencia o establecer una calificación crediticia (salvo para detectar fraudes)?',
      'تقييم الجدارة الائتمانية أو تحديد درجة ائتمانية (لغير غرض كشف الاحتيال)؟',
    ),
  ),
  q(
    'annexIII_5_c',
    'C',
    'Annex III 5(c)',
    t(
      'Risk assessment and pricing in life and health insurance?',
      'Évaluation des risques et tarification en assurance vie et maladie ?',
      '¿Evaluación de riesgos y fijación de precios en seguros de vida y de salud?',
      'تقييم المخاطر والتسعير في التأمين على الحياة والتأمين الصحي؟',
    ),
  ),
  q(
    'annexIII_5_d',
    'C',
    'Annex III 5(d)',
    t(
      'Evaluating and classifying emergency calls, dispatching emergency services, or emergency healthcare triage?',
      'Évaluer et classer les appels d’urgence, répartir les services d’urgence ou trier les patients en urgence ?',
      '¿Evaluar y clasificar llamadas de emergencia, despachar servicios de emergencia o realizar el triaje sanitario de urgencia?',
      'تقييم مكالمات الطوارئ وتصنيفها، أو إرسال خدمات الطوارئ، أو فرز المرضى في حالات الطوارئ الصحية؟',
    ),
  ),
  q(
    'annexIII_6_a',
    'C',
    'Annex III 6(a)',
    t(
      'Law enforcement: assessing the risk of a person becoming a victim of crime?',
      'Répression : évaluer le risque qu’une personne soit victime d’une infraction ?',
      'Garantía del cumplimiento del Derecho: ¿evaluar el riesgo de que una persona sea víctima de un delito?',
      'إنفاذ القانون: تقييم خطر أن يصبح شخص ما ضحية لجريمة؟',
    ),
  ),
  q(
    'annexIII_6_b',
    'C',
    'Annex III 6(b)',
    t(
      'Law enforcement: polygraphs or similar tools?',
      'Répression : polygraphes ou outils similaires ?',
      'Garantía del cumplimiento del Derecho: ¿polígrafos o herramientas similares?',
      'إنفاذ القانون: أجهزة كشف الكذب أو أدوات مماثلة؟',
    ),
  ),
  q(
    'annexIII_6_c',
    'C',
    'Annex III 6(c)',
    t(
      'Law enforcement: evaluating the reliability of evidence?',
      'Répression : évaluer la fiabilité des preuves ?',
      'Garantía del cumplimiento del Derecho: ¿evaluar la fiabilidad de las pruebas?',
      'إنفاذ القانون: تقييم موثوقية الأدلة؟',
    ),
  ),
  q(
    'annexIII_6_d',
    'C',
    'Annex III 6(d)',
    t(
      'Law enforcement: assessing the risk of offending or re-offending, not solely on profiling?',
      'Répression : évaluer le risque d’infraction ou de récidive, pas uniquement sur la base d’un profilage ?',
      'Garantía del cumplimiento del Derecho: ¿evaluar el riesgo de delincuencia o reincidencia, no basándose únicamente en perfiles?',
      'إنفاذ القانون: تقييم خطر ارتكاب جريمة أو العودة إليها، دون الاقتصار على التنميط؟',
    ),
  ),
  q(
    'annexIII_6_e',
    'C',
    'Annex III 6(e)',
    t(
      'Law enforcement: profiling people in the detection, investigation or prosecution of crime?',
      'Répression : profilage de personnes dans la détection, l’enquête ou la poursuite d’infractions ?',
      'Garantía del cumplimiento del Derecho: ¿elaboración de perfiles en la detección, investigación o enjuiciamiento de delitos?',
      'إنفاذ القانون: تنميط الأشخاص في كشف الجرائم أو التحقيق فيها أو الملاحقة القضائية بشأنها؟',
    ),
  ),
  q(
    'annexIII_7_a',
    'C',
    'Annex III 7(a)',
    t(
      'Migration, asylum or border control: polygraphs or similar tools?',
      'Migration, asile ou contrôle aux frontières : polygraphes ou outils similaires ?',
      'Migración, asilo o control fronterizo: ¿polígrafos o herramientas similares?',
      'الهجرة أو اللجوء أو مراقبة الحدود: أجهزة كشف الكذب أو أدوات مماثلة؟',
    ),
  ),
  q(
    'annexIII_7_b',
    'C',
    'Annex III 7(b)',
    t(
      'Migration, asylum or border control: assessing a security, irregular migration or health risk posed by a person entering a country?',
      'Migration, asile ou contrôle aux frontières : évaluer un risque pour la sécurité, de migration irrégulière ou pour la santé posé par une personne entrant sur un territoire ?',
      'Migración, asilo o control fronterizo: ¿evaluar un riesgo para la seguridad, de migración irregular o para la salud que plantea una persona que entra en un país?',
      'الهجرة أو اللجوء أو مراقبة الحدود: تقييم خطر أمني أو خطر هجرة غير نظامية أو خطر صحي يشكّله شخص يدخل بلدًا ما؟',
    ),
  ),
  q(
    'annexIII_7_c',
    'C',
    'Annex III 7(c)',
    t(
      'Examining applications for asylum, visas or residence permits and related complaints, including the reliability of evidence?',
      'Examiner des demandes d’asile, de visa ou de titre de séjour et les plaintes connexes, y compris la fiabilité des preuves ?',
      '¿Examinar solicitudes de asilo, visados o permisos de residencia y las reclamaciones conexas, incluida la fiabilidad de las pruebas?',
      'فحص طلبات اللجوء أو التأشيرات أو تصاريح الإقامة والشكاوى المتعلقة بها، بما في ذلك موثوقية الأدلة؟',
    ),
  ),
  q(
    'annexIII_7_d',
    'C',
    'Annex III 7(d)',
    t(
      'Detecting, recognising or identifying people in migration, asylum or border control (other than verifying travel documents)?',
      'Détecter, reconnaître ou identifier des personnes dans le cadre de la migration, de l’asile ou du contrôle aux frontières (hors vérification des documents de voyage) ?',
      '¿Detectar, reconocer o identificar a personas en el contexto de la migración, el asilo o el control fronterizo (salvo la verificación de documentos de viaje)?',
      'الكشف عن الأشخاص أو التعرف عليهم أو تحديد هويتهم في سياق الهجرة أو اللجوء أو مراقبة الحدود (عدا التحقق من وثائق السفر)؟',
    ),
  ),
  q(
    'annexIII_8_a',
    'C',
    'Annex III 8(a)',
    t(
      'Assisting a judicial authority in researching and interpreting facts and the law?',
      'Aider une autorité judiciaire à rechercher et interpréter les faits et le droit ?',
      '¿Asistir a una autoridad judicial en la investigación e interpretación de los hechos y del Derecho?',
      'مساعدة سلطة قضائية في البحث في الوقائع والقانون وتفسيرها؟',
    ),
  ),
  q(
    'annexIII_8_b',
    'C',
    'Annex III 8(b)',
    t(
      'Influencing the outcome of an election or referendum, or people’s voting behaviour?',
      'Influencer le résultat d’une élection ou d’un référendum, ou le comportement électoral des personnes ?',
      '¿Influir en el resultado de una elección o referéndum, o en el comportamiento electoral de las personas?',
      'التأثير في نتيجة انتخابات أو استفتاء، أو في السلوك الانتخابي للأشخاص؟',
    ),
  ),
  // Step D: the Art 6(3) derogation.
  q(
    'art6_3_noSignificantRisk',
    'D',
    'Art 6(3)',
    t(
      'Is it clear that the system poses no significant risk of harm to health, safety or fundamental rights?',
      'Est-il établi que le système ne présente pas de risque important de préjudice pour la santé, la sécurité ou les droits fondamentaux ?',
      '¿Está claro que el sistema no plantea un riesgo considerable de perjuicio para la salud, la seguridad o los derechos fundamentales?',
      'هل من الواضح أن النظام لا يشكّل خطرًا كبيرًا بإلحاق الضرر بالصحة أو السلامة أو الحقوق الأساسية؟',
    ),
  ),
  q(
    'art6_3_a',
    'D',
    'Art 6(3)(a)',
    t(
      'Does it only perform a narrow procedural task?',
      'Se limite-t-il à accomplir une tâche procédurale étroite ?',
      '¿Se limita a realizar una tarea de procedimiento limitada?',
      'هل يقتصر على أداء مهمة إجرائية محدودة؟',
    ),
  ),
  q(
    'art6_3_b',
    'D',
    'Art 6(3)(b)',
    t(
      'Does it only improve the result of a previously completed human activity?',
      'Se limite-t-il à améliorer le résultat d’une activité humaine déjà menée à bien ?',
      '¿Se limita a mejorar el resultado de una actividad humana previamente realizada?',
      'هل يقتصر على تحسين نتيجة نشاط بشري أُنجز مسبقًا؟',
    ),
  ),
  q(
    'art6_3_c',
    'D',
    'Art 6(3)(c)',
    t(
      'Does it only detect decision-making patterns or deviations, without replacing or influencing the human assessment without proper human review?',
      'Se limite-t-il à détecter des schémas décisionnels ou des écarts, sans remplacer ni influencer l’évaluation humaine sans examen humain approprié ?',
      '¿Se limita a detectar patrones de toma de decisiones o desviaciones, sin sustituir ni influir en la evaluación humana sin una revisión humana adecuada?',
      'هل يقتصر على رصد أنماط اتخاذ القرار أو الانحرافات عنها، دون أن يحل محل التقييم البشري أو يؤثر فيه دون مراجعة بشرية مناسبة؟',
    ),
  ),
  q(
    'art6_3_d',
    'D',
    'Art 6(3)(d)',
    t(
      'Does it only perform a task preparatory to an assessment?',
      'Se limite-t-il à exécuter une tâche préparatoire à une évaluation ?',
      '¿Se limita a realizar una tarea preparatoria de una evaluación?',
      'هل يقتصر على أداء مهمة تحضيرية لتقييم ما؟',
    ),
  ),
  q(
    'art6_3_profiling',
    'D',
    'Art 6(3)',
    t(
      'Does it profile natural persons?',
      'Effectue-t-il un profilage de personnes physiques ?',
      '¿Elabora perfiles de personas físicas?',
      'هل يقوم بتنميط أشخاص طبيعيين؟',
    ),
  ),
  // Step E: transparency, Art 50.
  q(
    'art50_1',
    'E',
    'Art 50(1)',
    t(
      'Does it interact directly with people (chatbot, voice agent)?',
      'Interagit-il directement avec des personnes (agent conversationnel, assistant vocal) ?',
      '¿Interactúa directamente con personas (chatbot, asistente de voz)?',
      'هل يتفاعل مباشرة مع الأشخاص (روبوت محادثة، مساعد صوتي)؟',
    ),
  ),
  q(
    'art50_2',
    'E',
    'Art 50(2)',
    t(
      'Does it generate synthetic audio, image, video or text?',
      'Génère-t-il des contenus synthétiques audio, image, vidéo ou texte ?',
      '¿Genera contenido sintético de audio, imagen, vídeo o texto?',
      'هل يولّد محتوى اصطناعيًا صوتيًا أو مرئيًا أو مصورًا أو نصيًا؟',
    ),
  ),
  q(
    'art50_3',
    'E',
    'Art 50(3)',
    t(
      'Does it perform emotion recognition or biometric categorisation (where not prohibited)?',
      'Effectue-t-il une reconnaissance des émotions ou une catégorisation biométrique (lorsqu’elle n’est pas interdite) ?',
      '¿Realiza reconocimiento de emociones o categorización biométrica (cuando no está prohibido)?',
      'هل يقوم بالتعرف على المشاعر أو بالتصنيف البيومتري (حيث لا يكون ذلك محظورًا)؟',
    ),
  ),
  q(
    'art50_4',
    'E',
    'Art 50(4)',
    t(
      'Does it produce deep fakes, or AI-generated text published to inform the public on matters of public interest?',
      'Produit-il des hypertrucages, ou des textes générés par l’IA publiés pour informer le public sur des questions d’intérêt public ?',
      '¿Produce ultrasuplantaciones, o textos generados por IA publicados para informar al público sobre asuntos de interés público?',
      'هل ينتج تزييفًا عميقًا، أو نصوصًا مولَّدة بالذكاء الاصطناعي تُنشر لإعلام الجمهور بشأن مسائل تهم الشأن العام؟',
    ),
  ),
  // GPAI flag, independent of the tier.
  q(
    'gpai',
    'gpai',
    'Art 3(63)',
    t(
      'Is it, or is it built on, a general-purpose AI model (a large language or multimodal foundation model)?',
      'Est-il, ou repose-t-il sur, un modèle d’IA à usage général (grand modèle de langage ou modèle de fondation multimodal) ?',
      '¿Es, o se basa en, un modelo de IA de uso general (un gran modelo de lenguaje o un modelo fundacional multimodal)?',
      'هل هو نموذج ذكاء اصطناعي للأغراض العامة أو مبني على نموذج كهذا (نموذج لغوي كبير أو نموذج أساسي متعدد الوسائط)؟',
    ),
  ),
] as const satisfies readonly TriageQuestion[];

export type TriageQuestionId = (typeof TRIAGE_QUESTIONS)[number]['id'];

export const TRIAGE_QUESTION_IDS: readonly TriageQuestionId[] = TRIAGE_QUESTIONS.map((x) => x.id);

/** Every citation the triage can return, in questionnaire order (the AI registry's `articles` choices). */
export const ALL_GROUNDS: readonly string[] = [
  ...new Set(
    TRIAGE_QUESTIONS.filter(
      (x) => x.step !== 'gpai' && x.id !== 'art6_3_noSignificantRisk' && x.id !== 'art6_3_profiling',
    ).map((x) => x.ref),
  ),
];
