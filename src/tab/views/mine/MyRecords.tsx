import { Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export const MyRecords = () => {
  const { t } = useTranslation();
  return <Title2 as="h2">{t('mine.title')}</Title2>;
};
