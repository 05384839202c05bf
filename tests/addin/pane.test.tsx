/** @jest-environment jsdom */
// The task pane over a MemoryWorkbook and an in-memory register: the mission is chosen only once the person's roles
// are read (never a default mission pulled right after sign-in), Push and Refresh follow the pulled snapshot, the
// sign-in buttons show names (not raw ids), and a refresh after an expired delta token says it read everything again.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ActorSource } from '../../src/client/actor';
import type { AuthProvider, SignedInUser } from '../../src/client/auth';
import type { DemoPersona } from '../../src/client/runtime-config';
import type { RoleAssignment } from '../../src/domain/roles';
import type { DomainRecord } from '../../src/domain/schema/types';
import type { BatchOperation, DeltaResult } from '../../src/graph/register-repository';
import { AddinRoot } from '../../src/addin/AddinRoot';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { ExcelApiError } from '../../src/addin/excel/workbook-port';
import { createAddinI18n } from '../../src/addin/i18n';
import type { AddinServices } from '../../src/addin/services/addin-services';
import type { RegisterGateway } from '../../src/addin/sync/engine';
import { TaskPane } from '../../src/addin/taskpane/TaskPane';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (!('ResizeObserver' in window)) {
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });
}

// Not from harness.ts: that starts localgraph's Node modules, which jsdom cannot load.
const FOCAL = 'fatou.ndiaye@contoso.org';
const USER: SignedInUser = { upn: FOCAL, displayName: 'Fatou Ndiaye' };

const record = (id: string, mission: string): DomainRecord => ({
  id,
  eTag: `"${id}.1"`,
  values: {
    Title: `Asset ${id} of ${mission}`,
    description: 'Registration of arrivals at transit centres.',
    assetType: 'Database or system',
    mission,
    region: 'africa',
    domain: 'Beneficiary and case management',
    owner: 'omar.haddad@contoso.org',
    custodian: FOCAL,
    location: 'Cloud service',
    sensitivity: 'Confidential',
    containsPersonalData: false,
    retention: '7 years after case closure',
    reviewCycle: 'Semi-annual',
    lastReviewed: '2025-01-15',
  },
});

