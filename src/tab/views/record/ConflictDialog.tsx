// After a 412: the person's values and the current ones side by side, field by field; they choose which
// to keep and save again with the current eTag. Nothing is overwritten without a choice.
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
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, RegisterId, RegisterSchema } from '../../../domain/schema/types';
import type { ConflictChoice, ConflictRow } from '../../records/record-edit';
import { valueText } from '../../records/value-text';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: '100%' },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  bulk: { display: 'flex', gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalM },
});

export interface ConflictDialogProps {
  readonly open: boolean;
  readonly schema: RegisterSchema;
  readonly rows: readonly ConflictRow[];
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
  const text = (field: string, value: ConflictRow['mine']): string =>
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
    setChoices(Object.fromEntries(props.rows.map((row) => [row.field, choice])));

  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_e, data) => !data.open && props.onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('conflict.title')}</DialogTitle>
          <DialogContent>
            <p>{t('conflict.intro', { name: props.theirName ?? t('conflict.someone') })}</p>
            <Table aria-label={t('conflict.title')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('conflict.field')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.yours')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.theirs')}</TableHeaderCell>
                  <TableHeaderCell>{t('conflict.choice')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {props.rows.map((row) => {
                  const label =
                    props.schema.fields.find((f) => f.name === row.field)?.label[props.locale] ?? row.field;
                  return (
                    <TableRow key={row.field} data-conflict-field={row.field}>
                      <TableCell>{label}</TableCell>
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
