export { buildDigestCard, cardRecordKeys, itemReasons, PEOPLE_DATASET } from './digest-card';
export type { CardContext, DigestCardState, PersonChoice } from './digest-card';
export { cardActionSchema, inputValue, closesItem } from './card-data';
export type { CardAction, CardActionName, Outcome } from './card-data';
export { tr, localeOf, COMMANDS } from './i18n';
export type { MessageKey } from './i18n';
export { plainText, escapeMarkdown } from './text';
