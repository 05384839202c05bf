// The view shared by the person and lookup pickers: a Combobox that searches as you type, the chosen values
// as dismissible tags (several) or as the box's text (one). The value is a key (an e-mail, an item id); what
// is shown comes from the picker's own hook.
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

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface SearchPickerOption {
  readonly key: string;
  /** The text the box shows when the option is chosen. */
  readonly text: string;
  /** What the list shows (may say more than `text`). */
  readonly label: string;
}

/** The state a picker hook gives its view. */
export interface SearchPickerState {
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly searching: boolean;
  readonly hasResults: boolean;
  readonly options: readonly SearchPickerOption[];
  readonly labelOf: (key: string) => string;
}

/** Props every picker forwards from the form's Field. */
export interface PickerFieldProps {
  readonly value: string | readonly string[] | null;
  readonly multiple?: boolean;
  readonly onChange: (value: string | readonly string[] | null) => void;
  readonly disabled?: boolean;
  /** Forwarded by Field: label and description ids. */
  readonly id?: string;
  readonly 'aria-labelledby'?: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-required'?: boolean;
}

export interface SearchPickerProps extends Omit<PickerFieldProps, 'value'> {
  readonly selected: readonly string[];
  readonly picker: SearchPickerState;
  readonly placeholder: string;
  readonly chosenLabel: string;
  readonly noMatch: string;
  /** Text of unknown direction (titles in any language) reads in its own direction. */
  readonly autoDirection?: boolean;
}

/** The chosen keys of a picker value. */
export const selectedKeys = (value: string | readonly string[] | null): readonly string[] =>
  value === null ? [] : typeof value === 'string' ? [value] : value;

export const SearchPicker = ({
  selected,
  picker,
  multiple = false,
  onChange,
  disabled,
  placeholder,
  chosenLabel,
  noMatch,
  autoDirection = false,
  ...aria
}: SearchPickerProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const dir = autoDirection ? 'auto' : undefined;

  const onOptionSelect: ComboboxProps['onOptionSelect'] = (event, data) => {
    // Fluent "clears the selection" as soon as the typed text stops matching it; typing only searches here.
    if (data.optionValue === undefined && event.type === 'change') return;
    picker.setQuery('');
    if (multiple) onChange(data.selectedOptions.length > 0 ? data.selectedOptions : null);
    else onChange(data.optionValue ?? null);
  };

  const single = selected[0];
  const inputText = picker.query !== '' || multiple ? picker.query : single ? picker.labelOf(single) : '';

  return (
    <div className={styles.root}>
      {multiple && selected.length > 0 ? (
        <TagGroup
          onDismiss={(_e, data) => {
            const next = selected.filter((key) => key !== data.value);
            onChange(next.length > 0 ? next : null);
          }}
          aria-label={chosenLabel}
        >
          {selected.map((key) => (
            <Tag
              key={key}
              value={key}
              dir={dir}
              dismissible={!disabled}
              dismissIcon={{ 'aria-label': t('form.remove', { name: picker.labelOf(key) }) }}
            >
              {picker.labelOf(key)}
            </Tag>
          ))}
        </TagGroup>
      ) : null}
      <Combobox
        {...aria}
        freeform
        dir={dir}
        clearable={!multiple && !disabled}
        multiselect={multiple}
        disabled={disabled}
        placeholder={placeholder}
        value={inputText}
        selectedOptions={[...selected]}
        onOptionSelect={onOptionSelect}
        // Typing only searches; the value changes when an option is chosen (or cleared with the ✕ button).
        onChange={(event) => picker.setQuery(event.target.value)}
        // Leaving the field without choosing shows the chosen value again.
        onBlur={() => picker.setQuery('')}
      >
        {picker.options.map((option) => (
          <Option key={option.key} value={option.key} text={option.text}>
            {option.label}
          </Option>
        ))}
        {picker.query.trim() !== '' && !picker.hasResults && !picker.searching ? (
          <Option disabled value="" text="">
            {noMatch}
          </Option>
        ) : null}
      </Combobox>
    </div>
  );
};
