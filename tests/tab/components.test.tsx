/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { recordHealth } from '../../src/domain/health';
import { DATA_INVENTORY } from '../../src/domain/registers';
import type { RecordValues } from '../../src/domain/schema/types';
import { HealthBadge } from '../../src/tab/components/HealthBadge';
import { fieldIssues } from '../../src/tab/records/record-edit';
import { ConflictDialog } from '../../src/tab/views/record/ConflictDialog';
import { RecordForm } from '../../src/tab/views/record/RecordForm';
import { renderInTab } from './render';

const TODAY = '2026-06-30';

const asset: RecordValues = {
  Title: 'Registration database',
  description: 'Who we registered, and why.',
  assetType: 'Database or system',
  mission: 'senegal',
  region: 'africa',
  domain: DATA_INVENTORY.fields.find((f) => f.name === 'domain')?.choices?.[0] ?? null,
  owner: 'owner@contoso.org',
  custodian: 'amina.diallo@contoso.org',
  location: DATA_INVENTORY.fields.find((f) => f.name === 'location')?.choices?.[0] ?? null,
  sensitivity: 'Confidential',
  containsPersonalData: false,
  retention: '7 years',
  reviewCycle: 'Annual',
  lastReviewed: '2026-01-15',
};

describe('HealthBadge', () => {
  it('says Healthy when every check passes', async () => {
    await renderInTab(
      <HealthBadge health={recordHealth(DATA_INVENTORY, asset, { now: TODAY })} register="dataInventory" />,
    );
    expect(screen.getByText('Healthy')).toBeTruthy();
  });

  it('lists why a record is not healthy: missing fields, overdue review, no owner, no classification', async () => {
    const stale = { ...asset, lastReviewed: '2025-05-31', retention: null, owner: null, sensitivity: null };
    const health = recordHealth(DATA_INVENTORY, stale, { now: TODAY });
    await renderInTab(<HealthBadge health={health} register="dataInventory" />);
    const reasons = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Missing 3 fields: /),
        'Review overdue by 30 days',
        'No owner',
        'No classification',
      ]),
    );
  });

  it('speaks French', async () => {
    const health = recordHealth(DATA_INVENTORY, { ...asset, lastReviewed: '2025-06-29' }, { now: TODAY });
    await renderInTab(<HealthBadge health={health} register="dataInventory" />, { locale: 'fr' });
    expect(screen.getByText('Revue en retard de 1 jour')).toBeTruthy();
  });
});

describe('RecordForm', () => {
  const renderForm = async (draft: Record<string, unknown>, locale: 'en' | 'fr' | 'ar' = 'en') => {
    const issues = fieldIssues(DATA_INVENTORY, asset, draft, false);
    return renderInTab(
      <RecordForm
        schema={DATA_INVENTORY}
        original={asset}
        draft={draft}
        issues={issues}
        onChange={() => undefined}
        locale={locale}
        isOfficer={false}
        people={
          new Map([
            ['amina.diallo@contoso.org', { email: 'amina.diallo@contoso.org', displayName: 'Amina Diallo' }],
          ])
        }
        searchPeople={async () => []}
      />,
      { locale },
    );
  };

  it('renders the right control for each field type, with label and help', async () => {
    const { container } = await renderForm({});
    const field = (name: string) => container.querySelector(`[data-field="${name}"]`) as HTMLElement;
    expect(within(field('Title')).getByRole('textbox')).toBeTruthy();
    expect(field('description').querySelector('textarea')).toBeTruthy();
    expect(within(field('assetType')).getByRole('combobox')).toBeTruthy(); // choice -> dropdown
    expect(within(field('containsPersonalData')).getAllByRole('radio')).toHaveLength(2); // boolean -> yes/no
    expect(field('lastReviewed').querySelector('input[type="date"]')).toBeTruthy();
    expect(field('systemUrl').querySelector('input[type="url"]')).toBeTruthy();
    const custodian = within(field('custodian')).getByRole('combobox'); // person -> picker
    expect((custodian as HTMLInputElement).value).toBe('Amina Diallo');
    expect(
      screen.getByText(DATA_INVENTORY.fields.find((f) => f.name === 'retention')?.help.en ?? ''),
    ).toBeTruthy();
    // system fields (set by the app) are not offered
    expect(field('lastReviewedBy')).toBeNull();
  });

  it('shows validation messages from the domain in the user language', async () => {
    await renderForm({ Title: '', containsPersonalData: true }, 'fr');
    // Title cleared by the user: an error, in French, naming the field by its French label.
    const title = document.querySelector('[data-field="Title"]') as HTMLElement;
    expect(title.querySelector('.fui-Field__validationMessage')?.textContent).toMatch(/^Nom de l’actif/);
    // Personal data = yes makes the legal basis required.
    const legal = document.querySelector('[data-field="legalBasis"]') as HTMLElement;
    const label = DATA_INVENTORY.fields.find((f) => f.name === 'legalBasis')?.label.fr ?? '';
    expect(legal.querySelector('.fui-Field__validationMessage')?.textContent).toBe(
      `${label} : ce champ est obligatoire`,
    );
  });

  it('lays Arabic out right to left', async () => {
    const { container } = await renderForm({}, 'ar');
    const provider = container.querySelector('.fui-FluentProvider') as HTMLElement;
    expect(provider.getAttribute('dir')).toBe('rtl');
    expect(screen.getByText(DATA_INVENTORY.fields[0]?.label.ar ?? '')).toBeTruthy();
  });
});

