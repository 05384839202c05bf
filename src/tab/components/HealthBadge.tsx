// A record's health: "Healthy", or one badge per reason it is not (missing fields, review overdue by
// N days, no owner, no classification). The reasons come from the domain's recordHealth().
import { Badge, mergeClasses } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RecordHealth } from '../../domain/health';
import type { RegisterId } from '../../domain/schema/types';
import { useLocale } from '../i18n/use-locale';
import { describeHealth } from './health-text';
import { useHealthBadgeStyles } from './HealthBadge.styles';

export interface HealthBadgeProps {
  readonly health: RecordHealth;
  readonly register: RegisterId;
  /** Show only the first reason (dense lists). @defaultvalue false */
  readonly compact?: boolean;
  readonly className?: string;
}

export const HealthBadge = ({ health, register, compact = false, className }: HealthBadgeProps) => {
  const { t } = useTranslation();
  const styles = useHealthBadgeStyles();
  const locale = useLocale();
  if (health.healthy && health.reasons.length === 0) {
    return (
      <Badge
        appearance="tint"
        color="success"
        className={mergeClasses(styles.badge, className)}
        data-health="healthy"
      >
        {t('health.healthy')}
      </Badge>
    );
  }
  const reasons = describeHealth(health, register, locale, t);
  const shown = compact ? reasons.slice(0, 1) : reasons;
  return (
    <ul
      className={mergeClasses(styles.root, className)}
      aria-label={t('health.needsAttention')}
      data-health="attention"
    >
      {shown.map((reason) => (
        <li key={reason.code}>
          <Badge appearance="tint" color={reason.severity} className={styles.badge} data-reason={reason.code}>
            {reason.text}
          </Badge>
        </li>
      ))}
      {compact && reasons.length > 1 ? (
        <li>
          <Badge appearance="outline" color="informative" className={styles.badge}>
            {`+${reasons.length - 1}`}
          </Badge>
        </li>
      ) : null}
    </ul>
  );
};
