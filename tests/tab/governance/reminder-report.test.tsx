/**
 * @jest-environment jsdom
 */
// The scorecard's reminder report: per run and mission, from the bot's ReminderOutcomes items.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReminderOutcome } from '../../../src/domain/governance';
import { ReminderReport } from '../../../src/tab/views/governance/scorecard/ReminderReport';
import { renderGov } from './render';

const o = (extra: Partial<ReminderOutcome> & Pick<ReminderOutcome, 'recipient'>): ReminderOutcome => ({
  runId: 'remind-2025-06-02',
  runDate: '2025-06-02',
  mission: 'senegal',
  status: 'sent',
  records: 2,
  escalated: false,
  ...extra,
});

const OUTCOMES: ReminderOutcome[] = [
  o({ recipient: 'amina@contoso.org', status: 'acted', actedAt: '2025-06-02T15:00:00Z' }),
  o({ recipient: 'fatou@contoso.org', status: 'escalated', escalated: true }),
  o({ recipient: 'moussa@contoso.org', status: 'failed', failureReason: 'HTTP 403 <b>Forbidden</b>' }),
  o({ recipient: 'john@contoso.org', mission: 'kenya' }),
  o({ recipient: 'amina@contoso.org', runId: 'remind-2025-06-09', runDate: '2025-06-09' }),
];
const missionLabel = (m: string) => ({ senegal: 'Senegal', kenya: 'Kenya' })[m] ?? m;
const resolvePeople = async () => new Map([['amina@contoso.org', 'Amina Diallo']]);

test('groups per run and mission: who was reminded, acted, escalated, and what failed with the reason', async () => {
  await renderGov(
    <ReminderReport
      outcomes={OUTCOMES}
      locale="en"
      missionLabel={missionLabel}
      resolvePeople={resolvePeople}
    />,
  );
  const rows = await screen.findAllByTestId('reminder-row');
  expect(rows).toHaveLength(3);
  // Newest run first.
  expect(rows[0]?.textContent).toContain('Senegal');
  const senegal = rows.find((r) => r.textContent?.includes('Senegal') && r.textContent.includes('fatou'))!;
  await waitFor(() => expect(senegal?.textContent).toContain('Amina Diallo'));
  const cells = within(senegal).getAllByRole('cell');
  expect(cells[2]?.textContent).toContain('2');
  expect(cells[3]?.textContent).toContain('1');
  expect(cells[3]?.textContent).toContain('Amina Diallo');
  expect(cells[4]?.textContent).toContain('fatou@contoso.org');
  // The reason is shown as text, never as markup.
  expect(cells[5]?.textContent).toContain('moussa@contoso.org (HTTP 403 <b>Forbidden</b>)');
  expect(senegal.querySelector('b')).toBeNull();
});

test('filters one run and exports the table as CSV', async () => {
  const blobs: Blob[] = [];
  const createObjectURL = jest.fn((b: Blob) => {
    blobs.push(b);
    return 'blob:report';
  });
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  await renderGov(<ReminderReport outcomes={OUTCOMES} locale="en" missionLabel={missionLabel} />);
  fireEvent.click(screen.getByRole('combobox'));
  const options = await screen.findAllByRole('option');
  fireEvent.click(options[2]!); // 2 June (the older run)
  await waitFor(() => expect(screen.getAllByTestId('reminder-row')).toHaveLength(2));
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  expect(createObjectURL).toHaveBeenCalled();
  const csv = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blobs[0]!);
  });
  expect(csv).toContain('Failed to deliver (n)');
  expect(csv).toContain('moussa@contoso.org (HTTP 403 <b>Forbidden</b>)');
  expect(csv).toContain('2025-06-02,Senegal,2,');
  expect(csv).not.toContain('2025-06-09');
});

test.each([
  ['fr', 'Rapport des rappels', 'Non remis'],
  ['es', 'Informe de recordatorios', 'No entregados'],
  ['ar', 'تقرير التذكيرات', 'لم يُسلَّم'],
] as const)('in %s', async (locale, title, failed) => {
  await renderGov(<ReminderReport outcomes={OUTCOMES} locale={locale} missionLabel={missionLabel} />, locale);
  expect(screen.getByRole('heading', { name: title })).toBeTruthy();
  expect(screen.getByRole('columnheader', { name: failed })).toBeTruthy();
});

test('empty states: no list yet, and no run yet', async () => {
  const { unmount } = await renderGov(
    <ReminderReport outcomes={undefined} locale="en" missionLabel={missionLabel} />,
  );
  expect(screen.getByTestId('reminders-empty')?.textContent).toContain(
    'ReminderOutcomes list does not exist',
  );
  unmount();
  await renderGov(<ReminderReport outcomes={[]} locale="en" missionLabel={missionLabel} />);
  expect(screen.getByTestId('reminders-empty')?.textContent).toContain(
    'No reminder run has been reported yet.',
  );
});
