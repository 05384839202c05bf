// Chooses one or several items of another register (a lookup field) by title; the value is the item id, as
// the domain stores it.
import { useTranslation } from 'react-i18next';
import type { RecordOption } from '../../services/tab-services';
import { SearchPicker, selectedKeys, type PickerFieldProps } from './SearchPicker';
import { useLookupPicker } from './useLookupPicker';

export interface LookupPickerProps extends PickerFieldProps {
  /** Items of the target register whose title starts with the query. */
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly RecordOption[]>;
  /** Titles already known (the record's lookups). */
  readonly titleOf?: (id: string) => string | undefined;
  /** The target register's name, for the placeholder and labels ("Search data assets by name"). */
  readonly targetName: string;
}

export const LookupPicker = ({ value, search, titleOf, targetName, ...field }: LookupPickerProps) => {
  const { t } = useTranslation();
  const selected = selectedKeys(value);
  const picker = useLookupPicker({ value: selected, titleOf, search });
  return (
    <SearchPicker
      {...field}
      selected={selected}
      picker={{
        query: picker.query,
        setQuery: picker.setQuery,
        searching: picker.searching,
        hasResults: picker.results.length > 0,
        labelOf: picker.titleFor,
        options: picker.options.map((item) => ({ key: item.id, text: item.title, label: item.title })),
      }}
      placeholder={t('form.searchRecords', { register: targetName })}
      chosenLabel={t('form.chosenRecords', { register: targetName })}
      noMatch={t('form.noRecords')}
      autoDirection
    />
  );
};