/** A promise the test settles when it wants. */
const deferred = <T,>() => {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

const setup = async (options: { signedIn: boolean; personas?: DemoPersona[] }) => {
  const workbook = new MemoryWorkbook();
  const records = [record('1', 'kenya'), record('2', 'senegal'), record('3', 'senegal')];
  const deltas: (string | undefined)[] = [];
  let expired = false;
  const sent: BatchOperation[] = [];
  const gateway: RegisterGateway = {
    list: async () => [],
    applyBatch: async (operations) => {
      sent.push(...operations);
      return operations.map((op) => {
        const before = records.find((r) => op.kind !== 'create' && r.id === op.id);
        const values = { ...before?.values, ...(op.kind === 'update' ? op.changes : {}) };
        const id = before?.id ?? '99';
        return {
          key: op.key,
          status: 'saved',
          id,
          eTag: `"${id}.2"`,
          record: { id, eTag: `"${id}.2"`, values },
        };
      });
    },
    delta: async (link?: string): Promise<DeltaResult> => {
      deltas.push(link);
      // After an expiry the repository answers with a full re-read flagged `resynced` (src/graph list-items).
      const resynced = link !== undefined && expired;
      return { changed: link && !resynced ? [] : records, deleted: [], deltaLink: 'next', resynced };
    },
  };
  const roles = deferred<ActorSource>();
  const assignments: RoleAssignment[] = [
    { email: FOCAL, role: 'focalPoint', missions: ['senegal'], active: true },
  ];
  const source: ActorSource = {
    email: FOCAL,
    assignments,
    actor: () => ({ email: FOCAL, roles: ['focalPoint'], missions: ['senegal'] }),
  };
  const services: AddinServices = { gateway: async () => gateway, roles: () => roles.promise };
  const auth: AuthProvider = {
    mode: 'local',
    restore: async () => (options.signedIn ? USER : undefined),
    signIn: async () => USER,
    getToken: async () => 'token',
    getApiToken: async () => 'token',
    signOut: async () => undefined,
  };
  const i18n = await createAddinI18n('en');
  render(
    <AddinRoot i18n={i18n} locale="en">
      {(locale, setLocale) => (
        <TaskPane
          workbook={workbook}
          auth={auth}
          services={() => services}
          personas={options.personas ?? []}
          locale={locale}
          onLocaleChange={setLocale}
        />
      )}
    </AddinRoot>,
  );
  return {
    workbook,
    deltas,
    sent,
    expire: () => (expired = true),
    rolesLoaded: () => act(async () => roles.resolve(source)),
  };
};

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('task pane', () => {
  it('chooses the mission only after the roles are read: nothing can be pulled before, then the focal point’s own', async () => {
    const pane = await setup({ signedIn: true });
    await screen.findByTestId('taskpane');
    // Roles not read yet: no mission, Pull disabled (a default mission would pull someone else's records).
    expect(button('Pull').disabled).toBe(true);
    expect(screen.getByText('Choose your mission to start.')).toBeTruthy();
    await pane.rolesLoaded();
    await waitFor(() => expect(button('Pull').disabled).toBe(false));
    expect(screen.getAllByText('Senegal').length).toBeGreaterThan(0);
    expect(button('Push').disabled).toBe(true);
    fireEvent.click(button('Pull'));
    await screen.findByText('Pulled 2 records.');
    expect(pane.workbook.view()[0]?.rows.map((r) => r.values[1])).toEqual([
      'Asset 2 of senegal',
      'Asset 3 of senegal',
    ]);
    // The snapshot is the mission's: Push and Refresh are enabled.
    await waitFor(() => expect(button('Push').disabled).toBe(false));
    expect(button('Refresh').disabled).toBe(false);
    // The pane re-subscribes to edits after every notice: the old handler goes each time, none pile up.
    for (let i = 0; i < 3; i++) {
      fireEvent.click(button('Refresh'));
      await screen.findByTestId('refresh-summary');
      await waitFor(() => expect(button('Refresh').disabled).toBe(false));
    }
    await waitFor(() => expect(pane.workbook.listenerCount('GH_DataInventory')).toBe(1));
  });

  it('after a language switch, the sheet pulled in English pushes and stays in English', async () => {
    const pane = await setup({ signedIn: true });
    await pane.rolesLoaded();
    await waitFor(() => expect(button('Pull').disabled).toBe(false));
    fireEvent.click(button('Pull'));
    await screen.findByText('Pulled 2 records.');
    const view = pane.workbook.view()[0]!;
    const retention = view.columns.findIndex((c) => c.header.startsWith('Retention period'));
    expect(pane.workbook.enter(view.tableName, 0, retention, 'Edited in English').ok).toBe(true);
    fireEvent.click(screen.getByRole('combobox', { name: 'Language' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Français' }));
    await screen.findByText('1 ligne à envoyer.');
    expect(button('Envoyer').disabled).toBe(false);
    fireEvent.click(button('Envoyer'));
    await screen.findByTestId('push-summary');
    expect(pane.sent).toEqual([
      expect.objectContaining({ kind: 'update', id: '2', changes: { retention: 'Edited in English' } }),
    ]);
    // The saved row is rewritten in the sheet's language, not the pane's: no row half in French.
    const sensitivity = view.columns.findIndex((c) => c.header.startsWith('Sensitivity'));
    expect(pane.workbook.view()[0]?.rows[0]?.values[sensitivity]).toBe('Confidential');
  });

  it('a pull over unsaved changes asks first: cancel keeps them, "pull anyway" replaces them', async () => {
    const pane = await setup({ signedIn: true });
    await pane.rolesLoaded();
    await waitFor(() => expect(button('Pull').disabled).toBe(false));
    fireEvent.click(button('Pull'));
    await screen.findByText('Pulled 2 records.');
    const view = pane.workbook.view()[0]!;
    const retention = view.columns.findIndex((c) => c.header.startsWith('Retention period'));
    pane.workbook.enter(view.tableName, 0, retention, 'Mine');
    await screen.findByText('1 row to push.');
    const cell = () => pane.workbook.view()[0]?.rows[0]?.values[retention];
    fireEvent.click(button('Pull'));
    expect((await screen.findByTestId('confirm-pull')).textContent).toMatch(
      /Your 1 unsaved change will be replaced/,
    );
    fireEvent.click(button('Cancel'));
    await waitFor(() => expect(screen.queryByTestId('confirm-pull')).toBeNull());
    expect(cell()).toBe('Mine');
    fireEvent.click(button('Pull'));
    fireEvent.click(await screen.findByRole('button', { name: 'Pull anyway' }));
    await screen.findByText('Pulled 2 records.');
    expect(cell()).toBe('7 years after case closure');
  });

  it('a refresh after the delta token expired says everything was read again, in the person’s language', async () => {
    const pane = await setup({ signedIn: true });
    await pane.rolesLoaded();
    await waitFor(() => expect(button('Pull').disabled).toBe(false));
    fireEvent.click(button('Pull'));
    await screen.findByText('Pulled 2 records.');
    await waitFor(() => expect(button('Refresh').disabled).toBe(false));
    pane.expire();
    fireEvent.click(button('Refresh'));
    const summary = await screen.findByTestId('refresh-summary');
    expect(summary.textContent).toMatch(/everything was read again\. Your unsaved edits are kept\./);
    expect(pane.deltas).toEqual([undefined, 'next']);
  });

  it('an Excel refusal is explained in the person’s language (Excel busy with a cell being edited)', async () => {
    const pane = await setup({ signedIn: true });
    await pane.rolesLoaded();
    await waitFor(() => expect(button('Pull').disabled).toBe(false));
    pane.workbook.createTable = async () => {
      throw new ExcelApiError(
        'InvalidOperationInCellEditMode',
        'The operation is not allowed in cell edit mode.',
      );
    };
    fireEvent.click(button('Pull'));
    expect((await screen.findByTestId('error')).textContent).toBe(
      'Excel is waiting for you to finish typing in a cell. Press Enter or Esc, then try again.',
    );
  });

  it('sign-in buttons show the person, their role and mission by name', async () => {
    await setup({
      signedIn: false,
      personas: [{ upn: FOCAL, displayName: 'Fatou Ndiaye', role: 'focalPoint', mission: 'colombia' }],
    });
    expect((await screen.findByRole('button', { name: /Fatou Ndiaye/ })).textContent).toBe(
      'Fatou Ndiaye · Mission focal point · Colombia',
    );
  });
});
