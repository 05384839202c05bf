import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
});

export interface LoadingStateProps {
  /** @defaultvalue t('loading') */
  readonly label?: string;
}

export const LoadingState = ({ label }: LoadingStateProps) => {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <Spinner label={label ?? t('loading')} />
    </div>
  );
};
