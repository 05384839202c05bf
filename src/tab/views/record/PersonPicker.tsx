// Chooses one or several people from the directory (GET /users through src/graph). The value is the
// person's e-mail, as the domain stores it.
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
import type { Person } from '../../services/tab-services';
import { usePersonPicker } from './usePersonPicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface PersonPickerProps {
  readonly value: string | readonly string[] | null;
  readonly multiple?: boolean;
  readonly onChange: (value: string | readonly string[] | null) => void;
  readonly search: (query: string, signal?: AbortSignal) => Promise<readonly Person[]>;
  /** Names of people already known (the record's people). */
  readonly known: ReadonlyMap<string, Person>;
  readonly disabled?: boolean;
  /** Forwarded by Field: label and description ids. */
  readonly id?: string;
  readonly 'aria-labelledby'?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-required'?: boolean;
}

export const PersonPicker = ({
  value,
  multiple = false,
  onChange,
  search,
  known,
  disabled,
  ...aria
}: PersonPickerProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const selected: readonly string[] = value === null ? [] : typeof value === 'string' ? [value] : value;
  const picker = usePersonPicker({ value: selected, known, search });

  const onOptionSelect: ComboboxProps['onOptionSelect'] = (event, data) => {
    // Fluent "clears the selection" as soon as the typed text stops matching it; typing only searches here.
    if (data.optionValue === undefined && event.type === 'change') return;
    picker.setQuery('');
    if (multiple) onChange(data.selectedOptions.length > 0 ? data.selectedOptions : null);
    else onChange(data.optionValue ?? null);
  };

  const single = selected[0];
  const inputText = picker.query !== '' || multiple ? picker.query : single ? picker.nameOf(single) : '';

  return (
    <div className={styles.root}>
      {multiple && selected.length > 0 ? (
        <TagGroup
          onDismiss={(_e, data) => {
            const next = selected.filter((email) => email !== data.value);
            onChange(next.length > 0 ? next : null);
          }}
          aria-label={t('form.searchPeople')}
        >
          {selected.map((email) => (
            <Tag
              key={email}
              value={email}
              dismissible={!disabled}
              dismissIcon={{ 'aria-label': t('form.remove', { name: picker.nameOf(email) }) }}
            >
              {picker.nameOf(email)}
            </Tag>
          ))}
        </TagGroup>
      ) : null}
      <Combobox
        {...aria}
        freeform
        clearable={!multiple && !disabled}
        multiselect={multiple}
        disabled={disabled}
        placeholder={t('form.searchPeople')}
        value={inputText}
        selectedOptions={[...selected]}
        onOptionSelect={onOptionSelect}
        // Typing only searches; the person changes when an option is chosen (or cleared with the ✕ button).
        onChange={(event) => picker.setQuery(event.target.value)}
        // Leaving the field without choosing shows the chosen person again.
        onBlur={() => picker.setQuery('')}
      >
        {picker.options.map((person) => (
          <Option key={person.email} value={person.email} text={person.displayName}>
            {person.jobTitle ? `${person.displayName} — ${person.jobTitle}` : person.displayName}
          </Option>
        ))}
        {picker.query.trim() !== '' && picker.results.length === 0 && !picker.searching ? (
          <Option disabled value="" text="">
            {t('form.noPeople')}
          </Option>
        ) : null}
      </Combobox>
    </div>
  );
};
