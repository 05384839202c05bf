// What the connection banner shows: offline (browser events), or Graph throttling us and the client
// waiting before it retries (reported by the services). No JSX.
import { useEffect, useState } from 'react';
import type { RetryNotice, TabServices } from '../services/tab-services';

export type ConnectionNotice =
  { readonly kind: 'offline' } | { readonly kind: 'retrying'; readonly secondsLeft: number } | undefined;

export const useConnectionNotice = (services: Pick<TabServices, 'onRetry'>, now: () => number = Date.now) => {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [retry, setRetry] = useState<RetryNotice | undefined>();
  const [, setTick] = useState(0);

  useEffect(() => {
    const up = (): void => setOnline(true);
    const down = (): void => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  useEffect(() => services.onRetry(setRetry), [services]);

  const secondsLeft = retry ? Math.ceil((retry.at + retry.retryAfterSeconds * 1000 - now()) / 1000) : 0;
  // Count down once a second while a retry is pending.
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, retry]);

  const notice: ConnectionNotice = !online
    ? { kind: 'offline' }
    : secondsLeft > 0
      ? { kind: 'retrying', secondsLeft }
      : undefined;
  return notice;
};