describe('ConflictDialog', () => {
  it('shows what the other person changed, asks only about fields both changed, and applies the choice', async () => {
    const onResolve = jest.fn();
    await renderInTab(
      <ConflictDialog
        open
        schema={DATA_INVENTORY}
        merge={{
          mineOnly: { Title: 'Case files (2026)' },
          theirChanges: [{ field: 'hostingCountry', base: 'Netherlands', theirs: 'Ireland' }],
          agreed: [],
          conflicts: [
            { field: 'retention', base: '7 years', mine: '10 years', theirs: '5 years' },
            { field: 'sensitivity', base: 'Confidential', mine: 'Strictly confidential', theirs: 'Internal' },
          ],
        }}
        theirName="Carlos Mendoza"
        locale="en"
        personName={() => undefined}
        onResolve={onResolve}
        onCancel={() => undefined}
      />,
    );
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText(/Carlos Mendoza saved a newer version/)).toBeTruthy();
    const row = (field: string) => dialog.querySelector(`[data-conflict-field="${field}"]`) as HTMLElement;
    expect(row('retention').querySelector('[data-side="mine"]')?.textContent).toBe('10 years');
    expect(row('retention').querySelector('[data-side="theirs"]')?.textContent).toBe('5 years');
    expect(row('retention').querySelector('[data-side="base"]')?.textContent).toBe('7 years');
    expect(row('sensitivity').querySelector('[data-side="theirs"]')?.textContent).toBe('Internal');
    // The other person's change to a field I left alone is shown as kept, not asked about.
    expect(dialog.querySelector('[data-conflict-field="hostingCountry"]')).toBeNull();
    expect(within(screen.getByTestId('their-changes')).getByText(/Netherlands → Ireland/)).toBeTruthy();
    act(() => {
      fireEvent.click(within(row('sensitivity')).getByLabelText('Keep current'));
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save my choices' }));
    expect(onResolve).toHaveBeenCalledWith({ sensitivity: 'theirs' });
  });
});

describe('ConnectionBanner', () => {
  it('says the service is busy and counts down while the client waits to retry a 429', async () => {
    const { ConnectionBanner } = await import('../../src/tab/components/ConnectionBanner');
    let report: ((n: { status: number; retryAfterSeconds: number; at: number }) => void) | undefined;
    const services = {
      onRetry: (listener: typeof report) => {
        report = listener;
        return () => undefined;
      },
    };
    await renderInTab(<ConnectionBanner services={services as never} />);
    expect(screen.getByTestId('connection-banner').textContent).toBe('');
    act(() => report?.({ status: 429, retryAfterSeconds: 3, at: Date.now() }));
    expect(screen.getByTestId('connection-banner').textContent).toBe(
      'The service is busy. Retrying automatically in 3 seconds…',
    );
  });

  it('says so when the browser goes offline', async () => {
    const { ConnectionBanner } = await import('../../src/tab/components/ConnectionBanner');
    await renderInTab(<ConnectionBanner services={{ onRetry: () => () => undefined } as never} />, {
      locale: 'es',
    });
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByTestId('connection-banner').textContent).toMatch(/No tiene conexión/);
  });
});
