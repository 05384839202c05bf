// Renders a governance component with the tab's i18n (plus the governance strings) and Fluent.
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '../../../src/domain/schema/types';
import { createTabI18n } from '../../../src/tab/i18n/i18n';
import { registerGovernanceStrings } from '../../../src/tab/views/governance/i18n/register';

export const renderGov = async (ui: ReactElement, locale: Locale = 'en') => {
  const i18n = await createTabI18n(locale);
  registerGovernanceStrings(i18n);
  return render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme} dir={locale === 'ar' ? 'rtl' : 'ltr'}>
        {ui}
      </FluentProvider>
    </I18nextProvider>,
  );
};
