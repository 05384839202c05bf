export { ISSUE_CODES, issue } from './issues';
export type { IssueCode, IssueParam, FieldIssue } from './issues';
export {
  coerceFieldValue,
  choiceValuesOf,
  normalizeDigits,
  isEmptyValue,
  DEFAULT_TEXT_MAX_LENGTH,
  DEFAULT_NOTE_MAX_LENGTH,
  URL_MAX_LENGTH,
} from './coerce';
export type { CoerceOptions, CoerceResult } from './coerce';
export { ACTIVE_URL_SCHEMES, DEFAULT_URL_POLICY, checkUrl, linkHref } from './urls';
export type { UrlCheck, UrlPolicy } from './urls';
export { validateRecord, missingRequiredFields } from './validate';
export type { ValidateOptions, ValidationResult } from './validate';
export { formatIssue, choiceLabel, messageTemplate } from './messages';
export { resolveFieldName } from './field-names';
