// Human messages for validation issues, in the four working languages. The field is named by its
// localised label; choice values are shown by their localised labels.
import { MISSIONS, REGIONS } from '../reference/missions';
import type { Mission } from '../reference/missions';
import { findField } from '../registers/lookup';
import { joinList } from '../schema/localized';
import type { FieldDef, Locale, RegisterSchema } from '../schema/types';
import type { FieldIssue, IssueCode } from './issues';

type Templates = Readonly<Record<IssueCode, string>>;

// Placeholders: {label} {value} {choices} {min} {max} {maxLength} {length} {expected} {name} {register} {count} {schemes}
const MESSAGES: Readonly<Record<Locale, Templates>> = {
  en: {
    required: '{label}: this field is required',
    tooLong: '{label}: the text is too long ({length} characters, at most {maxLength})',
    invalidChoice: "{label}: '{value}' is not one of {choices}",
    invalidDate: "{label}: '{value}' is not a valid date",
    notANumber: "{label}: '{value}' is not a number",
    notAnInteger: '{label}: {value} is not a whole number',
    outOfRange: '{label}: {value} is outside the allowed range ({min} to {max})',
    invalidEmail: "{label}: '{value}' is not a valid email address",
    invalidUrl: "{label}: '{value}' is not an accepted link (accepted: {schemes})",
    controlCharacters: '{label}: the text contains invisible control characters',
    formula: "{label}: '{value}' looks like a spreadsheet formula, which is not accepted as text",
    unknownField: "'{name}' is not a column of the {register}",
    invalidBoolean: "{label}: '{value}' is not yes or no",
    invalidLookup: "{label}: '{value}' is not a valid item reference",
    invalidJson: '{label}: the content is not valid JSON',
    invalidType: '{label}: this kind of value is not accepted',
    tooManyValues: '{label}: only one value is allowed ({count} given)',
    regionMismatch: "{label}: '{value}' does not match the mission's region ({expected})",
  },
  fr: {
    required: '{label} : ce champ est obligatoire',
    tooLong: '{label} : le texte est trop long ({length} caractères, {maxLength} au maximum)',
    invalidChoice: '{label} : « {value} » ne fait pas partie des valeurs {choices}',
    invalidDate: '{label} : « {value} » n’est pas une date valide',
    notANumber: '{label} : « {value} » n’est pas un nombre',
    notAnInteger: '{label} : {value} n’est pas un nombre entier',
    outOfRange: '{label} : {value} est en dehors de la plage autorisée ({min} à {max})',
    invalidEmail: '{label} : « {value} » n’est pas une adresse électronique valide',
    invalidUrl: '{label} : « {value} » n’est pas un lien accepté (acceptés : {schemes})',
    controlCharacters: '{label} : le texte contient des caractères de contrôle invisibles',
    formula: '{label} : « {value} » ressemble à une formule de tableur, qui n’est pas acceptée comme texte',
    unknownField: '« {name} » n’est pas une colonne de : {register}',
    invalidBoolean: '{label} : « {value} » n’est ni oui ni non',
    invalidLookup: '{label} : « {value} » n’est pas une référence d’élément valide',
    invalidJson: '{label} : le contenu n’est pas du JSON valide',
    invalidType: '{label} : ce type de valeur n’est pas accepté',
    tooManyValues: '{label} : une seule valeur est autorisée ({count} fournies)',
    regionMismatch: '{label} : « {value} » ne correspond pas à la région de la mission ({expected})',
  },
  es: {
    required: '{label}: este campo es obligatorio',
    tooLong: '{label}: el texto es demasiado largo ({length} caracteres, máximo {maxLength})',
    invalidChoice: '{label}: «{value}» no es uno de los valores {choices}',
    invalidDate: '{label}: «{value}» no es una fecha válida',
    notANumber: '{label}: «{value}» no es un número',
    notAnInteger: '{label}: {value} no es un número entero',
    outOfRange: '{label}: {value} está fuera del intervalo permitido ({min} a {max})',
    invalidEmail: '{label}: «{value}» no es una dirección de correo electrónico válida',
    invalidUrl: '{label}: «{value}» no es un enlace aceptado (aceptados: {schemes})',
    controlCharacters: '{label}: el texto contiene caracteres de control invisibles',
    formula: '{label}: «{value}» parece una fórmula de hoja de cálculo, que no se acepta como texto',
    unknownField: '«{name}» no es una columna de: {register}',
    invalidBoolean: '{label}: «{value}» no es sí ni no',
    invalidLookup: '{label}: «{value}» no es una referencia de elemento válida',
    invalidJson: '{label}: el contenido no es JSON válido',
    invalidType: '{label}: no se acepta este tipo de valor',
    tooManyValues: '{label}: solo se permite un valor (se indicaron {count})',
    regionMismatch: '{label}: «{value}» no coincide con la región de la misión ({expected})',
  },
  ar: {
    required: '{label}: هذا الحقل إلزامي',
    tooLong: '{label}: النص طويل جدًا ({length} حرفًا، والحد الأقصى {maxLength})',
    invalidChoice: '{label}: «{value}» ليست من بين القيم {choices}',
    invalidDate: '{label}: «{value}» ليس تاريخًا صالحًا',
    notANumber: '{label}: «{value}» ليس رقمًا',
    notAnInteger: '{label}: {value} ليس عددًا صحيحًا',
    outOfRange: '{label}: القيمة {value} خارج النطاق المسموح به (من {min} إلى {max})',
    invalidEmail: '{label}: «{value}» ليس عنوان بريد إلكتروني صالحًا',
    invalidUrl: '{label}: «{value}» ليس رابطًا مقبولًا (المقبول: {schemes})',
    controlCharacters: '{label}: يحتوي النص على أحرف تحكم غير مرئية',
    formula: '{label}: تبدو «{value}» صيغةَ جدول بيانات، وهي غير مقبولة كنص',
    unknownField: '«{name}» ليس عمودًا في {register}',
    invalidBoolean: '{label}: «{value}» ليست نعم أو لا',
    invalidLookup: '{label}: «{value}» ليس مرجعًا صالحًا لعنصر',
    invalidJson: '{label}: المحتوى ليس بتنسيق JSON صالح',
    invalidType: '{label}: هذا النوع من القيم غير مقبول',
    tooManyValues: '{label}: يُسمح بقيمة واحدة فقط (أُدخلت {count})',
    regionMismatch: '{label}: «{value}» لا تطابق منطقة البعثة ({expected})',
  },
};

