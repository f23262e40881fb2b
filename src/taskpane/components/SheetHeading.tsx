import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { RowItemProps } from './rowStyles';

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
  },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** A sheet's heading in the findings list ("4 på arket Mål"): a row of the list with no control of its own. */
export function SheetHeading({ item, text }: { item: RowItemProps; text: string }) {
  const styles = useStyles();
  return (
    <li {...item} className={mergeClasses(item.className, styles.item)}>
      <Text as="h4" className={styles.heading}>
        {text}
      </Text>
    </li>
  );
}
