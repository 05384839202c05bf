import { makeStyles, tokens } from '@fluentui/react-components';

export const useHeatMapStyles = makeStyles({
  table: { borderCollapse: 'separate', borderSpacing: tokens.spacingHorizontalXXS },
  axis: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, textAlign: 'center' },
  rowHead: {
    textAlign: 'end',
    paddingInlineEnd: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    minWidth: '56px',
    minHeight: '44px',
    width: '100%',
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
  },
  low: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  medium: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  high: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2 },
  critical: { backgroundColor: tokens.colorPaletteRedBackground2 },
  selected: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: tokens.strokeWidthThin,
  },
});
