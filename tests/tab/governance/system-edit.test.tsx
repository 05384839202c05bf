/** @jest-environment jsdom */
// Editing an AI system from the governance views goes through the tab's conflict-aware save: If-Match with the
// system's eTag, only the changed fields, and on a 412 the field-by-field ConflictDialog.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictError } from '../../../src/graph/errors';
import type { RecordValues } from '../../../src/domain/schema/types';
import type { RecordRef } from '../../../src/tab/deep-links';
import type { TabRecord } from '../../../src/tab/services/tab-services';
import { SystemForm } from '../../../src/tab/views/governance/ai-registry/SystemForm';
import { GovernanceDataContext } from '../../../src/tab/views/governance/common/governance-data';
import type { GovernanceDataState } from '../../../src/tab/views/governance/common/governance-data';
import { registerGovernanceStrings } from '../../../src/tab/views/governance/i18n/register';
import type {
  GovernanceServices,
  GovRecord,
} from '../../../src/tab/views/governance/services/governance-services';
import { renderInTab } from '../render';

const values: RecordValues = {
  Title: 'Recruitment screener',
  purpose: 'Ranks job applications.',
  provider: 'Contoso AI',
  deploymentStatus: 'Pilot',
  mission: 'kenya',
  region: 'africa',
  custodian: 'amina.diallo@contoso.org',
  businessOwner: 'lena.fischer@contoso.org',
  aiActRole: 'Deployer',
  riskTier: 'High',
  humanOversight: 'The recruiter reviews every ranking and can discard it.',
  verificationStatus: 'Submitted',
  reviewCycle: 'Quarterly',
  lastReviewed: '2026-01-10',
};
const system: GovRecord = { id: '7', eTag: '"v1"', values };

const WithGovernance = ({ children, reload }: { children: ReactNode; reload: () => Promise<void> }) => {
  registerGovernanceStrings(useTranslation().i18n);
  const state: GovernanceDataState = {
    data: { assets: [], systems: [system], risks: [], decisions: [] },
    loading: false,
    reload,
    verificationOf: () => ({ state: 'submitted' }) as never,
    assetsById: new Map(),
    systemsById: new Map([[system.id, system]]),
  };
  return <GovernanceDataContext.Provider value={state}>{children}</GovernanceDataContext.Provider>;
};

describe('editing an AI system from the governance views', () => {
  it('saves only the changed fields with If-Match, and a 412 opens the field-by-field dialog', async () => {
    const calls: { ref: RecordRef; changes: RecordValues; eTag: string }[] = [];
    const theirs: TabRecord = {
      register: 'aiRegistry',
      record: {
        id: '7',
        eTag: '"v2"',
        modifiedBy: 'lena.fischer@contoso.org',
        values: { ...values, purpose: 'Screens applications (their wording).' },
      },
    };
    const saveRecord = jest.fn(async (ref: RecordRef, changes: RecordValues, eTag: string) => {
      calls.push({ ref, changes, eTag });
      if (calls.length === 1)
        throw new ConflictError<TabRecord>(
          { status: 412, code: 'preconditionFailed', message: 'stale' },
          theirs,
        );
      return {
        register: 'aiRegistry',
        record: { ...theirs.record, eTag: '"v3"', values: { ...theirs.record.values, ...changes } },
      } as TabRecord;
    });
    const update = jest.fn();
    const reload = jest.fn(async () => undefined);
    const onDone = jest.fn();
    await renderInTab(
      <WithGovernance reload={reload}>
        <SystemForm
          services={{ update, me: { email: 'amina.diallo@contoso.org' } } as unknown as GovernanceServices}
          system={system}
          onDone={onDone}
        />
      </WithGovernance>,
      { services: { saveRecord } },
    );
    const purpose = screen.getByRole('textbox', { name: /purpose/i });
    fireEvent.change(purpose, { target: { value: 'Ranks and explains job applications.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    // The governance services' blind update is not used for edits any more.
    expect(update).not.toHaveBeenCalled();
    expect(calls[0]).toEqual({
      ref: { register: 'aiRegistry', id: '7' },
      changes: { purpose: 'Ranks and explains job applications.' },
      eTag: '"v1"',
    });
    const dialog = await screen.findByRole('alertdialog');
    const row = dialog.querySelector('[data-conflict-field="purpose"]') as HTMLElement;
    expect(row.querySelector('[data-side="mine"]')?.textContent).toBe('Ranks and explains job applications.');
    expect(row.querySelector('[data-side="theirs"]')?.textContent).toBe(
      'Screens applications (their wording).',
    );
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save my choices' }));
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    // Written again on the current version, with my choice.
    expect(calls[1]).toEqual({
      ref: { register: 'aiRegistry', id: '7' },
      changes: { purpose: 'Ranks and explains job applications.' },
      eTag: '"v2"',
    });
    expect(reload).toHaveBeenCalled();
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ id: '7', eTag: '"v3"' });
  });
});
