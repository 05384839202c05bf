// Record history from the item's versions: who changed what, when.
import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, RegisterId, RegisterSchema } from '../../../domain/schema/types';
import { useTab } from '../../app/tab-context';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingState } from '../../components/LoadingState';
import type { RecordRef } from '../../deep-links';
import { formatDateTime } from '../../i18n/format';
import { valueText } from '../../records/value-text';
import { useHistory } from './useHistory';
import { lookupIds, titleKey } from './useRecord';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  entry: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  meta: { color: tokens.colorNeutralForeground2 },
  changes: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  before: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
});

export interface HistoryPanelProps {
  readonly recordRef: RecordRef;
  readonly schema: RegisterSchema;
  readonly locale: Locale;
  readonly personName: (email: string) => string | undefined;
  /** Title of a looked-up item known to the page; older values are resolved here. */
  readonly recordTitle?: (register: RegisterId, id: string) => string | undefined;
  /** Changes when the record is saved, so the history reloads. */
  readonly refreshKey?: unknown;
}

export const HistoryPanel = ({
  recordRef,
  schema,
  locale,
  personName,
  recordTitle,
  refreshKey,
}: HistoryPanelProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const { services } = useTab();
  const { state, reload } = useHistory(recordRef, refreshKey);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const versions = state.status === 'ready' ? state.value : undefined;

  // Lookups an older version pointed at may no longer be the record's: resolve their titles too.
  useEffect(() => {
    if (!versions) return;
    let live = true;
    const wanted = new Map<RegisterId, Set<string>>();
    for (const { version } of versions)
      for (const [target, ids] of lookupIds(recordRef.register, version.values))
        wanted.set(target, new Set([...(wanted.get(target) ?? []), ...ids]));
    for (const [target, ids] of wanted) {
      services.resolveTitles(target, [...ids]).then(
        (found) =>
          live &&
          setTitles(
            (current) =>
              new Map([
                ...current,
                ...[...found].map(([id, title]) => [titleKey(target, id), title] as const),
              ]),
          ),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [versions, services, recordRef.register]);
  const titleOf = (register: RegisterId, id: string): string | undefined =>
    recordTitle?.(register, id) ?? titles.get(titleKey(register, id));
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorMessage error={state.error} onRetry={reload} />;
  if (state.value.length === 0) return <EmptyState title={t('history.empty')} />;
  const text = (field: string, value: Parameters<typeof valueText>[1]) =>
    valueText(
      schema.fields.find((f) => f.name === field),
      value,
      {
        locale,
        yes: t('form.yes'),
        no: t('form.no'),
        empty: t('conflict.empty'),
        personName,
        recordTitle: titleOf,
      },
    );

  return (
    <ol className={styles.list} aria-label={t('history.title')}>
      {state.value.map(({ version, previous, changes }) => {
        const who =
          version.modifiedByName ??
          (version.modifiedBy
            ? (personName(version.modifiedBy) ?? version.modifiedBy)
            : t('conflict.someone'));
        const summary = !previous
          ? t('history.created', { name: who })
          : changes.length === 0
            ? t('history.noChange', { name: who })
            : t('history.changed', { name: who, count: changes.length });
        return (
          <li key={version.version} className={styles.entry} data-version={version.version}>
            <div className={styles.head}>
              <Body1Strong>{summary}</Body1Strong>
              <Caption1 className={styles.meta}>
                {`${formatDateTime(version.modifiedAt, locale)} · ${t('history.version', { version: version.version })}`}
              </Caption1>
            </div>
            {previous && changes.length > 0 ? (
              <dl className={styles.changes}>
                {changes.map((change) => (
                  <div key={change.field} className={styles.pair}>
                    <dt className={styles.term}>
                      {schema.fields.find((f) => f.name === change.field)?.label[locale] ?? change.field}
                    </dt>
                    <dd className={styles.detail}>
                      <span className={styles.before}>{text(change.field, change.before)}</span>
                      {locale === 'ar' ? ' ← ' : ' → '}
                      <span>{text(change.field, change.after)}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
};
