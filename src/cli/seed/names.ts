// Name pools for demo people. Arabic-script names carry an ASCII transliteration for the e-mail
// address (user principal names are ASCII).

export interface NameParts {
  readonly given: string;
  readonly family: string;
  /** ASCII local-part stem for the e-mail, e.g. 'layla.mansour'. */
  readonly ascii: string;
  readonly language: 'en-US' | 'fr-FR' | 'es-ES' | 'ar-SA';
}

const latinGiven = [
  'James',
  'Grace',
  'Daniel',
  'Sarah',
  'Samuel',
  'Ruth',
  'Peter',
  'Joyce',
  'Michael',
  'Esther',
  'David',
  'Mary',
  'Brian',
  'Wanjiru',
  'Tendai',
  'Chinedu',
  'Priya',
  'Anil',
  'Mei',
  'Tomasz',
  'Olena',
  'Nadia',
  'Kwame',
  'Ama',
  'Liam',
  'Hannah',
];
const latinFamily = [
  'Okafor',
  'Mwangi',
  'Otieno',
  'Smith',
  'Johnson',
  'Banda',
  'Phiri',
  'Nair',
  'Sharma',
  'Chen',
  'Nowak',
  'Kowalenko',
  'Mensah',
  'Owusu',
  'Walker',
  'Kamau',
  'Dlamini',
  'Reyes',
  'Tan',
  'Murphy',
];
const spanishGiven = [
  'Carlos',
  'Lucía',
  'Mateo',
  'Valentina',
  'Andrés',
  'Camila',
  'Diego',
  'Isabel',
  'Javier',
  'Sofía',
  'Alejandro',
  'María José',
];
const spanishFamily = [
  'Mendoza',
  'García',
  'Rodríguez',
  'López',
  'Hernández',
  'Martínez',
  'Pérez',
  'Gómez',
  'Castillo',
  'Ramírez',
  'Núñez',
  'Ortiz',
];
const frenchGiven = [
  'Élodie',
  'Hélène',
  'Benoît',
  'François',
  'Jérôme',
  'Gaëlle',
  'Noël',
  'Aïssatou',
  'Cécile',
  'Léa',
  'Mamadou',
  'Fatoumata',
  'Théo',
  'Chloé',
  'Émile',
  'Mariam',
];
const frenchFamily = [
  'Lefèvre',
  'Dubois',
  'Moreau',
  'Girard',
  'Diallo',
  'Traoré',
  'Ndiaye',
  'Koné',
  'Bérard',
  'Lemaître',
  'Faye',
  'Sané',
  'Mbaye',
  'Rousseau',
  'Nguema',
  'Camara',
];
const arabic: readonly (readonly [string, string, string])[] = [
  ['ليلى', 'منصور', 'layla.mansour'],
  ['يوسف', 'حداد', 'youssef.haddad'],
  ['مريم', 'الخطيب', 'maryam.alkhatib'],
  ['عمر', 'الفارس', 'omar.alfaris'],
  ['نور', 'حسن', 'nour.hassan'],
  ['خالد', 'العلي', 'khaled.alali'],
  ['سارة', 'عبدالله', 'sara.abdullah'],
  ['أحمد', 'يوسف', 'ahmed.youssef'],
  ['هدى', 'سليمان', 'huda.suleiman'],
  ['رامي', 'نصار', 'rami.nassar'],
  ['فاطمة', 'الزهراء', 'fatima.alzahra'],
  ['طارق', 'الحسيني', 'tariq.alhusseini'],
  ['ريم', 'قاسم', 'reem.qasim'],
  ['سامي', 'عودة', 'sami.odeh'],
];

/** Lower-case ASCII e-mail stem from a Latin-script name (accents stripped). */
export function asciiStem(given: string, family: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
  return `${clean(given)}.${clean(family)}`;
}

const latin = (given: readonly string[], family: readonly string[], language: NameParts['language']) =>
  given.flatMap((g) => family.map((f) => ({ given: g, family: f, ascii: asciiStem(g, f), language })));

/** Every name combination, grouped by script/language so the generator can mix them on purpose. */
export const NAME_POOLS: Readonly<Record<NameParts['language'], readonly NameParts[]>> = {
  'en-US': latin(latinGiven, latinFamily, 'en-US'),
  'es-ES': latin(spanishGiven, spanishFamily, 'es-ES'),
  'fr-FR': latin(frenchGiven, frenchFamily, 'fr-FR'),
  'ar-SA': arabic.flatMap(([g, , a]) =>
    arabic.map(([, f, b]) => ({
      given: g,
      family: f,
      ascii: `${a.split('.')[0]}.${b.split('.')[1]}`,
      language: 'ar-SA' as const,
    })),
  ),
};
