// Per-row results of the last push: saved, invalid (why), rejected (why), conflict. Clicking a line selects the row.
import { Badge, Caption1, Subtitle2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RowReport, RowStatus } from '../sync/engine';
import { useResultsStyles } from './TaskPane.styles';

const COLORS: Readonly<Record<RowStatus, 'success' | 'danger' | 'warning' | 'important'>> = {
  saved: 'success',
  invalid: 'danger',
  rejected: 'important',
  conflict: 'warning',
};

export interface ResultsListProps {
  readonly rows: readonly RowReport[];
  /** Called with the body row index. */
  readonly onSelect: (row: number) => void;
}

export const ResultsList = ({ rows, onSelect }: ResultsListProps) => {
  const { t } = useTranslation();
  const styles = useResultsStyles();
  // Problems first: they need the person's attention.
  const order: RowStatus[] = ['invalid', 'conflict', 'rejected', 'saved'];
  const sorted = [...rows].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.row - b.row);
  return (
    <section aria-label={t('results.title')}>
      <Subtitle2 as="h2">{t('results.title')}</Subtitle2>
      <ul className={styles.list} data-testid="results">
        {sorted.map((r) => (
          <li
            key={`${r.status}-${r.row}-${r.id ?? ''}`}
            className={styles.item}
            data-status={r.status}
            onClick={() => onSelect(r.row)}
          >
            <Badge appearance="filled" color={COLORS[r.status]}>
              {t(`results.${r.status}`)}
            </Badge>
            <span className={styles.title}>
              <span className={styles.rowLabel}>{t('results.row', { row: r.row + 2 })} ·</span>
              <span dir="auto" className={styles.recordTitle} data-testid="result-title">
                {r.title || t('results.untitled')}
              </span>
              <Caption1 className={styles.kind}>{t(`results.kind.${r.kind}`)}</Caption1>
            </span>
            {(r.message || r.code) && (
              <span className={styles.message}>
                {r.code === 'notPulled' || r.code === 'duplicate' ? t(`results.code.${r.code}`) : r.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
