// The registers and decisions, loaded once for all governance views and reloaded after a write.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { deriveVerification, latestEntries } from '../../../../domain/governance';
import type { DerivedVerification } from '../../../../domain/governance';
import type { GovernanceData, GovernanceServices, GovRecord } from '../services/governance-services';

export interface GovernanceDataState {
  readonly data?: GovernanceData;
  readonly error?: unknown;
  readonly loading: boolean;
  readonly reload: () => Promise<void>;
  /** The verification state the app shows for a system (derived from the officers' decisions). */
  readonly verificationOf: (system: GovRecord) => DerivedVerification;
  readonly assetsById: ReadonlyMap<string, GovRecord>;
  readonly systemsById: ReadonlyMap<string, GovRecord>;
}

export const useGovernanceDataLoader = (services: GovernanceServices): GovernanceDataState => {
  const [data, setData] = useState<GovernanceData>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await services.load());
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [services]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return useMemo(() => {
    const latest = latestEntries(data?.decisions ?? []);
    return {
      data,
      error,
      loading,
      reload,
      verificationOf: (system: GovRecord) => deriveVerification(system.values, latest.get(system.id)),
      assetsById: new Map((data?.assets ?? []).map((a) => [a.id, a])),
      systemsById: new Map((data?.systems ?? []).map((s) => [s.id, s])),
    };
  }, [data, error, loading, reload]);
};

export const GovernanceDataContext = createContext<GovernanceDataState | undefined>(undefined);

export const useGovernanceData = (): GovernanceDataState => {
  const value = useContext(GovernanceDataContext);
  if (!value) throw new Error('useGovernanceData must be used inside <GovernanceDataContext.Provider>');
  return value;
};
