// The bot's part of the Teams manifest and the fr/es/ar localisation files, derived from the code that
// owns the words: the bot's chat commands (src/bot/cards/i18n.ts) and the tab's UI strings (static tab
// names are translated by finding the English name among src/tab/i18n/en.ts and taking the same key in the
// other catalogues). Pure functions; scripts/add-bot-to-manifest.ts applies them to appPackage/.
import { COMMANDS } from '../../src/bot/cards/i18n';
import { ar } from '../../src/tab/i18n/ar';
import { en } from '../../src/tab/i18n/en';
import { es } from '../../src/tab/i18n/es';
import { fr } from '../../src/tab/i18n/fr';

export type ManifestLocale = 'fr' | 'es' | 'ar';
export const MANIFEST_LOCALES: readonly ManifestLocale[] = ['fr', 'es', 'ar'];
type Json = Record<string, unknown>;

/** Command words: the first word of each language in COMMANDS (en, fr, es, ar in that order). */
const WORDS: Readonly<Record<'en' | ManifestLocale, { status: string; help: string }>> = {
  en: { status: 'status', help: 'help' },
  fr: { status: 'statut', help: 'aide' },
  es: { status: 'estado', help: 'ayuda' },
  ar: { status: 'الحالة', help: 'مساعدة' },
};

const DESCRIPTIONS = {
  en: {
    status: 'Show the health of the records you keep',
    help: 'What I do and the commands I understand',
    short: 'Data inventory, AI registry and risk register',
    full: 'Keep the Data & AI Governance registers up to date: the data inventory, the AI registry and the risk register, from Teams, Excel and a reminder chat.',
  },
  fr: {
    status: 'Afficher la santé des enregistrements dont vous avez la charge',
    help: 'Ce que je fais et les commandes que je comprends',
    short: 'Inventaire des données, registre IA et registre des risques',
    full: 'Tenez à jour les registres de gouvernance des données et de l’IA : inventaire des données, registre des systèmes d’IA et registre des risques, depuis Teams, Excel et une conversation de rappels.',
  },
  es: {
    status: 'Ver el estado de los registros a su cargo',
    help: 'Lo que hago y los comandos que entiendo',
    short: 'Inventario de datos, registro de IA y registro de riesgos',
    full: 'Mantenga al día los registros de gobernanza de datos e IA: el inventario de datos, el registro de sistemas de IA y el registro de riesgos, desde Teams, Excel y un chat de recordatorios.',
  },
  ar: {
    status: 'عرض حالة السجلات التي تتولى مسؤوليتها',
    help: 'ما أقوم به والأوامر التي أفهمها',
    short: 'جرد البيانات وسجل الذكاء الاصطناعي وسجل المخاطر',
    full: 'حافظ على تحديث سجلات حوكمة البيانات والذكاء الاصطناعي: جرد البيانات وسجل أنظمة الذكاء الاصطناعي وسجل المخاطر، من Teams وExcel ومحادثة التذكيرات.',
  },
} as const;

/** Every command word used here must be one the bot recognises. */
export function checkCommandWords(): string[] {
  const problems: string[] = [];
  for (const [locale, words] of Object.entries(WORDS)) {
    if (!COMMANDS.status.includes(words.status))
      problems.push(`${locale}: the bot does not know "${words.status}"`);
    if (!COMMANDS.help.includes(words.help))
      problems.push(`${locale}: the bot does not know "${words.help}"`);
  }
  return problems;
}

export function botSection(): Json {
  return {
    botId: '${{BOT_ID}}',
    scopes: ['personal'],
    supportsFiles: false,
    isNotificationOnly: false,
    commandLists: [
      {
        scopes: ['personal'],
        commands: [
          { title: WORDS.en.status, description: DESCRIPTIONS.en.status },
          { title: WORDS.en.help, description: DESCRIPTIONS.en.help },
        ],
      },
    ],
  };
}

function flatten(node: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

const CATALOGUES: Readonly<Record<'en' | ManifestLocale, Map<string, string>>> = {
  en: flatten(en, '', new Map()),
  fr: flatten(fr, '', new Map()),
  es: flatten(es, '', new Map()),
  ar: flatten(ar, '', new Map()),
};

/** The tab's own translation of an English UI string, when the tab has one. */
export function translateUiString(english: string, locale: ManifestLocale): string | undefined {
  for (const [key, value] of CATALOGUES.en) {
    if (value === english) return CATALOGUES[locale].get(key);
  }
  return undefined;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds (or replaces) the bot and the localisation info; everything else in the manifest is kept. */
export function withBotAndLocalisation(manifest: Json): Json {
  const bots = Array.isArray(manifest.bots)
    ? manifest.bots.filter((b) => !(isObject(b) && b.botId === '${{BOT_ID}}'))
    : [];
  const info = isObject(manifest.localizationInfo) ? manifest.localizationInfo : {};
  const others = (Array.isArray(info.additionalLanguages) ? info.additionalLanguages : []).filter(
    (l) => !(isObject(l) && MANIFEST_LOCALES.includes(String(l.languageTag).slice(0, 2) as ManifestLocale)),
  );
  return {
    ...manifest,
    bots: [botSection(), ...bots],
    localizationInfo: {
      ...info,
      defaultLanguageTag: typeof info.defaultLanguageTag === 'string' ? info.defaultLanguageTag : 'en-us',
      additionalLanguages: [
        ...others,
        ...MANIFEST_LOCALES.map((l) => ({ languageTag: l, file: `${l}.json` })),
      ],
    },
  };
}

/** The localisation file of one language for a manifest (after withBotAndLocalisation). */
export function localisationFile(
  manifest: Json,
  locale: ManifestLocale,
): { file: Json; untranslated: string[] } {
  const schema = String(manifest.$schema ?? '').replace(
    'MicrosoftTeams.schema.json',
    'MicrosoftTeams.Localization.schema.json',
  );
  const name = isObject(manifest.name) ? manifest.name : {};
  const d = DESCRIPTIONS[locale];
  const file: Json = {
    $schema: schema,
    'name.short': String(name.short ?? 'Governance Hub'),
    'name.full': String(name.full ?? name.short ?? 'Governance Hub'),
    'description.short': d.short,
    'description.full': d.full,
  };
  const untranslated: string[] = [];
  (Array.isArray(manifest.staticTabs) ? manifest.staticTabs : []).forEach((tab, i) => {
    if (!isObject(tab) || typeof tab.name !== 'string') return;
    const translated = translateUiString(tab.name, locale);
    if (translated === undefined) untranslated.push(tab.name);
    file[`staticTabs[${i}].name`] = translated ?? tab.name;
  });
  (Array.isArray(manifest.bots) ? manifest.bots : []).forEach((bot, b) => {
    if (!isObject(bot) || bot.botId !== '${{BOT_ID}}') return;
    file[`bots[${b}].commandLists[0].commands[0].title`] = WORDS[locale].status;
    file[`bots[${b}].commandLists[0].commands[0].description`] = d.status;
    file[`bots[${b}].commandLists[0].commands[1].title`] = WORDS[locale].help;
    file[`bots[${b}].commandLists[0].commands[1].description`] = d.help;
  });
  return { file, untranslated };
}
