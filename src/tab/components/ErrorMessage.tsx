// One way to show a failure: what happened and what to do, in the user's language, with the action
// that fits (retry, sign in again, go back).
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { TabContext } from '../app/tab-context';
import { classifyFailure, type Failure } from '../services/errors';

export interface ErrorMessageProps {
  readonly error: unknown;
  /** Shown as the main action for failures a retry can fix. */
  readonly onRetry?: () => void;
  /** i18n key of the retry button. @defaultvalue 'errors.retry' */
  readonly retryLabelKey?: string;
  /** @defaultvalue 'error' */
  readonly intent?: 'error' | 'warning';
}

/** The localised sentence for a failure. */
export const useFailureText = (): ((failure: Failure) => string) => {
  const { t } = useTranslation();
  return (failure) => {
    switch (failure.kind) {
      case 'offline':
        return t('errors.offline');
      case 'unauthenticated':
        return t('errors.unauthenticated');
      case 'forbidden':
        return t('errors.forbidden');
      case 'notFound':
        return t('errors.notFound');
      case 'throttled':
        return t('errors.throttledGaveUp');
      case 'server':
        return t('errors.server');
      default:
        return t('errors.unknown', { message: failure.message });
    }
  };
};

export const ErrorMessage = ({
  error,
  onRetry,
  retryLabelKey = 'errors.retry',
  intent = 'error',
}: ErrorMessageProps) => {
  const { t } = useTranslation();
  const tab = useContext(TabContext);
  const failure = classifyFailure(error);
  const text = useFailureText()(failure);

  let action: { label: string; run: () => void } | undefined;
  if (failure.kind === 'unauthenticated' && tab)
    action = { label: t('errors.signInAgain'), run: tab.sessionExpired };
  else if ((failure.kind === 'notFound' || failure.kind === 'forbidden') && tab)
    action = { label: t('errors.goBack'), run: () => tab.navigate({ name: 'mine' }) };
  else if (onRetry) action = { label: t(retryLabelKey), run: onRetry };

  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text}</MessageBarTitle>
        {failure.requestId ? <span>{t('errors.reference', { id: failure.requestId })}</span> : null}
      </MessageBarBody>
      {action ? (
        <MessageBarActions>
          <Button appearance="primary" onClick={action.run}>
            {action.label}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
};
