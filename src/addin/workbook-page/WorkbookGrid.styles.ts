import { makeStyles, tokens } from '@fluentui/react-components';

export const useWorkbookGridStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  hint: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.85 },
  tabs: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tab: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    cursor: 'pointer',
    border: 'none',
    background: 'none',
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, fontWeight: tokens.fontWeightSemibold },
  scroller: { flexGrow: 1, overflow: 'auto', position: 'relative', fontSize: tokens.fontSizeBase200 },
  headerRow: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  headerCell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    height: '26px',
    // Aligned by the header row's reading order (its dir), as RangeFormat.readingOrder does in Excel.
    textAlign: 'start',
  },
  rowNumber: {
    boxSizing: 'border-box',
    width: '44px',
    flexShrink: 0,
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', position: 'absolute', left: 0, height: '24px' },
  cell: {
    position: 'relative',
    boxSizing: 'border-box',
    flexShrink: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    lineHeight: '23px',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    cursor: 'cell',
    // Excel's General alignment under 'Context' reading order: text starts on the side its first letter reads
    // from. 'start' (a logical value Griffel does not flip) resolves against each cell text's own dir="auto";
    // FluentProvider's inherited textAlign would otherwise push every cell to the right in the Arabic page.
    textAlign: 'start',
  },
  // The text clips itself, in its own direction: a Latin value loses its end, never its start, next to Arabic.
  cellText: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  locked: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground2 },
  number: { textAlign: 'end' },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    zIndex: 1,
  },
  // A red corner, as Excel shows a cell with a note.
  noted: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0, // Griffel flips it in right-to-left
      borderTopWidth: '7px',
      borderTopStyle: 'solid',
      borderTopColor: tokens.colorPaletteRedBorder2,
      borderLeftWidth: '7px',
      borderLeftStyle: 'solid',
      borderLeftColor: 'transparent',
    },
  },
  editor: {
    width: '100%',
    height: '22px',
    boxSizing: 'border-box',
    font: 'inherit',
    border: 'none',
    padding: 0,
  },
  alert: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
  },
  empty: { padding: tokens.spacingHorizontalXXL, color: tokens.colorNeutralForeground3 },
  note: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    minHeight: '20px',
  },
});
