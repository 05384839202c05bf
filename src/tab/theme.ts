// The three Teams themes, from Fluent's own token sets (no colour is written anywhere in the tab).
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

export const fluentTheme = (name: ThemeName): Theme =>
  name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;

/** Teams reports 'default', 'dark' or 'contrast'. */
export const themeFromTeams = (teamsTheme: string | undefined): ThemeName =>
  teamsTheme === 'dark' ? 'dark' : teamsTheme === 'contrast' ? 'contrast' : 'light';

export const isThemeName = (value: string | null | undefined): value is ThemeName =>
  value === 'light' || value === 'dark' || value === 'contrast';
