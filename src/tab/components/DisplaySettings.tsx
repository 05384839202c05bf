// Language and theme switches. The theme switch is offered only outside Teams (inside, Teams decides).
import {
  Button,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  type MenuProps,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/schema/types';
import { localeNames } from '../i18n/i18n';
import { THEME_NAMES, isThemeName, type ThemeName } from '../theme';

export interface DisplaySettingsProps {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly theme: ThemeName;
  /** Absent inside Teams. */
  readonly setTheme?: (theme: ThemeName) => void;
}

export const DisplaySettings = ({ locale, setLocale, theme, setTheme }: DisplaySettingsProps) => {
  const { t } = useTranslation();
  const checked = { locale: [locale], theme: [theme] };
  const onChange: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const value = data.checkedItems[0];
    if (data.name === 'locale' && value && (LOCALES as readonly string[]).includes(value))
      setLocale(value as Locale);
    if (data.name === 'theme' && isThemeName(value)) setTheme?.(value);
  };
  return (
    <Menu checkedValues={checked} onCheckedValueChange={onChange}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" data-testid="display-settings">
          {`${localeNames[locale]} · ${t(`app.themes.${theme}`)}`}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={t('app.settings')}>
          <MenuGroup>
            <MenuGroupHeader>{t('app.language')}</MenuGroupHeader>
            {LOCALES.map((l) => (
              <MenuItemRadio key={l} name="locale" value={l} lang={l}>
                {localeNames[l]}
              </MenuItemRadio>
            ))}
          </MenuGroup>
          {setTheme ? (
            <MenuGroup>
              <MenuGroupHeader>{t('app.theme')}</MenuGroupHeader>
              {THEME_NAMES.map((name) => (
                <MenuItemRadio key={name} name="theme" value={name}>
                  {t(`app.themes.${name}`)}
                </MenuItemRadio>
              ))}
            </MenuGroup>
          ) : null}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
};
