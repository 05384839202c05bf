// Words the sheet itself shows (not the task pane): they must be readable in Excel without the add-in.
import type { Locale } from '../../domain/schema/types';

const YES_NO: Readonly<Record<Locale, readonly [string, string]>> = {
  en: ['Yes', 'No'],
  fr: ['Oui', 'Non'],
  es: ['Sí', 'No'],
  ar: ['نعم', 'لا'],
};

export const booleanLabels = (locale: Locale): readonly [string, string] => YES_NO[locale];

const ACTION: Readonly<Record<Locale, { header: string; delete: string; prompt: string }>> = {
  en: { header: 'Action', delete: 'Delete', prompt: 'Choose Delete to remove the record at the next push.' },
  fr: {
    header: 'Action',
    delete: 'Supprimer',
    prompt: 'Choisissez Supprimer pour retirer l’enregistrement au prochain envoi.',
  },
  es: {
    header: 'Acción',
    delete: 'Eliminar',
    prompt: 'Elija Eliminar para quitar el registro en el próximo envío.',
  },
  ar: { header: 'إجراء', delete: 'حذف', prompt: 'اختر «حذف» لإزالة السجل عند الإرسال التالي.' },
};

export const actionLabels = (locale: Locale): { header: string; delete: string; prompt: string } =>
  ACTION[locale];

/** Any language's "Delete" marks a row (the sheet may have been pulled in another language). */
export const isDeleteMark = (cell: unknown): boolean =>
  typeof cell === 'string' &&
  Object.values(ACTION).some((a) => a.delete.toLowerCase() === cell.trim().toLowerCase());
