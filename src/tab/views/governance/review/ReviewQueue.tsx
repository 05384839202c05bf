// The officers' review queue: submitted systems grouped by submission batch (submitter and day), so a
// focal point's Excel push of many systems is one batch to review, verifiable in one go.
import {
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkVerificationPlan } from '../../../../domain/governance';
import {
  SETTING_KEYS,
  planBulkVerification,
  reviewBatches,
  submitterOf,
  verificationPolicyFrom,
} from '../../../../domain/governance';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDate } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { TierBadge, tierOfChoice } from '../common/badges';
import { useGovernanceData } from '../common/governance-data';
import { useGovernanceStyles } from '../common/governance.styles';
import { govHref } from '../common/navigation';
import { choiceOf, str } from '../common/text';
import type { GovernanceServices } from '../services/governance-services';

export const ReviewQueue = ({ services }: { readonly services: GovernanceServices }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const { data, verificationOf, reload } = useGovernanceData();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  // "Verify N systems" asks first: the plan says which systems would be verified and which are left out.
  const [pending, setPending] = useState<{ readonly key: string; readonly plan: BulkVerificationPlan }>();

  const batches = useMemo(
    () =>
      reviewBatches(
        (data?.systems ?? [])
          .filter((s) => verificationOf(s).state === 'submitted')
          .map((s) => ({ id: s.id, values: s.values, modifiedBy: s.modifiedBy, modifiedAt: s.modifiedAt })),
      ),
    [data, verificationOf],
  );

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const planBatch = async (key: string, ids: readonly string[]) => {
    setError(undefined);
    setNotice(undefined);
    try {
      const policy = verificationPolicyFrom(await services.loadSetting(SETTING_KEYS.verificationPolicy));
      const systems = (data?.systems ?? []).filter((s) => ids.includes(s.id));
      const plan = planBulkVerification(
        systems.map((s) => ({ id: s.id, values: s.values, state: 'submitted', submittedBy: submitterOf(s) })),
        services.actor,
        { now: new Date(), reviewBatch: key, allowSingleOfficer: policy.allowSingleOfficer },
      );
      setPending({ key, plan });
    } catch (e) {
      setError(e);
    }
  };

  const confirmBatch = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      let done = 0;
      for (const { systemId, result } of pending.plan.decisions) {
        const system = data?.systems.find((s) => s.id === systemId);
        if (!system) continue;
        await services.recordDecision(result.entry, str(system.values.Title));
        await services.update('aiRegistry', system.id, result.mirror, system.eTag ?? '');
        done++;
      }
      setSelected(new Set());
      setPending(undefined);
      await reload();
      setNotice(t('gov.review.verifiedMany', { count: done }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const titleOf = (id: string): string => str(data?.systems.find((s) => s.id === id)?.values.Title);

  return (
    <div className={styles.stack}>
      <Title2 as="h2">{t('gov.review.title')}</Title2>
      <Text>{t('gov.review.intro')}</Text>
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {pending ? (
        <section className={styles.card} role="alertdialog" aria-labelledby="bulk-confirm-title">
          <Text weight="semibold" id="bulk-confirm-title">
            {t('gov.review.confirmTitle', { count: pending.plan.decisions.length })}
          </Text>
          {pending.plan.excluded.length > 0 ? (
            <ul className={styles.list} data-testid="bulk-excluded">
              {pending.plan.excluded.map((x) => (
                <li key={x.systemId}>
                  {t('gov.review.excluded', {
                    title: titleOf(x.systemId),
                    reason:
                      x.reason === 'prohibitedTier'
                        ? t('gov.review.prohibitedExcluded')
                        : t(`gov.verification.refusals.${x.reason}`),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          <div className={styles.row}>
            <Button onClick={() => setPending(undefined)}>{t('gov.common.cancel')}</Button>
            <Button
              appearance="primary"
              disabled={busy || pending.plan.decisions.length === 0}
              onClick={() => void confirmBatch()}
            >
              {t('gov.review.confirm', { count: pending.plan.decisions.length })}
            </Button>
          </div>
        </section>
      ) : null}
      {batches.length === 0 ? <EmptyState title={t('gov.review.empty')} /> : null}
      {batches.map((b) => {
        const ids = b.systems.map((s) => s.id);
        const chosen = ids.filter((id) => selected.has(id));
        return (
          <section
            key={b.key}
            className={styles.card}
            aria-label={t('gov.review.batch', { who: b.submitter, day: formatDate(b.day, locale) })}
          >
            <div className={styles.spread}>
              <Subtitle1 as="h3">
                {t('gov.review.batch', { who: b.submitter, day: formatDate(b.day, locale) })}
              </Subtitle1>
              <Text>
                {t('gov.review.systems', { count: b.systems.length })} ·{' '}
                {b.missions.map((m) => choiceOf('aiRegistry', 'mission', m, locale)).join(', ')}
              </Text>
            </div>
            {services.isOfficer ? (
              <div className={styles.row}>
                <Checkbox
                  label={t('gov.review.selectAll')}
                  checked={chosen.length === ids.length ? true : chosen.length > 0 ? 'mixed' : false}
                  onChange={(_e, d) => ids.forEach((id) => toggle(id, d.checked === true))}
                />
                <Button
                  appearance="primary"
                  disabled={busy || chosen.length === 0}
                  onClick={() => void planBatch(b.key, chosen)}
                >
                  {t('gov.review.verifySelected', { count: chosen.length })}
                </Button>
              </div>
            ) : null}
            <ul className={styles.list}>
              {b.systems.map((s) => (
                <li key={s.id} className={styles.row}>
                  {services.isOfficer ? (
                    <Checkbox
                      aria-label={t('gov.review.select', { title: str(s.values.Title) })}
                      checked={selected.has(s.id)}
                      onChange={(_e, d) => toggle(s.id, d.checked === true)}
                    />
                  ) : null}
                  <Link href={govHref('ai', s.id)}>{str(s.values.Title)}</Link>
                  <TierBadge tier={tierOfChoice(s.values.riskTier)} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
};
