import { makeStyles, tokens } from '@fluentui/react-components';

export const useHealthBadgeStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    alignSelf: 'flex-start',
  },
  badge: {
    maxWidth: '100%',
    whiteSpace: 'normal',
    height: 'auto',
    minHeight: '20px',
    alignSelf: 'flex-start',
  },
});
