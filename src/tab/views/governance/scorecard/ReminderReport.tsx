// The reminder report: per run and per mission, who was reminded, who acted, who was escalated and what
// failed to deliver (with the reason), from the ReminderOutcomes list the bot publishes; CSV export.
import {
  Button,
  Dropdown,
  Field,
  Option,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { toCsv } from '../../../../domain/export';
import { reminderReport } from '../../../../domain/governance';
import type { ReminderOutcome, ReminderReportGroup } from '../../../../domain/governance';
import type { Locale } from '../../../../domain/schema/types';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useGovernanceStyles } from '../common/governance.styles';
import { downloadText } from '../common/text';
import { REMINDER_REPORT_STRINGS } from './reminder-report-strings';

export interface ReminderReportProps {
  /** null while loading; undefined when the list does not exist. */
  readonly outcomes: readonly ReminderOutcome[] | undefined | null;
  readonly locale: Locale;
  readonly missionLabel: (mission: string) => string;
  /** Display names for e-mails (unknown ones show the e-mail). */
  readonly resolvePeople?: (emails: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

const ALL = '*';

export const ReminderReport = ({ outcomes, locale, missionLabel, resolvePeople }: ReminderReportProps) => {
  const s = REMINDER_REPORT_STRINGS[locale];
  const styles = useGovernanceStyles();
  const [run, setRun] = useState(ALL);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const groups = useMemo(() => reminderReport(outcomes ?? []), [outcomes]);
  const runs = useMemo(() => [...new Map(groups.map((g) => [g.runId, g.runDate])).entries()], [groups]);
  const shown = run === ALL ? groups : groups.filter((g) => g.runId === run);

  useEffect(() => {
    if (!resolvePeople || !outcomes?.length) return;
    let cancelled = false;
    resolvePeople([...new Set(outcomes.map((o) => o.recipient))]).then(
      (m) => {
        if (!cancelled) setNames(m);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [outcomes, resolvePeople]);

  const who = (email: string) => names.get(email) ?? email;
  const mission = (g: ReminderReportGroup) => (g.mission === '' ? s.unknownMission : missionLabel(g.mission));
  const people = (list: readonly string[]) => list.map(who).join(', ');
  const failures = (g: ReminderReportGroup) => g.failed.map((f) => `${who(f.recipient)} (${f.reason})`);

  const exportCsv = () => {
    const header = [s.run, s.mission, s.reminded, s.acted, s.escalated, s.failed, s.deferred].flatMap(
      (h, i) => (i < 2 ? [h] : [`${h} (n)`, h]),
    );
    const body = shown.map((g) => [
      g.runDate,
      mission(g),
      g.reminded.length,
      people(g.reminded),
      g.acted.length,
      people(g.acted),
      g.escalated.length,
      people(g.escalated),
      g.failed.length,
      failures(g).join('; '),
      g.deferred.length,
      people(g.deferred),
    ]);
    downloadText(`reminder-report-${run === ALL ? 'all' : run}.csv`, toCsv([header, ...body]));
  };

  const count = (list: readonly unknown[], detail: string) => (
    <>
      <Text weight="semibold">{formatNumber(list.length, locale)}</Text>
      {detail ? (
        <>
          <br />
          <Text size={200} className={styles.muted}>
            {detail}
          </Text>
        </>
      ) : null}
    </>
  );

  return (
    <section className={styles.card} aria-labelledby="reminders-title" data-testid="reminder-report">
      <div className={styles.spread}>
        <Subtitle1 as="h3" id="reminders-title">
          {s.title}
        </Subtitle1>
        {groups.length > 0 ? (
          <div className={styles.row} data-no-print>
            <Field label={s.runFilter} orientation="horizontal">
              <Dropdown
                value={run === ALL ? s.allRuns : formatDate(runs.find(([id]) => id === run)?.[1], locale)}
                selectedOptions={[run]}
                onOptionSelect={(_e, d) => setRun(d.optionValue ?? ALL)}
              >
                <Option value={ALL}>{s.allRuns}</Option>
                {runs.map(([id, date]) => (
                  <Option key={id} value={id} text={formatDate(date, locale)}>
                    {formatDate(date, locale)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Button onClick={exportCsv}>{s.exportCsv}</Button>
          </div>
        ) : null}
      </div>
      {outcomes === null ? null : outcomes === undefined || groups.length === 0 ? (
        <Text className={styles.muted} data-testid="reminders-empty">
          {outcomes === undefined ? s.noList : s.empty}
        </Text>
      ) : (
        <Table size="small" aria-label={s.tableLabel} data-testid="reminder-table">
          <TableHeader>
            <TableRow>
              {[s.run, s.mission, s.reminded, s.acted, s.escalated, s.failed].map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((g) => (
              <TableRow key={`${g.runId}/${g.mission}`} data-testid="reminder-row">
                <TableCell>{formatDate(g.runDate, locale)}</TableCell>
                <TableCell>{mission(g)}</TableCell>
                <TableCell>{count(g.reminded, people(g.reminded))}</TableCell>
                <TableCell>{count(g.acted, people(g.acted))}</TableCell>
                <TableCell>{count(g.escalated, people(g.escalated))}</TableCell>
                <TableCell>
                  {count(g.failed, '')}
                  {g.failed.length > 0 ? (
                    <ul className={styles.list} aria-label={s.reason}>
                      {failures(g).map((f) => (
                        <li key={f}>
                          <Text size={200}>{f}</Text>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
};
