// The reminder bot's outcomes, published to a list of the governance site so the scorecard (which can
// only read Graph, not the bot's SQLite ledger) can report per run and per mission who was reminded,
// who acted, who was escalated and what failed to deliver. One item per run and recipient: the bot
// re-publishes after each run and as people act, updating the same item (Title is the key).
import { t } from '../schema/localized';
import type { FieldDef, RecordValues } from '../schema/types';
import type { GovernanceListSchema } from './list-schema';

/** A recipient's status in a run, as the bot's ledger keeps it. */
export const REMINDER_STATUSES = [
  'sent',
  'acted',
  'escalated',
  'failed',
  'deferred',
  'noConversation',
  'pending',
] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export interface ReminderOutcome {
  readonly runId: string;
  /** The run's day (YYYY-MM-DD). */
  readonly runDate: string;
  /** Lower-case e-mail. */
  readonly recipient: string;
  /** The recipient's mission (or the records' when the person has none); null when unknown. */
  readonly mission: string | null;
  readonly status: ReminderStatus;
  /** Records listed in the digest. */
  readonly records: number;
  /** The recipient's own records were escalated to their focal point in this run. */
  readonly escalated: boolean;
  readonly failureReason?: string;
  /** ISO timestamp of the first action on the card. */
  readonly actedAt?: string;
}

const fields: readonly FieldDef[] = [
  {
    name: 'Title',
    type: 'text',
    required: true,
    maxLength: 255,
    indexed: true,
    system: true,
    label: t('Key', 'Clé', 'Clave', 'المفتاح'),
    help: t('run/recipient', 'exécution/destinataire', 'ejecución/destinatario', 'التشغيل/المستلم'),
  },
  {
    name: 'runId',
    type: 'text',
    required: true,
    maxLength: 64,
    indexed: true,
    system: true,
    label: t('Run', 'Exécution', 'Ejecución', 'التشغيل'),
    help: t(
      'The reminder run (one per day).',
      'L’exécution des rappels (une par jour).',
      'La ejecución de recordatorios (una por día).',
      'تشغيل التذكيرات (مرة واحدة يوميًا).',
    ),
  },
  {
    name: 'runDate',
    type: 'date',
    required: true,
    indexed: true,
    system: true,
    label: t('Run date', 'Date d’exécution', 'Fecha de ejecución', 'تاريخ التشغيل'),
    help: t('Day of the run.', 'Jour de l’exécution.', 'Día de la ejecución.', 'يوم التشغيل.'),
  },
  {
    name: 'recipient',
    type: 'person',
    required: true,
    indexed: true,
    system: true,
    label: t('Recipient', 'Destinataire', 'Destinatario', 'المستلم'),
    help: t(
      'Who the digest was for.',
      'À qui le récapitulatif était destiné.',
      'A quién iba dirigido el resumen.',
      'لمن كان الملخص موجّهًا.',
    ),
  },
  {
    // Text, not the missions choice: a person's mission may have left the catalogue since.
    name: 'mission',
    type: 'text',
    required: false,
    maxLength: 64,
    indexed: true,
    system: true,
    label: t('Mission', 'Mission', 'Misión', 'البعثة'),
    help: t(
      'The recipient’s mission.',
      'La mission du destinataire.',
      'La misión del destinatario.',
      'بعثة المستلم.',
    ),
  },
  {
    name: 'status',
    type: 'choice',
    required: true,
    indexed: true,
    system: true,
    choices: REMINDER_STATUSES,
    label: t('Status', 'Statut', 'Estado', 'الحالة'),
    help: t(
      'What happened to the digest.',
      'Ce qu’il est advenu du récapitulatif.',
      'Qué pasó con el resumen.',
      'ما حدث للملخص.',
    ),
  },
  {
    name: 'recordCount',
    type: 'number',
    required: true,
    integer: true,
    min: 0,
    system: true,
    label: t('Records', 'Enregistrements', 'Registros', 'السجلات'),
    help: t(
      'Records listed in the digest.',
      'Enregistrements listés dans le récapitulatif.',
      'Registros incluidos en el resumen.',
      'السجلات المدرجة في الملخص.',
    ),
  },
  {
    name: 'escalated',
    type: 'boolean',
    required: false,
    system: true,
    label: t('Escalated', 'Escaladé', 'Escalado', 'مُصعَّد'),
    help: t(
      'Records were escalated to the focal point.',
      'Des enregistrements ont été escaladés au point focal.',
      'Se escalaron registros al punto focal.',
      'تم تصعيد سجلات إلى جهة الاتصال.',
    ),
  },
  {
    name: 'failureReason',
    type: 'note',
    required: false,
    system: true,
    label: t('Failure reason', 'Motif de l’échec', 'Motivo del fallo', 'سبب الإخفاق'),
    help: t(
      'Why the digest was not delivered.',
      'Pourquoi le récapitulatif n’a pas été remis.',
      'Por qué no se entregó el resumen.',
      'لماذا لم يُسلَّم الملخص.',
    ),
  },
  {
    name: 'actedAt',
    type: 'text',
    required: false,
    maxLength: 40,
    system: true,
    label: t('Acted at', 'Action le', 'Acción el', 'وقت الإجراء'),
    help: t(
      'First action on the card (ISO time).',
      'Première action sur la carte (heure ISO).',
      'Primera acción en la tarjeta (hora ISO).',
      'أول إجراء على البطاقة (توقيت ISO).',
    ),
  },
];

