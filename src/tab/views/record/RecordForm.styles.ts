import { makeStyles, tokens } from '@fluentui/react-components';

export const useRecordFormStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalL,
  },
  wide: { gridColumn: '1 / -1' },
});
