// The risk register: heat map (inherent or residual) whose cells filter the list, overdue treatments
// first and marked, a form for a new risk, an assessment over many records, CSV export.
import {
  Badge,
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bandOf, inCell, overdueDays } from '../../../../domain/governance';
import type { HeatCell } from '../../../../domain/governance';
import { toCsv } from '../../../../domain/export';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate, todayIso } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { BandBadge } from '../common/badges';
import { useGovernanceData } from '../common/governance-data';
import { useMayCreateRecords } from '../common/may-create';
import { useGovernanceStyles } from '../common/governance.styles';
import { routeHref } from '../common/navigation';
import { choiceOf, downloadText, str } from '../common/text';
import type { GovernanceServices } from '../services/governance-services';
import { AssessmentForm } from './AssessmentForm';
import { HeatMap } from './HeatMap';
import { RiskForm } from './RiskForm';

export const RiskRegisterView = ({ services }: { readonly services: GovernanceServices }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const { data } = useGovernanceData();
  const mayCreate = useMayCreateRecords(services, data);
  const [residual, setResidual] = useState(false);
  const [cell, setCell] = useState<HeatCell>();
  const [panel, setPanel] = useState<'none' | 'new' | 'assessment'>('none');
  const today = todayIso();

  const risks = data?.risks ?? [];
  const rows = useMemo(
    () =>
      risks
        .filter((r) => !cell || inCell(r.values, cell, residual))
        .map((r) => ({ risk: r, overdue: overdueDays(r.values, today) }))
        .sort(
          (a, b) =>
            (b.overdue ?? -1) - (a.overdue ?? -1) ||
            str(a.risk.values.Title).localeCompare(str(b.risk.values.Title)),
        ),
    [risks, cell, residual, today],
  );

  const exportCsv = () => {
    const header = [
      'Title',
      'source',
      'mission',
      'likelihood',
      'impact',
      'residualLikelihood',
      'residualImpact',
      'owner',
      'dueDate',
      'status',
    ];
    downloadText(
      `risk-register-${today}.csv`,
      toCsv([header, ...rows.map(({ risk }) => header.map((h) => risk.values[h] ?? null))]),
    );
  };

  return (
    <div className={styles.stack}>
      <div className={styles.spread}>
        <Title2 as="h2">{t('gov.risk.title')}</Title2>
        <div className={styles.row}>
          <Button onClick={exportCsv}>{t('gov.common.exportCsv')}</Button>
          {mayCreate ? (
            <>
              <Button onClick={() => setPanel('assessment')}>{t('gov.assessment.open')}</Button>
              <Button appearance="primary" onClick={() => setPanel('new')}>
                {t('gov.risk.newRisk')}
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {panel === 'new' ? <RiskForm services={services} onDone={() => setPanel('none')} /> : null}
      {panel === 'assessment' ? <AssessmentForm services={services} onDone={() => setPanel('none')} /> : null}
      <HeatMap
        risks={risks.map((r) => r.values)}
        residual={residual}
        onResidualChange={(v) => {
          setResidual(v);
          setCell(undefined);
        }}
        selected={cell}
        onSelect={setCell}
      />
      <div className={styles.row} role="status">
        <Text>{t('gov.risk.count', { count: rows.length })}</Text>
        {cell ? (
          <Button size="small" onClick={() => setCell(undefined)}>
            {t('gov.risk.clearCell', { likelihood: cell.likelihood, impact: cell.impact })}
          </Button>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('gov.risk.empty')} />
      ) : (
        <div className={styles.tableWrap}>
          <Table size="small" aria-label={t('gov.risk.title')} data-testid="risk-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('gov.risk.columns.title')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.risk.columns.source')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.risk.columns.mission')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.risk.inherent')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.risk.residual')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.risk.columns.due')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.risk.columns.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(({ risk, overdue }) => (
                <TableRow key={risk.id} data-overdue={overdue !== null}>
                  <TableCell>
                    <Link
                      href={routeHref({
                        name: 'record',
                        ref: { register: 'riskRegister', id: risk.id },
                        view: 'edit',
                      })}
                    >
                      {str(risk.values.Title)}
                    </Link>
                  </TableCell>
                  <TableCell>{choiceOf('riskRegister', 'source', risk.values.source, locale)}</TableCell>
                  <TableCell>{choiceOf('riskRegister', 'mission', risk.values.mission, locale)}</TableCell>
                  <TableCell>
                    <BandBadge band={bandOf(risk.values, false)} />
                  </TableCell>
                  <TableCell>
                    <BandBadge band={bandOf(risk.values, true)} />
                  </TableCell>
                  <TableCell>
                    {formatDate(str(risk.values.dueDate), locale)}{' '}
                    {overdue !== null ? (
                      <Badge color="danger" appearance="filled">
                        {t('gov.risk.overdue', { count: overdue })}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{choiceOf('riskRegister', 'status', risk.values.status, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
};
