// The AI frameworks side by side, topic by topic, in the user's language; the awareness notes below.
import {
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import {
  AWARENESS_NOTES,
  AWARENESS_NOTE_IDS,
  FRAMEWORKS,
  FRAMEWORK_TOPICS,
} from '../../../../domain/governance';
import { useLocale } from '../../../i18n/use-locale';
import { useGovernanceStyles } from '../common/governance.styles';

export const FrameworksView = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  return (
    <div className={styles.stack}>
      <Title2 as="h2">{t('gov.frameworks.title')}</Title2>
      <Text>{t('gov.frameworks.intro')}</Text>
      <div className={styles.tableWrap}>
        <Table aria-label={t('gov.frameworks.title')} data-testid="frameworks-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('gov.frameworks.topic')}</TableHeaderCell>
              {FRAMEWORKS.map((f) => (
                <TableHeaderCell key={f.id}>
                  {f.name[locale]} ({f.year})
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {FRAMEWORK_TOPICS.map((topic) => (
              <TableRow key={topic.id}>
                <TableCell>
                  <Text weight="semibold">{topic.label[locale]}</Text>
                </TableCell>
                {FRAMEWORKS.map((f) => (
                  <TableCell key={f.id}>{topic.cells[f.id][locale]}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Subtitle1 as="h3">{t('gov.frameworks.notes')}</Subtitle1>
      <div className={styles.grid2}>
        {AWARENESS_NOTE_IDS.map((id) => (
          <section key={id} className={styles.card} aria-labelledby={`note-${id}`} id={`awareness-${id}`}>
            <Text weight="semibold" as="h4" id={`note-${id}`}>
              {AWARENESS_NOTES[id].title[locale]}
            </Text>
            <Text>{AWARENESS_NOTES[id].body[locale]}</Text>
          </section>
        ))}
      </div>
    </div>
  );
};
