// Offline, or "the service is busy, retrying in N s": shown above every view, in the user's language.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TabServices } from '../services/tab-services';
import { useConnectionNotice } from './useConnectionNotice';

export interface ConnectionBannerProps {
  readonly services: Pick<TabServices, 'onRetry'>;
}

export const ConnectionBanner = ({ services }: ConnectionBannerProps) => {
  const { t } = useTranslation();
  const notice = useConnectionNotice(services);
  return (
    <div role="status" aria-live="polite" data-testid="connection-banner">
      {notice?.kind === 'offline' ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('errors.offline')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice?.kind === 'retrying' ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('errors.throttled', { seconds: notice.secondsLeft })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
};
