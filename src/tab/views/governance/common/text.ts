// Display helpers shared by the governance views. No React.
import { REGISTERS } from '../../../../domain/registers';
import type { FieldValue, Locale, RegisterId } from '../../../../domain/schema/types';
import { choiceLabel } from '../../../../domain/validation';

export const str = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : '');

export const fieldLabel = (register: RegisterId, name: string, locale: Locale): string =>
  REGISTERS[register].fields.find((f) => f.name === name)?.label[locale] ?? name;

export const choiceOf = (
  register: RegisterId,
  name: string,
  value: FieldValue | undefined,
  locale: Locale,
): string => {
  const field = REGISTERS[register].fields.find((f) => f.name === name);
  const v = str(value);
  return v === '' ? '' : field ? choiceLabel(field, v, locale) : v;
};

export const choicesOf = (register: RegisterId, name: string): readonly string[] =>
  REGISTERS[register].fields.find((f) => f.name === name)?.choices ?? [];

/** Starts a browser download of text (CSV) without building any URL to a server. */
export const downloadText = (fileName: string, text: string, type = 'text/csv;charset=utf-8'): void => {
  const blob = new Blob([text], { type });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
};
