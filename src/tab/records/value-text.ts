// A stored value as text, for read-only places: history, the conflict dialog. No React.
import type { FieldDef, FieldValue, Locale, RegisterId } from '../../domain/schema/types';
import { choiceLabel } from '../../domain/validation';
import { joinList } from '../../domain/schema/localized';
import { formatDate, formatNumber } from '../i18n/format';

export interface ValueTextOptions {
  readonly locale: Locale;
  readonly yes: string;
  readonly no: string;
  readonly empty: string;
  /** Display name of a person by e-mail, when known. */
  readonly personName?: (email: string) => string | undefined;
  /** Title of a looked-up item by its register and id, when known. */
  readonly recordTitle?: (register: RegisterId, id: string) => string | undefined;
}

export const valueText = (
  field: FieldDef | undefined,
  value: FieldValue | undefined,
  options: ValueTextOptions,
): string => {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return options.empty;
  const one = (v: string): string => {
    if (!field) return v;
    switch (field.type) {
      case 'choice':
      case 'multiChoice':
        return choiceLabel(field, v, options.locale);
      case 'date':
        return formatDate(v, options.locale);
      case 'person':
        return options.personName?.(v) ?? v;
      case 'lookup':
        return (field.lookupRegister && options.recordTitle?.(field.lookupRegister, v)) || v;
      default:
        return v;
    }
  };
  if (Array.isArray(value)) return joinList(value.map(one), options.locale);
  if (typeof value === 'boolean') return value ? options.yes : options.no;
  if (typeof value === 'number') return formatNumber(value, options.locale);
  return one(String(value));
};
