// The shell's navigation entry for the governance views, in the four languages. Kept apart from the
// governance catalogue so the shell does not load it before the view is opened.
import type { Locale } from '../../../../domain/schema/types';

export const GOVERNANCE_NAV_LABEL: Readonly<Record<Locale, string>> = {
  en: 'Governance unit',
  fr: 'Unité de gouvernance',
  es: 'Unidad de gobernanza',
  ar: 'وحدة الحوكمة',
};
