/** Stable issue codes: UIs and the Excel add-in key their behaviour and translations on them. */
export const ISSUE_CODES = [
  'required',
  'tooLong',
  'invalidChoice',
  'invalidDate',
  'notANumber',
  'notAnInteger',
  'outOfRange',
  'invalidEmail',
  'invalidUrl',
  'controlCharacters',
  'formula',
  'unknownField',
  'invalidBoolean',
  'invalidLookup',
  'invalidJson',
  'invalidType',
  'tooManyValues',
  'regionMismatch',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParam = string | number | readonly string[];

export interface FieldIssue {
  /** The field's internal name (for unknownField, the name that was given). */
  readonly field: string;
  readonly code: IssueCode;
  readonly params: Readonly<Record<string, IssueParam>>;
}

export const issue = (
  field: string,
  code: IssueCode,
  params: Record<string, IssueParam> = {},
): FieldIssue => ({
  field,
  code,
  params,
});
