// The custodian's landing view: their data assets and AI systems, worst first, each saying why it is
// not healthy; select several and confirm them all still accurate in one action.
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  mergeClasses,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage, useFailureText } from '../../components/ErrorMessage';
import { HealthBadge } from '../../components/HealthBadge';
import { choiceText, registerName } from '../../components/record-labels';
import { LoadingState } from '../../components/LoadingState';
import { recordHash } from '../../deep-links';
import { formatDate } from '../../i18n/format';
import { useLocale } from '../../i18n/use-locale';
import { REGISTERS } from '../../../domain/registers';
import { classifyFailure } from '../../services/errors';
import { useMyRecordsStyles } from './MyRecords.styles';
import { useMyRecords } from './useMyRecords';

export const MyRecords = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useMyRecordsStyles();
  const failureText = useFailureText();
  const model = useMyRecords();
  const { rows, selected, state, lastConfirm } = model;
  const all = rows.length > 0 && selected.size === rows.length;
  const some = selected.size > 0 && !all;

  return (
    <section className={styles.root} aria-labelledby="mine-title">
      <div className={styles.heading}>
        <Title2 as="h2" id="mine-title">
          {t('mine.title')}
        </Title2>
        <Body1 as="p" className={styles.intro}>
          {t('mine.intro')}
        </Body1>
      </div>

      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={model.reload} /> : null}
      {state.status === 'ready' && rows.length === 0 ? (
        <EmptyState title={t('mine.empty')} hint={t('mine.emptyHint')} />
      ) : null}

      {lastConfirm ? (
        <div role="status" aria-live="polite">
          {lastConfirm.confirmed > 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{t('mine.confirmed', { count: lastConfirm.confirmed })}</MessageBarBody>
            </MessageBar>
          ) : null}
          {lastConfirm.failed.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t('mine.confirmFailed', {
                  count: lastConfirm.failed.length,
                  reason: failureText(classifyFailure(lastConfirm.failed[0]?.error)),
                })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      ) : null}

      {rows.length > 0 ? (
        <>
          <div className={styles.toolbar} role="toolbar" aria-label={t('mine.title')}>
            <Checkbox
              label={t('mine.selectAll')}
              checked={all ? true : some ? 'mixed' : false}
              onChange={(_e, data) => model.toggleAll(data.checked === true)}
            />
            <Text className={styles.summary}>
              {t('mine.summary', { healthy: model.healthy, total: rows.length })}
            </Text>
            <Button
              appearance="primary"
              disabled={selected.size === 0 || model.confirming}
              onClick={() => void model.confirmSelected()}
              data-testid="confirm-selected"
            >
              {model.confirming
                ? t('record.confirming')
                : selected.size === 0
                  ? t('record.confirm')
                  : t('mine.confirmSelected', { count: selected.size })}
            </Button>
          </div>
          <ul className={styles.list} aria-label={t('mine.title')}>
            {rows.map((row) => (
              <li
                key={row.key}
                className={mergeClasses(
                  styles.item,
                  row.health.healthy ? styles.itemHealthy : styles.itemAttention,
                )}
                data-record={row.key}
              >
                <Checkbox
                  aria-label={t('mine.selectRecord', { title: row.title })}
                  checked={selected.has(row.key)}
                  onChange={(_e, data) => model.toggle(row.key, data.checked === true)}
                />
                <div className={styles.body}>
                  <Link href={recordHash({ register: row.register, id: row.id })} className={styles.title}>
                    {row.title}
                  </Link>
                  <Caption1 className={styles.meta}>
                    {[
                      registerName(row.register, locale),
                      choiceText(row.register, REGISTERS[row.register].missionField, row.mission, locale),
                      row.lastReviewed
                        ? t('mine.lastReviewed', { date: formatDate(row.lastReviewed, locale) })
                        : t('mine.neverReviewed'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Caption1>
                  <HealthBadge health={row.health} register={row.register} />
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
