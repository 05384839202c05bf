// The task pane's state and actions (no JSX): sign-in, pickers, pull/push/refresh with progress, per-row results and
// conflicts. The sync engine does the work; this hook only sequences it and keeps what the view shows.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../domain/schema/types';
import type { ActorSource } from '../../client/actor';
import type { AuthProvider, SignedInUser } from '../../client/auth';
import type { DemoPersona } from '../../client/runtime-config';
import type { WorkbookPort } from '../excel/workbook-port';
import type { AddinServices, AddinRegisterId } from '../services/addin-services';
import { ADDIN_REGISTERS } from '../services/addin-services';
import { createSyncEngine } from '../sync/engine';
import { classifyFailure, NoMissionError, type Failure } from './failure';
import { parseSnapshot, snapshotStateName } from '../sync/snapshot';
import type { Conflict, Progress, PushReport, RefreshReport, SyncEngine } from '../sync/engine';

export type Busy = 'pull' | 'push' | 'refresh' | 'resolve' | 'addRows' | 'signIn' | undefined;

export type Notice =
  | { kind: 'pulled'; count: number }
  | { kind: 'pushed'; report: PushReport }
  | { kind: 'refreshed'; report: RefreshReport }
  | { kind: 'nothing' }
  | { kind: 'error'; failure: Failure }
  | { kind: 'applied' }
  | { kind: 'confirmPull'; count: number };

export interface TaskPaneProps {
  readonly workbook: WorkbookPort;
  readonly auth: AuthProvider;
  readonly services: (auth: AuthProvider) => AddinServices;
  readonly personas: readonly DemoPersona[];
  readonly locale: Locale;
  readonly onLocaleChange: (locale: Locale) => void;
  /**
   * Mission to start with. @defaultvalue chosen once the person's roles are read: the mission the workbook was
   * pulled for, else the focal point's first mission, else none (the person picks one; nothing can be pulled before)
   */
  readonly initialMission?: string;
}

