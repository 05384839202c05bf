// Why a row was not sent: the domain's refusal codes (src/domain/roles) in the pane's four languages. The push checks
// `can(actor, action, schema, record)` per row, as SharePoint will, so a row the person may not change is reported
// here instead of being sent and refused (or, with broad list permissions, silently accepted).
import type { RefusalCode } from '../../domain/roles';
import type { Locale } from '../../domain/schema/types';

type Texts = Readonly<Record<RefusalCode, string>>;

const REFUSALS: Readonly<Record<Locale, Texts>> = {
  en: {
    noRole: 'Not sent: you have no role in Governance Hub.',
    notPermitted: 'Not sent: your role may not do this (ask the mission’s focal point).',
    officerOnly: 'Not sent: only a governance officer may do this.',
    notOwnRecord: 'Not sent: you may change only the records you are custodian or owner of.',
    notOwnMission: 'Not sent: you may change only the records of your own mission.',
    notApplicable: 'Not sent: this register has no such step.',
    officerOnlyField: 'Not sent: only a governance officer may change {{fields}}.',
    reassignNotAllowed: 'Not sent: you may not hand this record over to someone else ({{fields}}).',
  },
  fr: {
    noRole: 'Non envoyé : vous n’avez aucun rôle dans Governance Hub.',
    notPermitted: 'Non envoyé : votre rôle ne le permet pas (demandez au point focal de la mission).',
    officerOnly: 'Non envoyé : seul un responsable de la gouvernance peut faire cela.',
    notOwnRecord:
      'Non envoyé : vous ne pouvez modifier que les fiches dont vous êtes dépositaire ou propriétaire.',
    notOwnMission: 'Non envoyé : vous ne pouvez modifier que les fiches de votre mission.',
    notApplicable: 'Non envoyé : ce registre n’a pas cette étape.',
    officerOnlyField: 'Non envoyé : seul un responsable de la gouvernance peut modifier {{fields}}.',
    reassignNotAllowed:
      'Non envoyé : vous ne pouvez pas confier cette fiche à quelqu’un d’autre ({{fields}}).',
  },
  es: {
    noRole: 'No enviado: no tiene ningún rol en Governance Hub.',
    notPermitted: 'No enviado: su rol no lo permite (pregunte al punto focal de la misión).',
    officerOnly: 'No enviado: solo un responsable de gobernanza puede hacerlo.',
    notOwnRecord: 'No enviado: solo puede cambiar los registros de los que es custodio o propietario.',
    notOwnMission: 'No enviado: solo puede cambiar los registros de su propia misión.',
    notApplicable: 'No enviado: este registro no tiene ese paso.',
    officerOnlyField: 'No enviado: solo un responsable de gobernanza puede cambiar {{fields}}.',
    reassignNotAllowed: 'No enviado: no puede traspasar este registro a otra persona ({{fields}}).',
  },
  ar: {
    noRole: 'لم يُرسل: ليس لديك دور في Governance Hub.',
    notPermitted: 'لم يُرسل: دورك لا يسمح بذلك (اسأل جهة الاتصال في البعثة).',
    officerOnly: 'لم يُرسل: لا يقوم بذلك إلا مسؤول الحوكمة.',
    notOwnRecord: 'لم يُرسل: لا يمكنك تغيير إلا السجلات التي أنت أمينها أو مالكها.',
    notOwnMission: 'لم يُرسل: لا يمكنك تغيير إلا سجلات بعثتك.',
    notApplicable: 'لم يُرسل: لا توجد هذه الخطوة في هذا السجل.',
    officerOnlyField: 'لم يُرسل: لا يغيّر {{fields}} إلا مسؤول الحوكمة.',
    reassignNotAllowed: 'لم يُرسل: لا يمكنك تسليم هذا السجل إلى شخص آخر ({{fields}}).',
  },
};

/** The localised reason a row was not sent; `fields` are the (localised) column labels concerned, if any. */
export const refusalMessage = (code: RefusalCode, locale: Locale, fields: readonly string[] = []): string =>
  REFUSALS[locale][code].replace('{{fields}}', fields.join(', '));
