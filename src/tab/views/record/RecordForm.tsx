// A form generated from a register's schema: one control per (non-system) field, in schema order.
import type { Locale, RegisterSchema } from '../../../domain/schema/types';
import { useTranslation } from 'react-i18next';
import { editableFields, requiredNow, type Draft, type ShownIssue } from '../../records/record-edit';
import type { RecordValues } from '../../../domain/schema/types';
import type { Person } from '../../services/tab-services';
import { FieldControl, type RecordTitle, type SearchRecords } from './FieldControl';
import { useRecordFormStyles } from './RecordForm.styles';

export interface RecordFormProps {
  readonly schema: RegisterSchema;
  readonly original: RecordValues;
  readonly draft: Draft;
  readonly issues: ReadonlyMap<string, ShownIssue>;
  readonly onChange: (name: string, value: unknown) => void;
  readonly locale: Locale;
  /** The whole form is read-only. @defaultvalue false */
  readonly readOnly?: boolean;
  readonly isOfficer: boolean;
  readonly people: ReadonlyMap<string, Person>;
  readonly searchPeople: (query: string, signal?: AbortSignal) => Promise<readonly Person[]>;
  /** Items of a register by title, for lookup fields. */
  readonly searchRecords?: SearchRecords;
  /** Titles of the looked-up items already known. */
  readonly recordTitle?: RecordTitle;
}

export const RecordForm = (props: RecordFormProps) => {
  const { t } = useTranslation();
  const styles = useRecordFormStyles();
  const { schema, original, draft } = props;
  return (
    <div className={styles.grid}>
      {editableFields(schema).map((field) => {
        const officerLocked = field.officerOnly === true && !props.isOfficer;
        return (
          <FieldControl
            key={field.name}
            className={field.type === 'note' ? styles.wide : undefined}
            schema={schema}
            field={field}
            value={field.name in draft ? draft[field.name] : original[field.name]}
            onChange={props.onChange}
            locale={props.locale}
            required={requiredNow(field, original, draft)}
            issue={props.issues.get(field.name)}
            disabled={props.readOnly || officerLocked}
            disabledReason={officerLocked ? t('form.officerOnly') : undefined}
            isOfficer={props.isOfficer}
            people={props.people}
            searchPeople={props.searchPeople}
            searchRecords={props.searchRecords}
            recordTitle={props.recordTitle}
          />
        );
      })}
    </div>
  );
};