export const useTaskPane = (props: TaskPaneProps) => {
  const { workbook, auth, locale } = props;
  const [user, setUser] = useState<SignedInUser | undefined>();
  const [ready, setReady] = useState(false);
  // No mission until the roles say which: pulling a default mission right after sign-in would pull someone else's.
  const [mission, setMission] = useState<string | undefined>(props.initialMission);
  const [register, setRegister] = useState<AddinRegisterId>('dataInventory');
  const [busy, setBusy] = useState<Busy>();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [report, setReport] = useState<PushReport | undefined>();
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  const [pending, setPending] = useState<number | undefined>();
  const servicesRef = useRef<AddinServices | undefined>(undefined);

  useEffect(() => {
    void auth.restore().then((u) => {
      setUser(u);
      setReady(true);
    });
  }, [auth]);

  const services = useCallback((): AddinServices => {
    servicesRef.current ??= props.services(auth);
    return servicesRef.current;
  }, [auth, props]);

  // The person's roles, read once per sign-in from GovernanceRoles with their own token (both modes alike) and
  // checked per row by the push: custodianship follows each row's record, missions the focal point's assignments.
  const rolesRef = useRef<{ upn: string; source: Promise<ActorSource> } | undefined>(undefined);
  const roles = useCallback((): Promise<ActorSource> => {
    if (!user) return Promise.reject(new Error('Sign in first'));
    if (rolesRef.current?.upn !== user.upn) {
      const source = services().roles(user);
      source.catch(() => {
        if (rolesRef.current?.source === source) rolesRef.current = undefined;
      });
      rolesRef.current = { upn: user.upn, source };
    }
    return rolesRef.current.source;
  }, [user, services]);

  // What the workbook holds for the register: the mission and the language it was pulled in. The sheet's headers and
  // choice cells are in that language, so what push, refresh and resolve write back (saved rows, their notes) stays
  // in it after the pane switched to another one; only a new pull rewrites the sheet in the pane's language.
  const [pulledIn, setPulledIn] = useState<Partial<Record<AddinRegisterId, Locale>>>({});
  const pulledSnapshot = useCallback(
    () =>
      workbook
        .loadState(snapshotStateName(ADDIN_REGISTERS[register].id))
        .then((text) => parseSnapshot(text))
        .catch(() => undefined),
    [workbook, register],
  );
  useEffect(() => {
    if (!user) return;
    let current = true;
    void pulledSnapshot().then((snapshot) => {
      if (current) setPulledIn((known) => ({ ...known, [register]: snapshot?.locale }));
    });
    return () => {
      current = false;
    };
  }, [user, register, pulledSnapshot]);

  // Once per sign-in (the picker is the person's afterwards): the mission this workbook was pulled for, so Push and
  // Refresh work on a reopened workbook, else the focal point's first mission.
  const missionSetFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!user || props.initialMission || missionSetFor.current === user.upn) return;
    missionSetFor.current = user.upn;
    void Promise.all([roles(), pulledSnapshot()])
      .then(([source, snapshot]) => {
        const chosen = snapshot?.mission ?? source.actor().missions[0];
        if (chosen && missionSetFor.current === user.upn) setMission((current) => current ?? chosen);
      })
      .catch(() => undefined);
  }, [user, roles, props.initialMission, pulledSnapshot]);

  /** The engine for a pull (in the pane's language) or for working on the pulled sheet (in the sheet's). */
  const engine = useCallback(
    async (purpose: 'pull' | 'sheet' = 'sheet'): Promise<SyncEngine> => {
      if (!mission) throw new NoMissionError();
      const addin = services();
      const [gateway, source] = await Promise.all([addin.gateway(register), roles()]);
      const lookups = addin.lookups?.bind(addin);
      return createSyncEngine({
        workbook,
        gateway,
        schema: ADDIN_REGISTERS[register],
        mission,
        locale: purpose === 'pull' ? locale : (pulledIn[register] ?? locale),
        actor: (record) => source.actor([record]),
        ...(lookups ? { lookups } : {}),
      });
    },
    [services, roles, register, workbook, mission, locale, pulledIn],
  );

  const refreshPending = useCallback(async () => {
    if (!mission) {
      setPending(undefined);
      return;
    }
    try {
      const e = await engine();
      setPending(await e.pendingIfPulled());
    } catch {
      setPending(undefined);
    }
  }, [engine, mission]);

  useEffect(() => {
    if (user) void refreshPending();
  }, [user, refreshPending]);

  // Keep "N rows to push" current while the person edits.
  useEffect(() => {
    if (!user || !mission) return;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    void engine()
      .then((e) =>
        workbook.onEdited(e.tableName, () => {
          clearTimeout(timer);
          timer = setTimeout(() => void refreshPending(), 300);
        }),
      )
      .then((unsubscribe) => {
        if (cancelled) void unsubscribe();
        else stop = unsubscribe;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void stop?.();
    };
  }, [user, mission, engine, workbook, refreshPending, notice]);

  const run = useCallback(
    async (kind: Exclude<Busy, undefined>, action: () => Promise<void>) => {
      setBusy(kind);
      setNotice(undefined);
      setProgress(undefined);
      try {
        await action();
      } catch (error) {
        setNotice({ kind: 'error', failure: classifyFailure(error) });
      } finally {
        setBusy(undefined);
        setProgress(undefined);
        void refreshPending();
      }
    },
    [refreshPending],
  );

  const actions = useMemo(
    () => ({
      signIn: (upn?: string) =>
        run('signIn', async () => {
          const u = await auth.signIn(upn);
          servicesRef.current = undefined;
          rolesRef.current = undefined;
          setMission(props.initialMission);
          setUser(u);
        }),
      signOut: async () => {
        await auth.signOut();
        servicesRef.current = undefined;
        rolesRef.current = undefined;
        missionSetFor.current = undefined;
        setMission(props.initialMission);
        setUser(undefined);
        setReport(undefined);
        setConflicts([]);
      },
      /** A pull replaces the sheet: with unsaved changes in it, the person confirms first (nothing lost unawares). */
      pull: (confirmed = false) => {
        if (!confirmed && pending !== undefined && pending > 0) {
          setNotice({ kind: 'confirmPull', count: pending });
          return Promise.resolve();
        }
        return run('pull', async () => {
          const e = await engine('pull');
          const { rows } = await e.pull(setProgress);
          setPulledIn((known) => ({ ...known, [register]: locale }));
          setReport(undefined);
          setConflicts([]);
          setNotice({ kind: 'pulled', count: rows });
        });
      },
      dismissNotice: () => setNotice(undefined),
      push: () =>
        run('push', async () => {
          const e = await engine();
          const result = await e.push(setProgress);
          setReport(result);
          setConflicts(result.conflicts);
          setNotice(result.rows.length === 0 ? { kind: 'nothing' } : { kind: 'pushed', report: result });
        }),
      refresh: () =>
        run('refresh', async () => {
          const e = await engine();
          setNotice({ kind: 'refreshed', report: await e.refresh(setProgress) });
        }),
      addRows: () =>
        run('addRows', async () => {
          await (await engine()).addRows(5);
        }),
      resolve: (conflict: Conflict, choice: Parameters<SyncEngine['resolve']>[1]) =>
        run('resolve', async () => {
          const result = await (await engine()).resolve(conflict, choice);
          setConflicts((list) => list.filter((c) => c.id !== conflict.id));
          if (result) {
            setReport((previous) => ({
              ...result,
              rows: [...(previous?.rows ?? []).filter((r) => r.id !== conflict.id), ...result.rows],
            }));
            setConflicts((list) => [...list, ...result.conflicts]);
            setNotice({ kind: 'pushed', report: result });
          } else setNotice({ kind: 'applied' });
        }),
      select: async (row: number, col = 1) => {
        const e = await engine();
        await workbook.selectCell(e.tableName, { row, col });
      },
    }),
    [run, auth, engine, workbook, props.initialMission, register, locale, pending],
  );

  return {
    ready,
    user,
    mission,
    setMission,
    register,
    setRegister,
    busy,
    progress,
    notice,
    report,
    conflicts,
    pending,
    actions,
  };
};

export type TaskPaneState = ReturnType<typeof useTaskPane>;
