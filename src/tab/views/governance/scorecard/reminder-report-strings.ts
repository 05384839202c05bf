// The reminder report's strings, kept beside it (en, fr, es, ar) so the report ships with the scorecard
// chunk. No plurals: counts stand alone in their columns.
import type { Locale } from '../../../../domain/schema/types';

export interface ReminderReportStrings {
  readonly title: string;
  readonly empty: string;
  readonly noList: string;
  readonly run: string;
  readonly mission: string;
  readonly reminded: string;
  readonly acted: string;
  readonly escalated: string;
  readonly failed: string;
  readonly deferred: string;
  readonly reason: string;
  readonly unknownMission: string;
  readonly exportCsv: string;
  readonly tableLabel: string;
  readonly runFilter: string;
  readonly allRuns: string;
}

export const REMINDER_REPORT_STRINGS: Readonly<Record<Locale, ReminderReportStrings>> = {
  en: {
    title: 'Reminder report',
    empty: 'No reminder run has been reported yet.',
    noList:
      'The ReminderOutcomes list does not exist on the governance site yet: the reminder bot publishes its outcomes there.',
    run: 'Run',
    mission: 'Mission',
    reminded: 'Reminded',
    acted: 'Acted',
    escalated: 'Escalated',
    failed: 'Failed to deliver',
    deferred: 'Deferred',
    reason: 'Reason',
    unknownMission: 'No mission',
    exportCsv: 'Export CSV',
    tableLabel: 'Reminder report per run and mission',
    runFilter: 'Run',
    allRuns: 'All runs',
  },
  fr: {
    title: 'Rapport des rappels',
    empty: 'Aucune exécution de rappels n’a encore été rapportée.',
    noList:
      'La liste ReminderOutcomes n’existe pas encore sur le site de gouvernance : le bot de rappels y publie ses résultats.',
    run: 'Exécution',
    mission: 'Mission',
    reminded: 'Relancés',
    acted: 'Ont agi',
    escalated: 'Escaladés',
    failed: 'Non remis',
    deferred: 'Reportés',
    reason: 'Motif',
    unknownMission: 'Sans mission',
    exportCsv: 'Exporter en CSV',
    tableLabel: 'Rapport des rappels par exécution et par mission',
    runFilter: 'Exécution',
    allRuns: 'Toutes les exécutions',
  },
  es: {
    title: 'Informe de recordatorios',
    empty: 'Aún no se ha informado ninguna ejecución de recordatorios.',
    noList:
      'La lista ReminderOutcomes aún no existe en el sitio de gobernanza: el bot de recordatorios publica allí sus resultados.',
    run: 'Ejecución',
    mission: 'Misión',
    reminded: 'Recordados',
    acted: 'Actuaron',
    escalated: 'Escalados',
    failed: 'No entregados',
    deferred: 'Aplazados',
    reason: 'Motivo',
    unknownMission: 'Sin misión',
    exportCsv: 'Exportar CSV',
    tableLabel: 'Informe de recordatorios por ejecución y misión',
    runFilter: 'Ejecución',
    allRuns: 'Todas las ejecuciones',
  },
  ar: {
    title: 'تقرير التذكيرات',
    empty: 'لم يُبلَّغ عن أي تشغيل للتذكيرات بعد.',
    noList: 'قائمة ReminderOutcomes غير موجودة بعد في موقع الحوكمة: ينشر روبوت التذكيرات نتائجه فيها.',
    run: 'التشغيل',
    mission: 'البعثة',
    reminded: 'تم تذكيرهم',
    acted: 'اتخذوا إجراءً',
    escalated: 'تم التصعيد',
    failed: 'لم يُسلَّم',
    deferred: 'مؤجَّل',
    reason: 'السبب',
    unknownMission: 'بلا بعثة',
    exportCsv: 'تصدير CSV',
    tableLabel: 'تقرير التذكيرات حسب التشغيل والبعثة',
    runFilter: 'التشغيل',
    allRuns: 'كل عمليات التشغيل',
  },
};
