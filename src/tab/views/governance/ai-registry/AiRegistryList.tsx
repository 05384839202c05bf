// The AI registry as the governance unit reads it: tier, verification state (derived from the officers'
// decisions) and data concerns per system.
import {
  Badge,
  Button,
  Input,
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
import { dataAssetConcerns, normalizeName } from '../../../../domain/governance';
import { EmptyState } from '../../../components/EmptyState';
import { todayIso } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { TierBadge, VerificationBadge, tierOfChoice } from '../common/badges';
import { useGovernanceData } from '../common/governance-data';
import { useMayCreateRecords } from '../common/may-create';
import { useGovernanceServices } from '../services/governance-context';
import { useGovernanceStyles } from '../common/governance.styles';
import { govHref, useGovNavigate } from '../common/navigation';
import { choiceOf, str } from '../common/text';
import { AwarenessLink } from '../awareness/AwarenessLink';

export const AiRegistryList = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const go = useGovNavigate();
  const { data, verificationOf, assetsById } = useGovernanceData();
  const mayCreate = useMayCreateRecords(useGovernanceServices(), data);
  const [query, setQuery] = useState('');
  const today = todayIso();

  const rows = useMemo(() => {
    const q = normalizeName(query);
    return (data?.systems ?? [])
      .filter((s) => q === '' || normalizeName(str(s.values.Title)).includes(q))
      .map((s) => ({
        system: s,
        state: verificationOf(s).state,
        concerns: dataAssetConcerns(s.values, assetsById, { now: today }).length,
      }))
      .sort((a, b) => str(a.system.values.Title).localeCompare(str(b.system.values.Title)));
  }, [data, query, verificationOf, assetsById, today]);

  return (
    <div className={styles.stack}>
      <div className={styles.spread}>
        <Title2 as="h2">{t('gov.ai.title')}</Title2>
        <div className={styles.row}>
          <AwarenessLink note="verification" />
          {mayCreate ? (
            <Button appearance="primary" onClick={() => go('ai', 'new')}>
              {t('gov.ai.register')}
            </Button>
          ) : null}
        </div>
      </div>
      <Input
        aria-label={t('gov.common.search')}
        placeholder={t('gov.common.searchByName')}
        value={query}
        onChange={(_e, d) => setQuery(d.value)}
      />
      <Text role="status">{t('gov.ai.count', { count: rows.length })}</Text>
      {rows.length === 0 ? (
        <EmptyState title={t('gov.ai.empty')} />
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t('gov.ai.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('gov.ai.columns.name')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.ai.columns.mission')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.ai.columns.provider')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.ai.columns.tier')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.ai.columns.verification')}</TableHeaderCell>
                <TableHeaderCell>{t('gov.ai.columns.data')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map(({ system, state, concerns }) => (
                <TableRow key={system.id}>
                  <TableCell>
                    <Link href={govHref('ai', system.id)}>{str(system.values.Title)}</Link>
                  </TableCell>
                  <TableCell>{choiceOf('aiRegistry', 'mission', system.values.mission, locale)}</TableCell>
                  <TableCell>{str(system.values.provider)}</TableCell>
                  <TableCell>
                    <TierBadge tier={tierOfChoice(system.values.riskTier)} />
                  </TableCell>
                  <TableCell>
                    <VerificationBadge state={state} />
                  </TableCell>
                  <TableCell>
                    {concerns > 0 ? (
                      <Badge color="danger" appearance="tint">
                        {t('gov.ai.dataConcerns', { count: concerns })}
                      </Badge>
                    ) : (
                      <Text className={styles.muted}>{t('gov.ai.dataOk')}</Text>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
};
