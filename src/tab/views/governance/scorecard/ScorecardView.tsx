// The scorecard (loaded on demand with the charts): health of the inventory and the AI registry by
// mission, region or domain, as charts and a sortable table, the trend from the daily snapshots, a drill
// down from any figure to the records behind it, the health controls, the reminder report, CSV and print.
import { LineChart, VerticalBarChart } from '@fluentui/react-charts';
import {
  Button,
  Dropdown,
  Field,
  Link,
  Option,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStaticStyles,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from '../../../../domain/export';
import { scoreTrend, snapshotDue, systemsWithDataConcerns } from '../../../../domain/governance';
import {
  DEFAULT_HEALTH_CONTROLS,
  HEALTH_CHECKS,
  recordHealth,
  scorecard,
  toSnapshot,
  UNASSIGNED,
} from '../../../../domain/health';
import type {
  HealthCheckId,
  HealthControls,
  ScorecardGroupBy,
  ScorecardSnapshot,
} from '../../../../domain/health';
import { DATA_DOMAIN_LABELS, MISSIONS, REGIONS } from '../../../../domain/reference';
import { REGISTERS } from '../../../../domain/registers';
import { formatNumber, todayIso } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { useGovernanceData } from '../common/governance-data';
import { useGovernanceStyles } from '../common/governance.styles';
import { routeHref } from '../common/navigation';
import { downloadText, str } from '../common/text';
import type { GovernanceServices, GovRecord, ReminderReportRow } from '../services/governance-services';
import { ControlsEditor } from './ControlsEditor';
import { ReminderReport } from './ReminderReport';

type Register = 'dataInventory' | 'aiRegistry';
type SortKey = 'key' | 'count' | 'meanScore' | 'shareHealthy' | HealthCheckId | 'dataConcerns';
interface Drill {
  readonly key: string;
  readonly check?: HealthCheckId | 'dataConcerns' | 'unhealthy';
}

// Print: only the scorecard, without the app's header and the interactive controls.
const usePrintStyles = makeStaticStyles({
  '@media print': {
    'header, nav, [data-no-print]': { display: 'none !important' },
    body: { background: 'white' },
  },
});

export const ScorecardView = ({ services }: { readonly services: GovernanceServices }) => {
  usePrintStyles();
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const { data, assetsById } = useGovernanceData();
  const [register, setRegister] = useState<Register>('dataInventory');
  const [groupBy, setGroupBy] = useState<ScorecardGroupBy>('mission');
  const [saved, setSaved] = useState<HealthControls>(DEFAULT_HEALTH_CONTROLS);
  const [preview, setPreview] = useState<HealthControls>();
  const [snapshots, setSnapshots] = useState<readonly ScorecardSnapshot[]>([]);
  const [reminders, setReminders] = useState<readonly ReminderReportRow[] | undefined | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'meanScore', asc: true });
  const [drill, setDrill] = useState<Drill>();
  const controls = preview ?? saved;
  const today = todayIso();
  const schema = REGISTERS[register];
  const records: readonly GovRecord[] = (register === 'dataInventory' ? data?.assets : data?.systems) ?? [];

  useEffect(() => {
    void services.loadHealthControls().then(setSaved, () => undefined);
    void services.reminderReport().then(setReminders, () => setReminders(undefined));
  }, [services]);

  // Today's snapshots (kept by the app), then the history for the trend.
  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    void (async () => {
      try {
        const existing = await services.listSnapshots();
        const titles = existing.map((s) => `${s.date}/${s.registerId}/${s.groupBy}`);
        const fresh: ScorecardSnapshot[] = [];
        for (const reg of ['dataInventory', 'aiRegistry'] as const) {
          if (!snapshotDue(titles, today, reg, 'mission')) continue;
          const rs = reg === 'dataInventory' ? data.assets : data.systems;
          const snap = toSnapshot(
            scorecard(REGISTERS[reg], rs, { now: today, groupBy: 'mission', controls: saved }),
          );
          await services.saveSnapshot(snap);
          fresh.push(snap);
        }
        if (!cancelled) setSnapshots([...existing, ...fresh]);
      } catch {
        // Trends are a nicety: a reader who may not write snapshots still gets the scorecard.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [data, services, today, saved]);

  const card = useMemo(
    () => scorecard(schema, records, { now: today, groupBy, controls }),
    [schema, records, today, groupBy, controls],
  );
  const concernIds = useMemo(
    () =>
      register === 'aiRegistry'
        ? systemsWithDataConcerns(records, assetsById, { now: today })
        : new Set<string>(),
    [register, records, assetsById, today],
  );
  const groupOf = (r: GovRecord): string => {
    const field =
      groupBy === 'mission'
        ? schema.missionField
        : groupBy === 'region'
          ? schema.regionField
          : schema.domainField;
    const v = field ? str(r.values[field]) : '';
    if (groupBy === 'region' && v === '')
      return MISSIONS.find((m) => m.id === str(r.values.mission))?.region ?? UNASSIGNED;
    return v || UNASSIGNED;
  };
  const keyLabel = (key: string): string => {
    if (key === UNASSIGNED) return t('gov.scorecard.unassigned');
    if (groupBy === 'mission') return MISSIONS.find((m) => m.id === key)?.name[locale] ?? key;
    if (groupBy === 'region') return REGIONS.find((r) => r.id === key)?.name[locale] ?? key;
    return (
      (DATA_DOMAIN_LABELS as Readonly<Record<string, { readonly [l: string]: string }>>)[key]?.[locale] ?? key
    );
  };

  const rows = useMemo(() => {
    const value = (r: (typeof card.rows)[number], k: SortKey): number | string => {
      if (k === 'key') return keyLabel(r.key);
      if (k === 'count') return r.count;
      if (k === 'meanScore') return r.meanScore ?? -1;
      if (k === 'shareHealthy') return r.shareHealthy ?? -1;
      if (k === 'dataConcerns')
        return records.filter((x) => groupOf(x) === r.key && concernIds.has(x.id)).length;
      return r.passRates[k] ?? -1;
    };
    return [...card.rows].sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
      return sort.asc ? c : -c;
    });
  }, [card, sort, locale, groupBy, records, concernIds]);

  const trend = scoreTrend(snapshots, register, 'mission');
  const pct = (share: number | null) =>
    share === null ? '—' : `${formatNumber(Math.round(share * 100), locale)}%`;
  const columns: readonly { key: SortKey; label: string }[] = [
    { key: 'key', label: t(`gov.scorecard.groupBy.${groupBy}`) },
    { key: 'count', label: t('gov.scorecard.records') },
    { key: 'meanScore', label: t('gov.scorecard.overall') },
    { key: 'shareHealthy', label: t('gov.scorecard.healthy') },
    ...HEALTH_CHECKS.map((id) => ({ key: id as SortKey, label: t(`gov.checks.${id}`) })),
    ...(register === 'aiRegistry'
      ? [{ key: 'dataConcerns' as SortKey, label: t('gov.scorecard.dataConcerns') }]
      : []),
  ];

  const drilled = drill
    ? records.filter((r) => {
        if (groupOf(r) !== drill.key && drill.key !== '*') return false;
        if (!drill.check) return true;
        if (drill.check === 'dataConcerns') return concernIds.has(r.id);
        const h = recordHealth(schema, r, { now: today, controls });
        return drill.check === 'unhealthy' ? !h.healthy : !h.checks[drill.check].pass;
      })
    : [];

  const exportTable = () => {
    const header = columns.map((c) => c.label);
    const body = rows.map((r) => [
      keyLabel(r.key),
      r.count,
      r.meanScore,
      r.shareHealthy,
      ...HEALTH_CHECKS.map((id) => r.passRates[id]),
      ...(register === 'aiRegistry'
        ? [records.filter((x) => groupOf(x) === r.key && concernIds.has(x.id)).length]
        : []),
    ]);
    downloadText(`scorecard-${register}-${groupBy}-${today}.csv`, toCsv([header, ...body]));
  };
  const exportDrill = () =>
    downloadText(
      `scorecard-records-${today}.csv`,
      toCsv([
        ['id', 'Title', 'mission', 'score'],
        ...drilled.map((r) => [
          r.id,
          str(r.values.Title),
          str(r.values.mission),
          recordHealth(schema, r, { now: today, controls }).score,
        ]),
      ]),
    );

  const figure = (label: string, key: string, check?: Drill['check']) => (
    <Link
      onClick={() => setDrill({ key, check })}
      aria-label={t('gov.scorecard.drillLabel', {
        figure: label,
        group: key === '*' ? t('gov.scorecard.all') : keyLabel(key),
      })}
    >
      {label}
    </Link>
  );

  return (
    <div className={styles.stack}>
      <div className={styles.spread}>
        <Title2 as="h2">{t('gov.scorecard.title')}</Title2>
        <div className={styles.row} data-no-print>
          <Button onClick={exportTable}>{t('gov.common.exportCsv')}</Button>
          <Button onClick={() => window.print()}>{t('gov.scorecard.print')}</Button>
        </div>
      </div>
      <div className={styles.row} data-no-print>
        <Field label={t('gov.scorecard.register')}>
          <Dropdown
            value={t(`registers.${register}`)}
            selectedOptions={[register]}
            onOptionSelect={(_e, d) => {
              const next = d.optionValue === 'aiRegistry' ? 'aiRegistry' : 'dataInventory';
              setRegister(next);
              if (next === 'aiRegistry' && groupBy === 'domain') setGroupBy('mission');
              setDrill(undefined);
            }}
          >
            <Option value="dataInventory">{t('registers.dataInventory')}</Option>
            <Option value="aiRegistry">{t('registers.aiRegistry')}</Option>
          </Dropdown>
        </Field>
        <Field label={t('gov.scorecard.groupByLabel')}>
          <Dropdown
            value={t(`gov.scorecard.groupBy.${groupBy}`)}
            selectedOptions={[groupBy]}
            onOptionSelect={(_e, d) => {
              setGroupBy((d.optionValue as ScorecardGroupBy | undefined) ?? 'mission');
              setDrill(undefined);
            }}
          >
            <Option value="mission">{t('gov.scorecard.groupBy.mission')}</Option>
            <Option value="region">{t('gov.scorecard.groupBy.region')}</Option>
            {register === 'dataInventory' ? (
              <Option value="domain">{t('gov.scorecard.groupBy.domain')}</Option>
            ) : null}
          </Dropdown>
        </Field>
      </div>

      <section className={styles.card} aria-labelledby="overall-title">
        <Subtitle1 as="h3" id="overall-title">
          {t('gov.scorecard.overallTitle', { register: t(`registers.${register}`) })}
        </Subtitle1>
        <div className={styles.row} data-testid="overall-figures">
          <Text>
            {t('gov.scorecard.overall')}:{' '}
            {figure(
              card.overall.meanScore === null ? '—' : `${formatNumber(card.overall.meanScore, locale)}`,
              '*',
            )}
          </Text>
          <Text>
            {t('gov.scorecard.unhealthyRecords')}:{' '}
            {figure(formatNumber(card.overall.count - card.overall.healthyCount, locale), '*', 'unhealthy')}
          </Text>
          {HEALTH_CHECKS.map((id) => (
            <Text key={id}>
              {t(`gov.checks.${id}`)}: {figure(pct(card.overall.passRates[id]), '*', id)}
            </Text>
          ))}
          {register === 'aiRegistry' ? (
            <Text>
              {t('gov.scorecard.dataConcerns')}:{' '}
              {figure(formatNumber(concernIds.size, locale), '*', 'dataConcerns')}
            </Text>
          ) : null}
        </div>
      </section>

      <div className={styles.grid2}>
        <section className={styles.card} aria-label={t('gov.scorecard.chartTitle')}>
          <VerticalBarChart
            chartTitle={t('gov.scorecard.chartTitle')}
            data={rows
              .filter((r) => r.meanScore !== null)
              .slice(0, 24)
              .map((r) => ({
                x: keyLabel(r.key),
                y: r.meanScore ?? 0,
                legend: keyLabel(r.key),
                onClick: () => setDrill({ key: r.key }),
              }))}
            height={260}
            hideLegend
            yMaxValue={100}
          />
        </section>
        <section className={styles.card} aria-label={t('gov.scorecard.trendTitle')}>
          <Subtitle1 as="h3">{t('gov.scorecard.trendTitle')}</Subtitle1>
          {trend.length < 2 ? (
            <Text className={styles.muted}>
              {trend.length === 0 ? t('gov.scorecard.trendNone') : t('gov.scorecard.trendOne')}
            </Text>
          ) : null}
          {trend.length > 0 ? (
            <LineChart
              data={{
                chartTitle: t('gov.scorecard.trendTitle'),
                lineChartData: [
                  {
                    legend: t('gov.scorecard.overall'),
                    data: trend.map((p) => ({ x: new Date(`${p.date}T00:00:00Z`), y: p.meanScore ?? 0 })),
                  },
                ],
              }}
              height={240}
              yMaxValue={100}
            />
          ) : null}
        </section>
      </div>

      <div className={styles.tableWrap}>
        <Table size="small" aria-label={t('gov.scorecard.tableTitle')} data-testid="scorecard-table">
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell
                  key={c.key}
                  sortDirection={sort.key === c.key ? (sort.asc ? 'ascending' : 'descending') : undefined}
                  onClick={() => setSort((s) => ({ key: c.key, asc: s.key === c.key ? !s.asc : true }))}
                  aria-sort={sort.key === c.key ? (sort.asc ? 'ascending' : 'descending') : 'none'}
                >
                  {c.label}
                </TableHeaderCell>
              ))}
              <TableHeaderCell>{t('gov.scorecard.target')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                <TableCell>{keyLabel(r.key)}</TableCell>
                <TableCell>{figure(formatNumber(r.count, locale), r.key)}</TableCell>
                <TableCell>
                  {figure(r.meanScore === null ? '—' : formatNumber(r.meanScore, locale), r.key, 'unhealthy')}
                </TableCell>
                <TableCell>{pct(r.shareHealthy)}</TableCell>
                {HEALTH_CHECKS.map((id) => (
                  <TableCell key={id}>{figure(pct(r.passRates[id]), r.key, id)}</TableCell>
                ))}
                {register === 'aiRegistry' ? (
                  <TableCell>
                    {figure(
                      formatNumber(
                        records.filter((x) => groupOf(x) === r.key && concernIds.has(x.id)).length,
                        locale,
                      ),
                      r.key,
                      'dataConcerns',
                    )}
                  </TableCell>
                ) : null}
                <TableCell>
                  {r.targetMet
                    ? t('gov.scorecard.targetMet', { target: r.target })
                    : t('gov.scorecard.targetMissed', { target: r.target })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      {drill ? (
        <section className={styles.card} aria-labelledby="drill-title" data-testid="drilldown">
          <div className={styles.spread}>
            <Subtitle1 as="h3" id="drill-title">
              {t('gov.scorecard.drillTitle', {
                group: drill.key === '*' ? t('gov.scorecard.all') : keyLabel(drill.key),
                count: drilled.length,
              })}
              {drill.check ? ` — ${t(`gov.scorecard.drillCheck.${drill.check}`)}` : ''}
            </Subtitle1>
            <div className={styles.row} data-no-print>
              <Button onClick={exportDrill}>{t('gov.common.exportCsv')}</Button>
              <Button onClick={() => setDrill(undefined)}>{t('gov.common.close')}</Button>
            </div>
          </div>
          <ul className={styles.list}>
            {drilled.slice(0, 500).map((r) => (
              <li key={r.id}>
                <Link
                  href={
                    register === 'aiRegistry'
                      ? routeHref({ name: 'governance', path: ['ai', r.id] })
                      : routeHref({ name: 'record', ref: { register, id: r.id }, view: 'edit' })
                  }
                >
                  {str(r.values.Title)}
                </Link>{' '}
                <Text className={styles.muted}>
                  {t('gov.scorecard.recordScore', {
                    score: recordHealth(schema, r, { now: today, controls }).score,
                  })}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div data-no-print>
        <ControlsEditor
          key={JSON.stringify(saved)}
          controls={saved}
          readOnly={!services.isOfficer}
          onPreview={setPreview}
          onSave={async (c) => {
            await services.saveHealthControls(c);
            setSaved(c);
            setPreview(undefined);
          }}
        />
      </div>

      <ReminderReport
        outcomes={reminders}
        locale={locale}
        missionLabel={(m) => MISSIONS.find((x) => x.id === m)?.name[locale] ?? m}
        resolvePeople={services.resolvePeople}
      />
    </div>
  );
};
