// Every string the bot shows, in the four languages of the governance unit. Placeholders are {name};
// values are inserted as plain text (see text.ts), never as markdown.
import type { Locale } from '../../domain/schema';

const strings = {
  cardTitle: {
    en: 'Records to review',
    fr: 'Enregistrements à revoir',
    es: 'Registros por revisar',
    ar: 'سجلات بحاجة إلى مراجعة',
  },
  greeting: {
    en: 'Hello {name}, {count} of your records need attention.',
    fr: 'Bonjour {name}, {count} de vos enregistrements demandent votre attention.',
    es: 'Hola {name}, {count} de sus registros requieren atención.',
    ar: 'مرحبًا {name}، يحتاج {count} من سجلاتك إلى اهتمامك.',
  },
  sectionOwn: {
    en: 'Your records',
    fr: 'Vos enregistrements',
    es: 'Sus registros',
    ar: 'سجلاتك',
  },
  sectionEscalated: {
    en: 'Not answered by their custodian',
    fr: 'Sans réponse de leur dépositaire',
    es: 'Sin respuesta de su custodio',
    ar: 'لم يرد عليها أمناؤها',
  },
  sectionUnowned: {
    en: 'Records with no custodian',
    fr: 'Enregistrements sans dépositaire',
    es: 'Registros sin custodio',
    ar: 'سجلات بلا أمين',
  },
  overdue: {
    // "{label}: {value}": the cycle is the field's localized choice label, whose gender and word order
    // need not agree with a noun placed around it (fr "cycle Annuelle").
    en: 'Review overdue by {days} days (review cycle: {cycle}; last reviewed {date}).',
    fr: 'Revue en retard de {days} jours (cycle de revue : {cycle} ; dernière revue le {date}).',
    es: 'Revisión atrasada {days} días (ciclo de revisión: {cycle}; última revisión: {date}).',
    ar: 'المراجعة متأخرة {days} يومًا (دورة المراجعة: {cycle}؛ آخر مراجعة: {date}).',
  },
  dueToday: {
    en: 'Review due today (review cycle: {cycle}; last reviewed {date}).',
    fr: 'Revue due aujourd’hui (cycle de revue : {cycle} ; dernière revue le {date}).',
    es: 'Revisión prevista para hoy (ciclo de revisión: {cycle}; última revisión: {date}).',
    ar: 'المراجعة مستحقة اليوم (دورة المراجعة: {cycle}؛ آخر مراجعة: {date}).',
  },
  neverReviewed: {
    en: 'Never reviewed.',
    fr: 'Jamais revu.',
    es: 'Nunca revisado.',
    ar: 'لم تتم مراجعته قط.',
  },
  missing: {
    en: 'Missing: {fields}.',
    fr: 'Manquant : {fields}.',
    es: 'Falta: {fields}.',
    ar: 'حقول ناقصة: {fields}.',
  },
  reminderNumber: {
    en: 'Reminder {n}.',
    fr: 'Rappel n° {n}.',
    es: 'Recordatorio n.º {n}.',
    ar: 'التذكير رقم {n}.',
  },
  custodianIs: {
    en: 'Custodian: {name}.',
    fr: 'Dépositaire : {name}.',
    es: 'Custodio: {name}.',
    ar: 'الأمين: {name}.',
  },
  stillAccurate: {
    en: 'Still accurate',
    fr: 'Toujours exact',
    es: 'Sigue siendo exacto',
    ar: 'لا يزال دقيقًا',
  },
  allStillAccurate: {
    en: 'All still accurate',
    fr: 'Tout est toujours exact',
    es: 'Todo sigue siendo exacto',
    ar: 'كلها لا تزال دقيقة',
  },
  snooze: {
    en: 'Snooze {days} days',
    fr: 'Reporter de {days} jours',
    es: 'Posponer {days} días',
    ar: 'تأجيل {days} يومًا',
  },
  open: { en: 'Open', fr: 'Ouvrir', es: 'Abrir', ar: 'فتح' },
  reassign: { en: 'Reassign', fr: 'Réattribuer', es: 'Reasignar', ar: 'إعادة التعيين' },
  reassignTo: {
    en: 'New custodian (type a name)',
    fr: 'Nouveau dépositaire (tapez un nom)',
    es: 'Nuevo custodio (escriba un nombre)',
    ar: 'الأمين الجديد (اكتب اسمًا)',
  },
  inputRequired: {
    en: 'Enter a value for {field}.',
    fr: 'Saisissez une valeur pour {field}.',
    es: 'Introduzca un valor para {field}.',
    ar: 'أدخل قيمة في {field}.',
  },
  save: { en: 'Save', fr: 'Enregistrer', es: 'Guardar', ar: 'حفظ' },
  fillIn: {
    en: 'Fill in {field}',
    fr: 'Renseigner {field}',
    es: 'Completar {field}',
    ar: 'املأ {field}',
  },
  more: {
    en: 'And {count} more: open Governance Hub to see them all.',
    fr: 'Et {count} de plus : ouvrez Governance Hub pour tout voir.',
    es: 'Y {count} más: abra Governance Hub para verlos todos.',
    ar: 'و{count} أخرى: افتح Governance Hub لرؤيتها كلها.',
  },
  doneConfirmed: {
    en: 'Confirmed as accurate by {name}.',
    fr: 'Confirmé exact par {name}.',
    es: 'Confirmado como exacto por {name}.',
    ar: 'أكّد {name} أنه دقيق.',
  },
  doneSnoozed: {
    en: 'Snoozed until {date}.',
    fr: 'Reporté jusqu’au {date}.',
    es: 'Pospuesto hasta el {date}.',
    ar: 'مؤجل حتى {date}.',
  },
  doneFilled: {
    en: '{field} saved by {name}.',
    fr: '{field} enregistré par {name}.',
    es: '{field} guardado por {name}.',
    ar: 'حفظ {name} الحقل {field}.',
  },
  doneReassigned: {
    en: 'Reassigned to {name}.',
    fr: 'Réattribué à {name}.',
    es: 'Reasignado a {name}.',
    ar: 'أُعيد تعيينه إلى {name}.',
  },
  allDone: {
    en: 'All done, thank you!',
    fr: 'Tout est fait, merci !',
    es: 'Todo listo, ¡gracias!',
    ar: 'اكتمل كل شيء، شكرًا لك!',
  },
  refusedNotAllowed: {
    en: 'Only the record’s custodian or the mission’s focal point can do this. Nothing was changed.',
    fr: 'Seuls le dépositaire de l’enregistrement ou le point focal de la mission peuvent le faire. Rien n’a été modifié.',
    es: 'Solo el custodio del registro o el punto focal de la misión pueden hacerlo. No se cambió nada.',
    ar: 'لا يمكن القيام بذلك إلا لأمين السجل أو لمسؤول الاتصال في البعثة. لم يتم تغيير أي شيء.',
  },
  refusedUnknownRecord: {
    en: 'This record is not part of this reminder. Nothing was changed.',
    fr: 'Cet enregistrement ne fait pas partie de ce rappel. Rien n’a été modifié.',
    es: 'Este registro no forma parte de este recordatorio. No se cambió nada.',
    ar: 'هذا السجل ليس جزءًا من هذا التذكير. لم يتم تغيير أي شيء.',
  },
  refusedSnoozeLimit: {
    en: 'This record was already snoozed twice in a row; please review it now.',
    fr: 'Cet enregistrement a déjà été reporté deux fois de suite ; merci de le revoir maintenant.',
    es: 'Este registro ya se pospuso dos veces seguidas; revíselo ahora.',
    ar: 'تم تأجيل هذا السجل مرتين متتاليتين؛ يرجى مراجعته الآن.',
  },
  refusedInvalidValue: {
    en: 'That value is not valid for {field}: {reason}',
    fr: 'Cette valeur n’est pas valide pour {field} : {reason}',
    es: 'Ese valor no es válido para {field}: {reason}',
    ar: 'هذه القيمة غير صالحة للحقل {field}: {reason}',
  },
  refusedUnknownPerson: {
    en: 'That person is not in the directory.',
    fr: 'Cette personne n’est pas dans l’annuaire.',
    es: 'Esa persona no está en el directorio.',
    ar: 'هذا الشخص غير موجود في الدليل.',
  },
  conflict: {
    en: 'Someone changed this record meanwhile; the card now shows the latest version.',
    fr: 'Quelqu’un a modifié cet enregistrement entre-temps ; la carte affiche la dernière version.',
    es: 'Alguien modificó este registro mientras tanto; la tarjeta muestra la última versión.',
    ar: 'قام شخص ما بتعديل هذا السجل في الأثناء؛ تعرض البطاقة الآن أحدث نسخة.',
  },
  failed: {
    en: 'Something went wrong; please try again in a minute.',
    fr: 'Un problème est survenu ; réessayez dans une minute.',
    es: 'Algo salió mal; inténtelo de nuevo en un minuto.',
    ar: 'حدث خطأ ما؛ يرجى المحاولة مرة أخرى بعد دقيقة.',
  },
  statusTitle: {
    en: 'Your records’ health',
    fr: 'Santé de vos enregistrements',
    es: 'Estado de sus registros',
    ar: 'حالة سجلاتك',
  },
  statusSummary: {
    en: 'You are custodian of {total} records: {fresh} up to date, {stale} to review, {incomplete} incomplete, {snoozed} snoozed.',
    fr: 'Vous êtes dépositaire de {total} enregistrements : {fresh} à jour, {stale} à revoir, {incomplete} incomplets, {snoozed} reportés.',
    es: 'Es custodio de {total} registros: {fresh} al día, {stale} por revisar, {incomplete} incompletos, {snoozed} pospuestos.',
    ar: 'أنت أمين على {total} سجلًا: {fresh} محدّثة، و{stale} بحاجة إلى مراجعة، و{incomplete} ناقصة، و{snoozed} مؤجلة.',
  },
  statusSnoozedUntil: {
    en: '{title}: snoozed until {date}.',
    fr: '{title} : reporté jusqu’au {date}.',
    es: '{title}: pospuesto hasta el {date}.',
    ar: '{title}: مؤجل حتى {date}.',
  },
  statusNone: {
    en: 'You are not the custodian of any record.',
    fr: 'Vous n’êtes dépositaire d’aucun enregistrement.',
    es: 'No es custodio de ningún registro.',
    ar: 'لست أمينًا على أي سجل.',
  },
  help: {
    en: 'I remind you when records you keep need a review. Commands: "status" shows your records’ health; "help" shows this message. Use the buttons on a reminder to confirm, snooze, open, reassign or complete a record.',
    fr: 'Je vous rappelle quand vos enregistrements doivent être revus. Commandes : « statut » affiche la santé de vos enregistrements ; « aide » affiche ce message. Utilisez les boutons d’un rappel pour confirmer, reporter, ouvrir, réattribuer ou compléter un enregistrement.',
    es: 'Le recuerdo cuando sus registros necesitan una revisión. Comandos: «estado» muestra el estado de sus registros; «ayuda» muestra este mensaje. Use los botones de un recordatorio para confirmar, posponer, abrir, reasignar o completar un registro.',
    ar: 'أذكّرك عندما تحتاج السجلات التي تحتفظ بها إلى مراجعة. الأوامر: «الحالة» تعرض حالة سجلاتك؛ «مساعدة» تعرض هذه الرسالة. استخدم الأزرار في التذكير لتأكيد السجل أو تأجيله أو فتحه أو إعادة تعيينه أو إكماله.',
  },
  unknownCommand: {
    en: 'I did not understand. Type "help" to see what I can do.',
    fr: 'Je n’ai pas compris. Tapez « aide » pour voir ce que je sais faire.',
    es: 'No entendí. Escriba «ayuda» para ver lo que puedo hacer.',
    ar: 'لم أفهم. اكتب «مساعدة» لترى ما يمكنني فعله.',
  },
  notInDirectory: {
    en: 'I could not find you in the Governance Hub directory.',
    fr: 'Je ne vous trouve pas dans l’annuaire de Governance Hub.',
    es: 'No le encuentro en el directorio de Governance Hub.',
    ar: 'لم أجدك في دليل Governance Hub.',
  },
  welcome: {
    en: 'Welcome to Governance Hub. I will send you one message when records you keep need a review. Type "help" for commands.',
    fr: 'Bienvenue dans Governance Hub. Je vous enverrai un message quand vos enregistrements devront être revus. Tapez « aide » pour les commandes.',
    es: 'Bienvenido a Governance Hub. Le enviaré un mensaje cuando sus registros necesiten revisión. Escriba «ayuda» para ver los comandos.',
    ar: 'مرحبًا بك في Governance Hub. سأرسل إليك رسالة واحدة عندما تحتاج سجلاتك إلى مراجعة. اكتب «مساعدة» لعرض الأوامر.',
  },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export type MessageKey = keyof typeof strings;

/** The text for `key` in `locale`, with {placeholders} replaced by the given plain values. */
export const tr = (
  locale: Locale,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string =>
  strings[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );

/** Chat commands, recognised in every language whatever the user's profile says. */
export const COMMANDS: Readonly<Record<'status' | 'help', readonly string[]>> = {
  status: ['status', 'statut', 'état', 'etat', 'estado', 'الحالة', 'حالة'],
  help: ['help', 'aide', 'ayuda', 'مساعدة', 'المساعدة', '?'],
};

/** Locale from a profile's preferredLanguage ('fr-FR', 'ar', 'es-419', ...); English otherwise. */
export const localeOf = (preferredLanguage: string | null | undefined): Locale => {
  const base = (preferredLanguage ?? '').slice(0, 2).toLowerCase();
  return base === 'fr' || base === 'es' || base === 'ar' ? base : 'en';
};
