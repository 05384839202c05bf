// After a 412 that a three-way merge could not settle alone: what the other person changed (kept as they
// saved it), then, for each field both changed, the value before, mine and theirs; the person chooses which
// to keep and the choices are saved on the current version. Nothing is overwritten without a choice.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, ThreeWayMerge } from '../../../domain/merge';
import type { FieldValue, Locale, RegisterId, RegisterSchema } from '../../../domain/schema/types';
import { valueText } from '../../records/value-text';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: '100%' },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  bulk: { display: 'flex', gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalM },
  before: { color: tokens.colorNeutralForeground3 },
  section: { marginBlockStart: tokens.spacingVerticalM, marginBlockEnd: tokens.spacingVerticalS },
  theirList: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface ConflictDialogProps {
  readonly open: boolean;
  readonly schema: RegisterSchema;
  /** The three-way merge: only its conflicts are asked about; its other changes are shown as kept. */
  readonly merge: ThreeWayMerge;
  /** Who saved the current version, when known. */
  readonly theirName?: string;
  readonly locale: Locale;
  readonly personName: (email: string) => string | undefined;
  /** Title of a looked-up item, when known. */
  readonly recordTitle?: (register: RegisterId, id: string) => string | undefined;
  readonly saving?: boolean;
  readonly onResolve: (choices: Readonly<Record<string, ConflictChoice>>) => void;
  readonly onCancel: () => void;
}

export const ConflictDialog = (props: ConflictDialogProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const choiceOf = (field: string): ConflictChoice => choices[field] ?? 'mine';
  const rows = props.merge.conflicts;
  const labelOf = (field: string): string =>
    props.schema.fields.find((f) => f.name === field)?.label[props.locale] ?? field;
  const text = (field: string, value: FieldValue): string =>
    valueText(
      props.schema.fields.find((f) => f.name === field),
      value,
      {
        locale: props.locale,
        yes: t('form.yes'),
        no: t('form.no'),
        empty: t('conflict.empty'),
        personName: props.personName,
        recordTitle: props.recordTitle,
      },
    );
  const setAll = (choice: ConflictChoice): void =>
    setChoices(Object.fromEntries(rows.map((row) => [row.field, choice])));
  const name = props.theirName ?? t('conflict.someone');

  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_e, data) => !data.open && props.onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('conflict.title')}</DialogTitle>
          <DialogContent>
            <p>{t('conflict.intro', { name })}</p>
            {props.merge.theirChanges.length > 0 ? (
              <section data-testid="their-changes" aria-labelledby="their-changes-title">
                <h3 id="their-changes-title" className={styles.section}>
                  {t('conflict.theirChanges', { name })}
                </h3>
                <ul className={styles.theirList}>
                  {props.merge.theirChanges.map((change) => (
                    <li key={change.field} data-their-field={change.field}>
                      {t('conflict.theirChange', {
                        field: labelOf(change.field),
                        before: text(change.field, change.base),
                        after: text(change.field, change.theirs),
                      })}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <h3 className={styles.section}>{t('conflict.bothChanged', { count: rows.length })}</h3>
            <Table aria-label={t('conflict.title')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('conflict.field')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.before')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.yours')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.theirs')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.choice')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  const label = labelOf(row.field);
                  return (
                    <TableRow key={row.field} data-conflict-field={row.field}>
                      <TableCell>{label}</TableCell>
                      <TableCell>
                        <span className={mergeClasses(styles.value, styles.before)} data-side="base">
                          {text(row.field, row.base)}
                        </span>
                      </TableCell>
                      <TableCell className={choiceOf(row.field) === 'mine' ? styles.chosen : undefined}>
                        <span className={styles.value} data-side="mine">
                          {text(row.field, row.mine)}
                        </span>
                      </TableCell>
                      <TableCell className={choiceOf(row.field) === 'theirs' ? styles.chosen : undefined}>
                        <span className={styles.value} data-side="theirs">
                          {text(row.field, row.theirs)}
                        </span>
                      </TableCell>
                      <TableCell>
                        <RadioGroup
                          aria-label={label}
                          value={choiceOf(row.field)}
                          onChange={(_e, data) =>
                            setChoices((c) => ({
                              ...c,
                              [row.field]: data.value === 'theirs' ? 'theirs' : 'mine',
                            }))
                          }
                        >
                          <Radio value="mine" label={t('conflict.keepMine')} />
                          <Radio value="theirs" label={t('conflict.keepTheirs')} />
                        </RadioGroup>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <div className={styles.bulk}>
              <Button size="small" onClick={() => setAll('mine')}>
                {t('conflict.useMineAll')}
              </Button>
              <Button size="small" onClick={() => setAll('theirs')}>
                {t('conflict.useTheirsAll')}
              </Button>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onCancel}>
              {t('conflict.cancel')}
            </Button>
            <Button appearance="primary" disabled={props.saving} onClick={() => props.onResolve(choices)}>
              {t('conflict.apply')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
