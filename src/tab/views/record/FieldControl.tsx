// The control for one schema field: the right Fluent input per field type, wrapped in a Field with
// the label, the help text and the inline validation message, all in the user's language.
import {
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Textarea,
  type DropdownProps,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTERS } from '../../../domain/registers';
import type { FieldDef, Locale, RegisterId, RegisterSchema } from '../../../domain/schema/types';
import { choiceLabel, choiceValuesOf, formatIssue } from '../../../domain/validation';
import type { ShownIssue } from '../../records/record-edit';
import type { Person, RecordOption } from '../../services/tab-services';
import { LookupPicker } from './LookupPicker';
import { PersonPicker } from './PersonPicker';

export type SearchRecords = (
  register: RegisterId,
  query: string,
  signal?: AbortSignal,
) => Promise<readonly RecordOption[]>;
export type RecordTitle = (register: RegisterId, id: string) => string | undefined;

const noRecords: SearchRecords = async () => [];

export interface FieldControlProps {
  readonly schema: RegisterSchema;
  readonly field: FieldDef;
  readonly value: unknown;
  readonly onChange: (name: string, value: unknown) => void;
  readonly locale: Locale;
  readonly required: boolean;
  readonly issue?: ShownIssue;
  /** Read-only record, or an officer-only field for someone who is not an officer. */
  readonly disabled?: boolean;
  /** Why it is disabled, when it is specific to the field. */
  readonly disabledReason?: string;
  readonly isOfficer: boolean;
  readonly people: ReadonlyMap<string, Person>;
  readonly searchPeople: (query: string, signal?: AbortSignal) => Promise<readonly Person[]>;
  /** Items of a register by title, for lookup fields. */
  readonly searchRecords?: SearchRecords;
  /** Title of a looked-up item already known. */
  readonly recordTitle?: RecordTitle;
  readonly className?: string;
}

const asString = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const asList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string' && v
      ? [v]
      : [];

export const FieldControl = (props: FieldControlProps) => {
  const { t } = useTranslation();
  const { field, value, locale, disabled, schema } = props;
  const set = (next: unknown): void => props.onChange(field.name, next);
  const label = field.label[locale];
  const hint = [field.help[locale], props.disabledReason].filter(Boolean).join(' ');
  const message = props.issue ? formatIssue(props.issue.issue, locale, schema) : undefined;
  // Stable per field, so the picker's debounced search does not restart on every render.
  const target = field.lookupRegister;
  const { searchRecords = noRecords, recordTitle } = props;
  const searchTarget = useCallback(
    (query: string, signal?: AbortSignal) =>
      target ? searchRecords(target, query, signal) : Promise.resolve([]),
    [target, searchRecords],
  );
  const titleOf = useCallback(
    (id: string) => (target ? recordTitle?.(target, id) : undefined),
    [target, recordTitle],
  );

  // URLs, numbers and dates read left to right even in Arabic; free text follows its own content (dir=auto).
  let control;
  switch (field.type) {
    case 'text':
      control = (
        <Input
          dir="auto"
          value={asString(value)}
          onChange={(_e, d) => set(d.value)}
          maxLength={field.maxLength}
          disabled={disabled}
        />
      );
      break;
    case 'note':
      control = (
        <Textarea
          dir="auto"
          value={asString(value)}
          onChange={(_e, d) => set(d.value)}
          resize="vertical"
          rows={3}
          disabled={disabled}
        />
      );
      break;
    case 'number':
      control = (
        <Input
          type="number"
          dir="ltr"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          value={asString(value)}
          min={field.min}
          max={field.max}
          onChange={(_e, d) => set(d.value === '' ? null : d.value)}
          disabled={disabled}
        />
      );
      break;
    case 'date':
      control = (
        <Input
          type="date"
          dir="ltr"
          value={asString(value)}
          onChange={(_e, d) => set(d.value || null)}
          disabled={disabled}
        />
      );
      break;
    case 'url':
      control = field.multiple ? (
        <Textarea
          dir="ltr"
          value={asList(value).join('\n')}
          onChange={(_e, d) => {
            const lines = d.value.split('\n');
            set(lines.length === 1 && lines[0] === '' ? null : lines);
          }}
          placeholder={t('form.urlPlaceholder')}
          rows={2}
          resize="vertical"
          disabled={disabled}
        />
      ) : (
        <Input
          type="url"
          dir="ltr"
          value={asString(value)}
          onChange={(_e, d) => set(d.value)}
          placeholder={t('form.urlPlaceholder')}
          disabled={disabled}
        />
      );
      break;
    case 'boolean':
      control = (
        <RadioGroup
          layout="horizontal"
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(_e, d) => set(d.value === 'yes')}
          disabled={disabled}
        >
          <Radio value="yes" label={t('form.yes')} />
          <Radio value="no" label={t('form.no')} />
        </RadioGroup>
      );
      break;
    case 'choice':
    case 'multiChoice': {
      const multiple = field.type === 'multiChoice';
      const selected = asList(value);
      const onSelect: DropdownProps['onOptionSelect'] = (_e, d) =>
        set(multiple ? (d.selectedOptions.length > 0 ? d.selectedOptions : null) : (d.optionValue ?? null));
      control = (
        <Dropdown
          multiselect={multiple}
          placeholder={t('form.choose')}
          selectedOptions={selected}
          value={selected.map((v) => choiceLabel(field, v, locale)).join(locale === 'ar' ? '، ' : ', ')}
          onOptionSelect={onSelect}
          disabled={disabled}
          clearable={!props.required && !multiple}
        >
          {choiceValuesOf(field).map((choice) => (
            <Option
              key={choice}
              value={choice}
              disabled={!props.isOfficer && field.officerOnlyChoices?.includes(choice)}
            >
              {choiceLabel(field, choice, locale)}
            </Option>
          ))}
        </Dropdown>
      );
      break;
    }
    case 'person':
      control = (
        <PersonPicker
          value={field.multiple ? asList(value) : asString(value) || null}
          multiple={field.multiple}
          onChange={set}
          known={props.people}
          search={props.searchPeople}
          disabled={disabled}
        />
      );
      break;
    case 'lookup':
      control = (
        <LookupPicker
          value={field.multiple ? asList(value) : asString(value) || null}
          multiple={field.multiple}
          onChange={set}
          search={searchTarget}
          titleOf={titleOf}
          targetName={target ? REGISTERS[target].displayName[locale] : label}
          disabled={disabled}
        />
      );
      break;
  }

  return (
    <Field
      className={props.className}
      label={label}
      required={props.required}
      hint={hint || undefined}
      validationState={props.issue ? props.issue.level : 'none'}
      validationMessage={message}
      data-field={field.name}
    >
      {control}
    </Field>
  );
};
