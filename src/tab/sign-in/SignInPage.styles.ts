import { makeStyles, tokens } from '@fluentui/react-components';

export const useSignInStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    minHeight: '100vh',
    paddingBlock: tokens.spacingVerticalXXXL,
    paddingInline: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
  },
  settings: { alignSelf: 'flex-end' },
  card: {
    width: '100%',
    maxWidth: '560px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow8,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  people: { display: 'grid', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  person: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
  personText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  role: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  email: { flexGrow: 1 },
});
