// Chooses one or several people from the directory (GET /users through src/graph). The value is the
// person's e-mail, as the domain stores it.
import { useTranslation } from 'react-i18next';
import type { Person } from '../../services/tab-services';
import { SearchPicker, selectedKeys, type PickerFieldProps } from './SearchPicker';
import { usePersonPicker } from './usePersonPicker';

export interface PersonPickerProps extends PickerFieldProps {
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly Person[]>;
  /** Names of people already known (the record's people). */
  readonly known: ReadonlyMap<string, Person>;
}

export const PersonPicker = ({ value, search, known, ...field }: PersonPickerProps) => {
  const { t } = useTranslation();
  const selected = selectedKeys(value);
  const picker = usePersonPicker({ value: selected, known, search });
  return (
    <SearchPicker
      {...field}
      selected={selected}
      picker={{
        query: picker.query,
        setQuery: picker.setQuery,
        searching: picker.searching,
        hasResults: picker.results.length > 0,
        labelOf: picker.nameOf,
        options: picker.options.map((person) => ({
          key: person.email,
          text: person.displayName,
          label: person.jobTitle ? `${person.displayName} — ${person.jobTitle}` : person.displayName,
        })),
      }}
      placeholder={t('form.searchPeople')}
      chosenLabel={t('form.searchPeople')}
      noMatch={t('form.noPeople')}
    />
  );
};