export const REMINDER_OUTCOMES: GovernanceListSchema = {
  id: 'reminderOutcomes',
  listName: 'ReminderOutcomes',
  displayName: t(
    'Reminder outcomes',
    'Résultats des rappels',
    'Resultados de recordatorios',
    'نتائج التذكيرات',
  ),
  description: t(
    'One item per reminder run and recipient, written by the reminder bot.',
    'Un élément par exécution de rappels et destinataire, écrit par le bot de rappels.',
    'Un elemento por ejecución de recordatorios y destinatario, escrito por el bot de recordatorios.',
    'عنصر واحد لكل تشغيل تذكيرات ومستلم، يكتبه روبوت التذكيرات.',
  ),
  fields,
  // Officers' group writes, everyone reads; the bot writes through its Sites.Selected site grant, which
  // list role assignments do not restrict (app-only access). Custodians cannot rewrite their own status.
  writers: 'officers',
};

/** The item's key: one item per run and recipient. */
export const reminderOutcomeKey = (runId: string, recipient: string): string =>
  `${runId}/${recipient.toLowerCase()}`;

const FAILURE_MAX = 2000;

export const reminderOutcomeValues = (o: ReminderOutcome): RecordValues => ({
  Title: reminderOutcomeKey(o.runId, o.recipient),
  runId: o.runId,
  runDate: o.runDate,
  recipient: o.recipient.toLowerCase(),
  mission: o.mission,
  status: o.status,
  recordCount: o.records,
  escalated: o.escalated,
  failureReason: o.failureReason ? o.failureReason.slice(0, FAILURE_MAX) : null,
  actedAt: o.actedAt ?? null,
});

const isStatus = (v: unknown): v is ReminderStatus =>
  typeof v === 'string' && (REMINDER_STATUSES as readonly string[]).includes(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Reads an item back; undefined when it is not an outcome (skipped, never thrown). */
export const parseReminderOutcome = (values: RecordValues): ReminderOutcome | undefined => {
  const runId = str(values.runId);
  const runDate = str(values.runDate);
  const recipientValue = Array.isArray(values.recipient) ? values.recipient[0] : values.recipient;
  const recipient = str(recipientValue);
  if (!runId || !runDate || !recipient || !isStatus(values.status)) return undefined;
  const failureReason = str(values.failureReason);
  const actedAt = str(values.actedAt);
  return {
    runId,
    runDate: runDate.slice(0, 10),
    recipient: recipient.toLowerCase(),
    mission: str(values.mission) ?? null,
    status: values.status,
    records: typeof values.recordCount === 'number' ? values.recordCount : 0,
    escalated: values.escalated === true,
    ...(failureReason ? { failureReason } : {}),
    ...(actedAt ? { actedAt } : {}),
  };
};

/** Delivered: the person got the digest (whatever they did next). */
const DELIVERED: ReadonlySet<ReminderStatus> = new Set(['sent', 'acted', 'escalated']);
/** Not delivered, and not merely postponed. */
const UNDELIVERED: ReadonlySet<ReminderStatus> = new Set(['failed', 'noConversation']);

export interface ReminderReportGroup {
  readonly runId: string;
  readonly runDate: string;
  /** A mission id, or '' when unknown. */
  readonly mission: string;
  readonly reminded: readonly string[];
  readonly acted: readonly string[];
  readonly escalated: readonly string[];
  readonly failed: readonly { readonly recipient: string; readonly reason: string }[];
  readonly deferred: readonly string[];
}

/**
 * The report: one group per run and mission, newest run first, missions in id order (unknown last).
 * Reminded = delivered; acted ⊆ reminded; escalated = whose records went to their focal point;
 * failed = not delivered (dead letters and people without a chat with the bot), with the reason.
 */
export const reminderReport = (outcomes: readonly ReminderOutcome[]): readonly ReminderReportGroup[] => {
  type Mutable = {
    runId: string;
    runDate: string;
    mission: string;
    reminded: string[];
    acted: string[];
    escalated: string[];
    failed: { recipient: string; reason: string }[];
    deferred: string[];
  };
  const groups = new Map<string, Mutable>();
  // The last item per run and recipient wins (the list should hold one; duplicates are tolerated).
  const latest = new Map<string, ReminderOutcome>();
  for (const o of outcomes)
    latest.set(reminderOutcomeKey(o.runId, o.recipient), { ...o, recipient: o.recipient.toLowerCase() });
  for (const o of latest.values()) {
    const mission = o.mission ?? '';
    const key = `${o.runId}\u0000${mission}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        runId: o.runId,
        runDate: o.runDate,
        mission,
        reminded: [],
        acted: [],
        escalated: [],
        failed: [],
        deferred: [],
      };
      groups.set(key, g);
    }
    if (DELIVERED.has(o.status)) g.reminded.push(o.recipient);
    if (o.status === 'acted') g.acted.push(o.recipient);
    if (o.escalated || o.status === 'escalated') g.escalated.push(o.recipient);
    if (UNDELIVERED.has(o.status))
      g.failed.push({ recipient: o.recipient, reason: o.failureReason ?? o.status });
    if (o.status === 'deferred') g.deferred.push(o.recipient);
  }
  const sorted = [...groups.values()];
  for (const g of sorted) {
    g.reminded.sort();
    g.acted.sort();
    g.escalated.sort();
    g.deferred.sort();
    g.failed.sort((a, b) => (a.recipient < b.recipient ? -1 : 1));
  }
  return sorted.sort(
    (a, b) =>
      (a.runDate === b.runDate ? 0 : a.runDate < b.runDate ? 1 : -1) ||
      (a.runId === b.runId ? 0 : a.runId < b.runId ? 1 : -1) ||
      (a.mission === '' ? 1 : 0) - (b.mission === '' ? 1 : 0) ||
      a.mission.localeCompare(b.mission),
  );
};