/** The localised label of a stored choice value (falls back to the value itself). */
export const choiceLabel = (
  field: FieldDef,
  value: string,
  locale: Locale,
  missions: readonly Mission[] = MISSIONS,
): string => {
  if (field.choiceSource === 'missions') return missions.find((m) => m.id === value)?.name[locale] ?? value;
  if (field.choiceSource === 'regions') return REGIONS.find((r) => r.id === value)?.name[locale] ?? value;
  return field.choiceLabels?.[value]?.[locale] ?? value;
};

export const messageTemplate = (code: IssueCode, locale: Locale): string => MESSAGES[locale][code];

/** One issue as a sentence in the given language, naming the field by its label. */
export const formatIssue = (
  issue: FieldIssue,
  locale: Locale,
  schema: RegisterSchema,
  missions: readonly Mission[] = MISSIONS,
): string => {
  const field = findField(schema, issue.field);
  const vars: Record<string, string> = {
    label: field?.label[locale] ?? issue.field,
    register: schema.displayName[locale],
  };
  for (const [k, v] of Object.entries(issue.params)) {
    if (Array.isArray(v)) {
      vars[k] = joinList(
        v.map((x: string) => (field ? choiceLabel(field, x, locale, missions) : x)),
        locale,
      );
    } else vars[k] = String(v);
  }
  // A region is shown by its name, not its id.
  if (issue.code === 'regionMismatch' && field) {
    vars.value = choiceLabel(field, String(issue.params.value), locale, missions);
    vars.expected = choiceLabel(field, String(issue.params.expected), locale, missions);
  }
  return MESSAGES[locale][issue.code].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
};
