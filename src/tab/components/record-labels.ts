// Display text for stored values: register names, choice labels (missions, regions...), in the user's language.
import { REGISTERS } from '../../domain/registers';
import type { Locale, RegisterId } from '../../domain/schema/types';
import { choiceLabel } from '../../domain/validation';

export const registerName = (register: RegisterId, locale: Locale): string =>
  REGISTERS[register].displayName[locale];

/** The label of a stored choice of a field of a register (falls back to the value). */
export const choiceText = (
  register: RegisterId,
  fieldName: string,
  value: string | null,
  locale: Locale,
): string => {
  if (value === null) return '';
  const field = REGISTERS[register].fields.find((f) => f.name === fieldName);
  return field ? choiceLabel(field, value, locale) : value;
};
