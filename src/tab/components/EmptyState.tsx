import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
});

export interface EmptyStateProps {
  readonly title: string;
  readonly hint?: string;
  /** e.g. a "Clear filters" button. */
  readonly action?: ReactNode;
}

export const EmptyState = ({ title, hint, action }: EmptyStateProps) => {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <Subtitle2 as="p">{title}</Subtitle2>
      {hint ? <Body1 as="p">{hint}</Body1> : null}
      {action}
    </div>
  );
};
