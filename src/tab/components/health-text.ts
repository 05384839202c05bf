// Health reasons as short sentences in the user's language: the domain says why, this says it in words.
import type { TFunction } from 'i18next';
import type { HealthReason, RecordHealth } from '../../domain/health';
import { REGISTERS } from '../../domain/registers';
import { joinList } from '../../domain/schema/localized';
import type { Locale, RegisterId } from '../../domain/schema/types';

export type ReasonSeverity = 'danger' | 'warning';

export interface ReasonText {
  readonly code: HealthReason['code'];
  readonly text: string;
  readonly severity: ReasonSeverity;
}

const fieldLabels = (register: RegisterId, fields: readonly string[], locale: Locale): string =>
  joinList(
    fields.map((name) => REGISTERS[register].fields.find((f) => f.name === name)?.label[locale] ?? name),
    locale,
  );

export const describeReason = (
  reason: HealthReason,
  register: RegisterId,
  locale: Locale,
  t: TFunction,
): ReasonText => {
  switch (reason.code) {
    case 'missingFields':
      return {
        code: reason.code,
        severity: 'danger',
        text: t('health.reasons.missing', {
          count: reason.fields.length,
          fields: fieldLabels(register, reason.fields, locale),
        }),
      };
    case 'reviewOverdue':
      return {
        code: reason.code,
        severity: 'danger',
        text: t('health.reasons.overdue', { count: reason.days }),
      };
    case 'neverReviewed':
      return { code: reason.code, severity: 'danger', text: t('health.reasons.neverReviewed') };
    case 'noOwner':
      return {
        code: reason.code,
        severity: 'warning',
        text: reason.fields.includes(REGISTERS[register].custodianField)
          ? t('health.reasons.noCustodian')
          : t('health.reasons.noOwner'),
      };
    case 'inactiveOwner':
      return { code: reason.code, severity: 'warning', text: t('health.reasons.inactiveOwner') };
    case 'noClassification':
      return { code: reason.code, severity: 'warning', text: t('health.reasons.noClassification') };
  }
};

export const describeHealth = (
  health: RecordHealth,
  register: RegisterId,
  locale: Locale,
  t: TFunction,
): readonly ReasonText[] => health.reasons.map((reason) => describeReason(reason, register, locale, t));
