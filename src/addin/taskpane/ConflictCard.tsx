// One conflicting row: each differing value as "when pulled / yours / SharePoint", with a choice per value, and the
// three ways out: keep mine (sends again with SharePoint's eTag), take theirs, or apply the choices and edit.
import { Button, Card, CardHeader, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../sync/engine';
import { useConflictStyles } from './TaskPane.styles';

export interface ConflictCardProps {
  readonly conflict: Conflict;
  readonly disabled?: boolean;
  readonly onResolve: (
    choice: 'keepMine' | 'takeTheirs' | Readonly<Record<string, 'mine' | 'theirs'>>,
  ) => void;
}

export const ConflictCard = ({ conflict, disabled, onResolve }: ConflictCardProps) => {
  const { t } = useTranslation();
  const styles = useConflictStyles();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(conflict.fields.map((f) => [f.field, f.field in conflict.mine ? 'mine' : 'theirs'])),
  );
  const show = (v: unknown) => (v === '' || v === undefined ? '—' : String(v));
  return (
    <Card className={styles.card} data-testid="conflict">
      <CardHeader
        // The record's title in its own direction: a Latin title reads from its start in the Arabic pane.
        header={
          <Text weight="semibold" dir="auto">
            {conflict.title}
          </Text>
        }
        description={
          !conflict.theirs
            ? t('conflicts.deleted')
            : conflict.kind === 'delete'
              ? t('conflicts.deleteConflict')
              : undefined
        }
      />
      {conflict.fields.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.cell}>{t('conflicts.field')}</th>
              <th className={styles.cell}>{t('conflicts.base')}</th>
              <th className={styles.cell}>{t('conflicts.mine')}</th>
              <th className={styles.cell}>{t('conflicts.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <td className={styles.cell}>{f.label}</td>
                <td className={styles.cell}>{show(f.base)}</td>
                <td className={styles.cell} colSpan={2}>
                  <RadioGroup
                    layout="horizontal"
                    aria-label={f.label}
                    value={choices[f.field]}
                    onChange={(_, data) =>
                      setChoices((c) => ({ ...c, [f.field]: data.value as 'mine' | 'theirs' }))
                    }
                  >
                    <Radio
                      className={styles.mine}
                      value="mine"
                      label={show(f.mine)}
                      disabled={!(f.field in conflict.mine)}
                    />
                    <Radio className={styles.theirs} value="theirs" label={show(f.theirs)} />
                  </RadioGroup>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => onResolve('keepMine')}>
          {t('conflicts.keepMine')}
        </Button>
        <Button disabled={disabled} onClick={() => onResolve('takeTheirs')}>
          {t('conflicts.takeTheirs')}
        </Button>
        {conflict.theirs && conflict.fields.length > 1 && (
          <Button disabled={disabled} onClick={() => onResolve(choices)}>
            {t('conflicts.apply')}
          </Button>
        )}
      </div>
    </Card>
  );
};
