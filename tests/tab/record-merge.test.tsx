/** @jest-environment jsdom */
// The record page after a 412: a three-way merge. Fields only the other person changed are kept and named,
// fields only I changed are written without a question, and "Try again" after a failed save retries the save.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { DATA_INVENTORY } from '../../src/domain/registers';
import type { RecordValues } from '../../src/domain/schema/types';
import { ConflictError, GraphError } from '../../src/graph/errors';
import type { RecordRef } from '../../src/tab/deep-links';
import type { TabRecord } from '../../src/tab/services/tab-services';
import { RecordPage } from '../../src/tab/views/record/RecordPage';
import { renderInTab } from './render';

const choice = (name: string): string | null =>
  DATA_INVENTORY.fields.find((f) => f.name === name)?.choices?.[0] ?? null;
const base: RecordValues = {
  Title: 'Case files',
  description: 'Case management records.',
  assetType: choice('assetType'),
  mission: 'kenya',
  region: 'africa',
  domain: choice('domain'),
  location: choice('location'),
  owner: 'amina.diallo@contoso.org',
  custodian: 'amina.diallo@contoso.org',
  containsPersonalData: false,
  retention: '5 years',
  hostingCountry: 'Netherlands',
  sensitivity: 'Internal',
  reviewCycle: 'Annual',
  lastReviewed: '2026-01-01',
};
const loaded: TabRecord = { register: 'dataInventory', record: { id: '4', eTag: '"v1"', values: base } };
const theirs: TabRecord = {
  register: 'dataInventory',
  record: {
    id: '4',
    eTag: '"v2"',
    modifiedBy: 'carlos.mendoza@contoso.org',
    values: { ...base, retention: '7 years' },
  },
};

const setup = async (
  saveRecord: (ref: RecordRef, changes: RecordValues, eTag: string) => Promise<TabRecord>,
) =>
  renderInTab(<RecordPage recordRef={{ register: 'dataInventory', id: '4' }} view="edit" />, {
    services: {
      getRecord: async () => loaded,
      saveRecord,
      resolvePeople: async () =>
        new Map([
          [
            'carlos.mendoza@contoso.org',
            { email: 'carlos.mendoza@contoso.org', displayName: 'Carlos Mendoza' },
          ],
        ]),
    },
  });

const editHostingCountry = async () => {
  const input = (await screen.findByText(/Hosting country/i))
    .closest('[data-field]')
    ?.querySelector('input') as HTMLInputElement;
  fireEvent.change(input, { target: { value: 'Ireland' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('save'));
  });
};

describe('record page: three-way merge after a 412', () => {
  it('A changed Retention, B changed Hosting country: B saves without a dialog and is told about Retention', async () => {
    const calls: { changes: RecordValues; eTag: string }[] = [];
    await setup(async (_ref, changes, eTag) => {
      calls.push({ changes, eTag });
      if (eTag === '"v1"')
        throw new ConflictError<TabRecord>(
          { status: 412, code: 'preconditionFailed', message: 'stale' },
          theirs,
        );
      return {
        ...theirs,
        record: { ...theirs.record, eTag: '"v3"', values: { ...theirs.record.values, ...changes } },
      };
    });
    await editHostingCountry();
    await screen.findByTestId('merged-notice');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.eTag).toBe('"v2"');
    expect(calls[1]?.changes.hostingCountry).toBe('Ireland');
    // Their Retention is not written back over.
    expect('retention' in (calls[1]?.changes ?? {})).toBe(false);
    expect(screen.getByTestId('merged-notice').textContent).toMatch(
      /Carlos Mendoza had also changed Retention/,
    );
  });

  it('"Try again" after a failed save repeats the save (not a reload)', async () => {
    const calls: RecordValues[] = [];
    await setup(async (_ref, changes) => {
      calls.push(changes);
      if (calls.length === 1)
        throw new GraphError({ status: 503, code: 'serviceNotAvailable', message: 'down' });
      return { ...loaded, record: { ...loaded.record, eTag: '"v2"', values: { ...base, ...changes } } };
    });
    await editHostingCountry();
    const retry = await screen.findByRole('button', { name: 'Try again' });
    await act(async () => {
      fireEvent.click(retry);
    });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.hostingCountry).toBe('Ireland');
    await screen.findByText('Saved.');
  });
});
