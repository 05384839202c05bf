/** @jest-environment jsdom */
// Lookup fields (the AI registry's data assets, the risk register's related asset/system): chosen by title,
// shown by title, stored as item ids.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AI_REGISTRY, RISK_REGISTER } from '../../src/domain/registers';
import type { RegisterId, RecordValues } from '../../src/domain/schema/types';
import { valueText } from '../../src/tab/records/value-text';
import { fieldIssues } from '../../src/tab/records/record-edit';
import type { RecordOption } from '../../src/tab/services/tab-services';
import { RecordForm } from '../../src/tab/views/record/RecordForm';
import { renderInTab } from './render';

const ITEMS: Record<RegisterId, readonly RecordOption[]> = {
  dataInventory: [
    { id: '33', title: 'Registration database' },
    { id: '41', title: 'Beneficiary list' },
    { id: '42', title: 'Beneficiary feedback' },
  ],
  aiRegistry: [{ id: '7', title: 'Translation assistant' }],
  riskRegister: [],
};
const titleOf = (register: RegisterId, id: string) => ITEMS[register].find((i) => i.id === id)?.title;

/** Types like a user (a key opens the list), then lets the debounced search answer. */
const type = async (input: HTMLElement, text: string): Promise<void> => {
  act(() => {
    fireEvent.keyDown(input, { key: text.slice(-1) });
    fireEvent.change(input, { target: { value: text } });
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
};

const setup = async (
  schema: typeof AI_REGISTRY,
  original: RecordValues,
  locale: 'en' | 'fr' | 'ar' = 'en',
) => {
  const searchRecords = jest.fn(async (register: RegisterId, query: string) =>
    ITEMS[register].filter((i) => i.title.toLowerCase().startsWith(query.toLowerCase())),
  );
  const onChange = jest.fn();
  const view = await renderInTab(
    <RecordForm
      schema={schema}
      original={original}
      draft={{}}
      issues={fieldIssues(schema, original, {}, false)}
      onChange={onChange}
      locale={locale}
      isOfficer={false}
      people={new Map()}
      searchPeople={async () => []}
      searchRecords={searchRecords}
      recordTitle={titleOf}
    />,
    { locale },
  );
  const field = (name: string) => view.container.querySelector(`[data-field="${name}"]`) as HTMLElement;
  return { searchRecords, onChange, field };
};

describe('LookupPicker in the record form', () => {
  it('shows the chosen data assets by title, searches the data inventory by title and writes ids', async () => {
    const { searchRecords, onChange, field } = await setup(AI_REGISTRY, {
      Title: 'Chatbot',
      dataAssets: ['33'],
    });
    const assets = field('dataAssets');
    // The chosen item is a tag with its title, not "33".
    expect(within(assets).getByText('Registration database')).toBeTruthy();
    expect(within(assets).queryByText('33')).toBeNull();
    expect(within(assets).getByRole('button', { name: /Remove Registration database/ })).toBeTruthy();

    const input = within(assets).getByRole('combobox');
    expect(input.getAttribute('placeholder')).toBe('Search Data inventory by title');
    // The field's label names the combobox for screen readers.
    expect(screen.getByRole('combobox', { name: /Data assets used/ })).toBe(input);

    await type(input, 'Bene');
    await waitFor(() =>
      expect(searchRecords).toHaveBeenCalledWith('dataInventory', 'Bene', expect.anything()),
    );
    // A multiple choice list is a menu of checkable items in Fluent.
    const option = await screen.findByRole('menuitemcheckbox', { name: 'Beneficiary list' });
    expect(screen.getByRole('menuitemcheckbox', { name: 'Beneficiary feedback' })).toBeTruthy();
    act(() => {
      fireEvent.click(option);
    });
    // Ids are written, the existing one kept.
    expect(onChange).toHaveBeenLastCalledWith('dataAssets', ['33', '41']);
  });

  it('removes a chosen item by its tag', async () => {
    const { onChange, field } = await setup(AI_REGISTRY, { Title: 'Chatbot', dataAssets: ['33', '41'] });
    // A dismissible tag is one button: clicking it (or Delete/Backspace on it) removes the item.
    act(() => {
      fireEvent.click(within(field('dataAssets')).getByRole('button', { name: /Remove Beneficiary list/ }));
    });
    expect(onChange).toHaveBeenLastCalledWith('dataAssets', ['33']);
  });

  it('says when nothing matches', async () => {
    const { field } = await setup(AI_REGISTRY, { Title: 'Chatbot' });
    await type(within(field('dataAssets')).getByRole('combobox'), 'zzz');
    expect(await screen.findByText('No item matches.')).toBeTruthy();
  });

  it('single lookups (risk → AI system) show the title in the box and write one id', async () => {
    const { searchRecords, onChange, field } = await setup(
      RISK_REGISTER,
      { Title: 'Bias', source: 'Data asset', relatedAsset: '33' },
      'fr',
    );
    expect((within(field('relatedAsset')).getByRole('combobox') as HTMLInputElement).value).toBe(
      'Registration database',
    );
    const system = within(field('relatedSystem')).getByRole('combobox');
    expect(system.getAttribute('placeholder')).toBe('Rechercher dans « Registre de l’IA » par titre');
    await type(system, 'tra');
    await waitFor(() => expect(searchRecords).toHaveBeenCalledWith('aiRegistry', 'tra', expect.anything()));
    act(() => {
      fireEvent.click(screen.getByRole('option', { name: 'Translation assistant' }));
    });
    expect(onChange).toHaveBeenLastCalledWith('relatedSystem', '7');
  });

  it('an id whose title is unknown (deleted or hidden item) still shows, as its id', async () => {
    const { field } = await setup(AI_REGISTRY, { Title: 'Chatbot', dataAssets: ['999'] });
    expect(within(field('dataAssets')).getByText('999')).toBeTruthy();
  });
});

describe('valueText for lookups (history, conflict dialog)', () => {
  const dataAssets = AI_REGISTRY.fields.find((f) => f.name === 'dataAssets');
  const options = { locale: 'en' as const, yes: 'Yes', no: 'No', empty: '—', recordTitle: titleOf };
  it('shows titles, and the id when the title is unknown', () => {
    expect(valueText(dataAssets, ['33', '41'], options)).toBe('Registration database, Beneficiary list');
    expect(valueText(dataAssets, ['999'], options)).toBe('999');
    expect(valueText(dataAssets, ['33'], { ...options, recordTitle: undefined })).toBe('33');
  });
});
