// One record: its health, a form generated from the schema, save (If-Match, conflicts resolved field by
// field), "Confirm still accurate", and its history.
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Title2,
  Tooltip,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { joinList } from '../../../domain/schema';
import { useTab } from '../../app/tab-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HealthBadge } from '../../components/HealthBadge';
import { registerName } from '../../components/record-labels';
import { LoadingState } from '../../components/LoadingState';
import { routeHash, type RecordRef, type TabRoute } from '../../deep-links';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-locale';
import { toRow } from '../../records/record-rows';
import { ConflictDialog } from './ConflictDialog';
import { HistoryPanel } from './HistoryPanel';
import { RecordForm } from './RecordForm';
import { useRecordPageStyles } from './RecordPage.styles';
import { useRecord } from './useRecord';

export interface RecordPageProps {
  readonly recordRef: RecordRef;
  readonly view: 'edit' | 'history';
  /** Where "Back" goes: the list the record was opened from. @defaultvalue My records */
  readonly backTo?: TabRoute;
}

export const RecordPage = ({ recordRef, view, backTo = { name: 'mine' } }: RecordPageProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useRecordPageStyles();
  const { navigate } = useTab();
  const model = useRecord(recordRef);
  const { entry, schema } = model;
  const personName = (email: string): string | undefined => model.people.get(email)?.displayName;

  if (model.state.status === 'loading') return <LoadingState />;
  if (model.state.status === 'error' || !entry)
    return (
      <ErrorMessage
        error={model.state.status === 'error' ? model.state.error : undefined}
        onRetry={model.reload}
      />
    );

  const row = toRow(entry, { now: new Date() });
  const title = row.title;
  const dirty = model.dirty.length > 0;
  const readOnly = !model.canEdit;

  return (
    <article className={styles.root} aria-labelledby="record-title">
      <div className={styles.header}>
        <Link href={routeHash(backTo)}>{t('record.back')}</Link>
        <Caption1 className={styles.meta}>{registerName(entry.register, locale)}</Caption1>
        <Title2 as="h2" id="record-title">
          {title}
        </Title2>
        <div data-testid="record-health">
          <HealthBadge health={row.health} register={entry.register} />
        </div>
        {entry.record.modifiedAt ? (
          <Caption1 className={styles.meta}>
            {t('record.modified', {
              date: formatDateTime(entry.record.modifiedAt, locale),
              name:
                (entry.record.modifiedBy && personName(entry.record.modifiedBy)) ??
                entry.record.modifiedBy ??
                t('conflict.someone'),
            })}
          </Caption1>
        ) : null}
      </div>

      {readOnly ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('record.readOnly')}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={styles.actions} role="toolbar" aria-label={t('record.edit')}>
          <Button
            appearance="primary"
            onClick={() => void model.save()}
            disabled={!dirty || model.busy !== undefined}
            data-testid="save"
          >
            {model.busy === 'saving' ? t('record.saving') : t('record.save')}
          </Button>
          <Button onClick={model.discard} disabled={!dirty || model.busy !== undefined}>
            {t('record.discard')}
          </Button>
          {dirty ? <Text className={styles.unsaved}>{t('record.unsaved')}</Text> : null}
          <span className={styles.spacer} />
          <Tooltip content={t('record.confirmHint')} relationship="description">
            <Button
              onClick={() => void model.confirm()}
              disabled={dirty || model.busy !== undefined}
              data-testid="confirm"
            >
              {model.busy === 'confirming' ? t('record.confirming') : t('record.confirm')}
            </Button>
          </Tooltip>
        </div>
      )}

      <div role="status" aria-live="polite">
        {model.notice === 'saved' && !model.merged ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('record.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {model.merged ? (
          <MessageBar intent="success" data-testid="merged-notice">
            <MessageBarBody>
              {t('conflict.mergedNotice', {
                name: model.merged.by
                  ? (personName(model.merged.by) ?? model.merged.by)
                  : t('conflict.someone'),
                fields: joinList(
                  model.merged.theirChanges.map(
                    (c) => schema.fields.find((f) => f.name === c.field)?.label[locale] ?? c.field,
                  ),
                  locale,
                ),
              })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {model.notice === 'confirmed' ? (
          <MessageBar intent="success">
            <MessageBarBody>{t('record.confirmedToast')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {model.actionError ? <ErrorMessage error={model.actionError} onRetry={model.retryAction} /> : null}
      {[...model.issues.values()].some((i) => i.level === 'error') && model.dirty.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>
            {t('record.fixErrors', {
              count: [...model.issues.values()].filter((i) => i.level === 'error').length,
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <TabList
        selectedValue={view}
        onTabSelect={(_e, data) =>
          navigate({ name: 'record', ref: recordRef, view: data.value === 'history' ? 'history' : 'edit' })
        }
      >
        <Tab value="edit">{t('record.details')}</Tab>
        <Tab value="history">{t('record.history')}</Tab>
      </TabList>

      <section
        className={styles.panel}
        aria-label={view === 'history' ? t('record.history') : t('record.details')}
      >
        {view === 'history' ? (
          <HistoryPanel
            recordRef={recordRef}
            schema={schema}
            locale={locale}
            personName={personName}
            recordTitle={model.recordTitle}
            refreshKey={entry.record.eTag}
          />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void model.save();
            }}
            aria-labelledby="record-title"
          >
            <RecordForm
              schema={schema}
              original={model.original}
              draft={model.draft}
              issues={model.issues}
              onChange={model.setField}
              locale={locale}
              readOnly={readOnly}
              isOfficer={model.isOfficer}
              people={model.people}
              searchPeople={model.searchPeople}
              searchRecords={model.searchRecords}
              recordTitle={model.recordTitle}
            />
          </form>
        )}
      </section>

      {model.conflict ? (
        <ConflictDialog
          open
          schema={schema}
          merge={model.conflict.merge}
          theirName={
            model.conflict.current.record.modifiedBy
              ? (personName(model.conflict.current.record.modifiedBy) ??
                model.conflict.current.record.modifiedBy)
              : undefined
          }
          locale={locale}
          personName={personName}
          recordTitle={model.recordTitle}
          saving={model.busy === 'saving'}
          onResolve={(choices) => void model.resolve(choices)}
          onCancel={model.cancelConflict}
        />
      ) : null}
    </article>
  );
};
