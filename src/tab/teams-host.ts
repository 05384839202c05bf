// Talking to the Teams host, when there is one. teams-js is loaded only inside a frame, so the
// stand-alone tab (embedded mode) never waits for a host that is not there.
import { parseRecordSubEntityId, type RecordRef } from './deep-links';

export interface TeamsHost {
  /** e.g. 'fr-fr' */
  readonly locale: string | undefined;
  /** 'default' | 'dark' | 'contrast' */
  readonly theme: string | undefined;
  readonly loginHint: string | undefined;
  /** Whether Teams brokers tokens for the tab (nested app authentication), per teams-js. */
  readonly naaSupported: boolean;
  /** The record a deep link asked for (page.subPageId). */
  readonly deepLink: RecordRef | undefined;
  onThemeChange(handler: (theme: string) => void): void;
}

const INIT_TIMEOUT_MS = 5000;

const inFrame = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true; // cross-origin parent: a host frame
  }
};

/** Resolves the Teams context, or undefined when not running inside Teams (or Outlook, or microsoft365.com). */
export const connectTeamsHost = async (): Promise<TeamsHost | undefined> => {
  if (typeof window === 'undefined' || !inFrame()) return undefined;
  const { app, nestedAppAuth } = await import('@microsoft/teams-js');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), INIT_TIMEOUT_MS));
  const initialised = await Promise.race([app.initialize().then(() => 'ok' as const), timeout]).catch(
    () => 'failed',
  );
  if (initialised !== 'ok') return undefined;
  const context = await app.getContext();
  app.notifySuccess();
  return {
    locale: context.app.locale,
    theme: context.app.theme,
    loginHint: context.user?.loginHint,
    // "Check for NAA support": isNAAChannelRecommended() is true where the host's bridge is the way to get tokens
    // (learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication).
    naaSupported: nestedAppAuth.isNAAChannelRecommended(),
    deepLink: parseRecordSubEntityId(context.page.subPageId),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
  };
};
