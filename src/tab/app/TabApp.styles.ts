import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

export const useStaticStyles = makeStaticStyles({
  html: { margin: 0, padding: 0, minHeight: '100%' },
  body: { margin: 0, padding: 0, minHeight: '100%' },
  // Spacing comes from the layouts' gaps, not from browser default margins.
  h1: { margin: 0 },
  h2: { margin: 0 },
  h3: { margin: 0 },
  p: { margin: 0 },
});

export const useTabAppStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  centered: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    minHeight: '100vh',
    padding: tokens.spacingHorizontalXL,
    boxSizing: 'border-box',
  },
});
