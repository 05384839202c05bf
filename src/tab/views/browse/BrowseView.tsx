import { Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export const BrowseView = () => {
  const { t } = useTranslation();
  return <Title2 as="h2">{t('browse.title')}</Title2>;
};
