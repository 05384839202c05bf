// A short awareness note behind a link: opens in a popover, readable by keyboard and screen readers.
import { Link, Popover, PopoverSurface, PopoverTrigger, Subtitle2, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AWARENESS_NOTES } from '../../../../domain/governance';
import type { AwarenessNoteId } from '../../../../domain/governance';
import { useLocale } from '../../../i18n/use-locale';
import { useGovernanceStyles } from '../common/governance.styles';

export const AwarenessLink = ({ note }: { readonly note: AwarenessNoteId }) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const n = AWARENESS_NOTES[note];
  return (
    <Popover withArrow trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Link as="button" data-testid={`awareness-${note}`}>
          {t('gov.awareness.open', { title: n.title[locale] })}
        </Link>
      </PopoverTrigger>
      <PopoverSurface aria-label={n.title[locale]} className={styles.popover}>
        <div className={styles.stack}>
          <Subtitle2 as="h3">{n.title[locale]}</Subtitle2>
          <Text>{n.body[locale]}</Text>
        </div>
      </PopoverSurface>
    </Popover>
  );
};
