// Chooses one or several items of another register (a lookup field) by title; the value is the item id, as
// the domain stores it. Modelled on PersonPicker: a Combobox that searches, chosen items as dismissible tags.
import {
  Combobox,
  Option,
  Tag,
  TagGroup,
  makeStyles,
  tokens,
  type ComboboxProps,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { RecordOption } from '../../services/tab-services';
import { useLookupPicker } from './useLookupPicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface LookupPickerProps {
  readonly value: string | readonly string[] | null;
  readonly multiple?: boolean;
  readonly onChange: (value: string | readonly string[] | null) => void;
  /** Items of the target register whose title starts with the query. */
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly RecordOption[]>;
  /** Titles already known (the record's lookups). */
  readonly titleOf?: (id: string) => string | undefined;
  /** The target register's name, for the placeholder and labels ("Search data assets by name"). */
  readonly targetName: string;
  readonly disabled?: boolean;
  /** Forwarded by Field: label and description ids. */
  readonly id?: string;
  readonly 'aria-labelledby'?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-required'?: boolean;
}

export const LookupPicker = ({
  value,
  multiple = false,
  onChange,
  search,
  titleOf,
  targetName,
  disabled,
  ...aria
}: LookupPickerProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const selected: readonly string[] = value === null ? [] : typeof value === 'string' ? [value] : value;
  const picker = useLookupPicker({ value: selected, titleOf, search });

  const onOptionSelect: ComboboxProps['onOptionSelect'] = (event, data) => {
    // Fluent "clears the selection" as soon as the typed text stops matching it; typing only searches here.
    if (data.optionValue === undefined && event.type === 'change') return;
    picker.setQuery('');
    if (multiple) onChange(data.selectedOptions.length > 0 ? data.selectedOptions : null);
    else onChange(data.optionValue ?? null);
  };

  const single = selected[0];
  const inputText = picker.query !== '' || multiple ? picker.query : single ? picker.titleFor(single) : '';
  const placeholder = t('form.searchRecords', { register: targetName });

  return (
    <div className={styles.root}>
      {multiple && selected.length > 0 ? (
        <TagGroup
          onDismiss={(_e, data) => {
            const next = selected.filter((id) => id !== data.value);
            onChange(next.length > 0 ? next : null);
          }}
          aria-label={t('form.chosenRecords', { register: targetName })}
        >
          {selected.map((id) => (
            <Tag
              key={id}
              value={id}
              dir="auto"
              dismissible={!disabled}
              dismissIcon={{ 'aria-label': t('form.remove', { name: picker.titleFor(id) }) }}
            >
              {picker.titleFor(id)}
            </Tag>
          ))}
        </TagGroup>
      ) : null}
      <Combobox
        {...aria}
        freeform
        dir="auto"
        clearable={!multiple && !disabled}
        multiselect={multiple}
        disabled={disabled}
        placeholder={placeholder}
        value={inputText}
        selectedOptions={[...selected]}
        onOptionSelect={onOptionSelect}
        // Typing only searches; the value changes when an option is chosen (or cleared with the ✕ button).
        onChange={(event) => picker.setQuery(event.target.value)}
        // Leaving the field without choosing shows the chosen item again.
        onBlur={() => picker.setQuery('')}
      >
        {picker.options.map((item) => (
          <Option key={item.id} value={item.id} text={item.title}>
            {item.title}
          </Option>
        ))}
        {picker.query.trim() !== '' && picker.results.length === 0 && !picker.searching ? (
          <Option disabled value="" text="">
            {t('form.noRecords')}
          </Option>
        ) : null}
      </Combobox>
    </div>
  );
};
