// Small status badges: risk tier, verification state, risk band. Colours from the badge's own palette.
import { Badge } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RiskTier, VerificationState } from '../../../../domain/ai-act';
import type { RiskBandId } from '../../../../domain/risk';

const TIER_COLOR = { prohibited: 'danger', high: 'severe', limited: 'warning', minimal: 'success' } as const;
const STATE_COLOR = {
  draft: 'informative',
  submitted: 'brand',
  verified: 'success',
  changesRequested: 'warning',
} as const;
const BAND_COLOR = { low: 'success', medium: 'warning', high: 'severe', critical: 'danger' } as const;

export const TierBadge = ({ tier }: { readonly tier: RiskTier | null }) => {
  const { t } = useTranslation();
  if (!tier) return <Badge appearance="outline">{t('gov.tiers.none')}</Badge>;
  return (
    <Badge appearance="filled" color={TIER_COLOR[tier]} data-tier={tier}>
      {t(`gov.tiers.${tier}`)}
    </Badge>
  );
};

export const VerificationBadge = ({ state }: { readonly state: VerificationState }) => {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={STATE_COLOR[state]} data-state={state}>
      {t(`gov.verification.states.${state}`)}
    </Badge>
  );
};

export const BandBadge = ({ band }: { readonly band: RiskBandId | null }) => {
  const { t } = useTranslation();
  if (!band) return <Badge appearance="outline">{t('gov.risk.unscored')}</Badge>;
  return (
    <Badge appearance="tint" color={BAND_COLOR[band]}>
      {t(`gov.risk.bands.${band}`)}
    </Badge>
  );
};

/** The tier id of a stored riskTier choice ('High' -> 'high'). */
export const tierOfChoice = (value: unknown): RiskTier | null =>
  value === 'Prohibited'
    ? 'prohibited'
    : value === 'High'
      ? 'high'
      : value === 'Limited'
        ? 'limited'
        : value === 'Minimal'
          ? 'minimal'
          : null;
