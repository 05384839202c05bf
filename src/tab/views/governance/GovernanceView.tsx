// The governance unit's workspace: AI registry and triage, review queue, risk register, scorecard and
// frameworks. Loaded on demand; the scorecard (with the charts) is a further chunk.
import { Link, mergeClasses } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingState } from '../../components/LoadingState';
import { SystemForm } from './ai-registry/SystemForm';
import { AiRegistryList } from './ai-registry/AiRegistryList';
import { SystemPage } from './ai-registry/SystemPage';
import { GovernanceDataContext, useGovernanceDataLoader } from './common/governance-data';
import { useGovernanceStyles } from './common/governance.styles';
import { govHref } from './common/navigation';
import { FrameworksView } from './frameworks/FrameworksView';
import { registerGovernanceStrings } from './i18n/register';
import { ReviewQueue } from './review/ReviewQueue';
import { RiskRegisterView } from './risk/RiskRegisterView';
import { GovernanceServicesContext, useGovernanceServices } from './services/governance-context';

const ScorecardView = lazy(() =>
  import('./scorecard/ScorecardView').then((m) => ({ default: m.ScorecardView })),
);

export const GOVERNANCE_SECTIONS = ['ai', 'review', 'risks', 'scorecard', 'frameworks'] as const;
export type GovernanceSection = (typeof GOVERNANCE_SECTIONS)[number];

export interface GovernanceViewProps {
  /** The route below #/governance, e.g. ['ai', '12']. */
  readonly path: readonly string[];
}

export const GovernanceView = ({ path }: GovernanceViewProps) => {
  const { i18n, t } = useTranslation();
  registerGovernanceStrings(i18n);
  const services = useGovernanceServices();
  const state = useGovernanceDataLoader(services);
  const styles = useGovernanceStyles();
  const section: GovernanceSection = (GOVERNANCE_SECTIONS as readonly string[]).includes(path[0] ?? '')
    ? (path[0] as GovernanceSection)
    : 'ai';
  const sub = path[1];

  let body;
  if (state.error && !state.data)
    body = <ErrorMessage error={state.error} onRetry={() => void state.reload()} />;
  else if (!state.data) body = <LoadingState />;
  else if (section === 'ai')
    body =
      sub === 'new' ? (
        <SystemForm services={services} />
      ) : sub ? (
        <SystemPage key={sub} services={services} id={sub} />
      ) : (
        <AiRegistryList />
      );
  else if (section === 'review') body = <ReviewQueue services={services} />;
  else if (section === 'risks') body = <RiskRegisterView services={services} />;
  else if (section === 'scorecard')
    body = (
      <Suspense fallback={<LoadingState />}>
        <ScorecardView services={services} />
      </Suspense>
    );
  else body = <FrameworksView />;

  return (
    <GovernanceServicesContext.Provider value={services}>
      <GovernanceDataContext.Provider value={state}>
        <nav aria-label={t('gov.nav.label')} className={styles.sectionNav} data-no-print>
          {/* Plain buttons, not a second TabList: nested tab lists confuse screen readers. */}
          <div className={styles.row}>
            {GOVERNANCE_SECTIONS.map((s) => (
              <Link
                key={s}
                href={govHref(s)}
                aria-current={s === section ? 'page' : undefined}
                className={mergeClasses(styles.navLink, s === section && styles.navLinkCurrent)}
              >
                {t(`gov.nav.${s}`)}
              </Link>
            ))}
          </div>
        </nav>
        {body}
      </GovernanceDataContext.Provider>
    </GovernanceServicesContext.Provider>
  );
};
