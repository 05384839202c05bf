// What an Action.Execute on a digest card sends back. Validated on arrival: the card is the user's
// to tamper with, so nothing in it is trusted (the record must also belong to the stored digest).
import { z } from 'zod';

const base = { card: z.string().min(1).max(100) };
const key = z.string().min(3).max(200);
const inputId = z.string().regex(/^[a-z]{2}_\d{1,4}$/);

export const cardActionSchema = z.discriminatedUnion('action', [
  z.looseObject({ ...base, action: z.literal('confirm'), key }),
  z.looseObject({ ...base, action: z.literal('snooze'), key }),
  z.looseObject({
    ...base,
    action: z.literal('fill'),
    key,
    field: z.string().min(1).max(64),
    input: inputId,
  }),
  z.looseObject({ ...base, action: z.literal('reassign'), key, input: inputId }),
  z.looseObject({ ...base, action: z.literal('confirmAll') }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardActionName = CardAction['action'];

/** Reads an input's submitted value from the action data (inputs are merged into it by the client). */
export const inputValue = (data: Readonly<Record<string, unknown>>, id: string): string | undefined => {
  const value = data[id];
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
};

/** What happened to a record from this card; the refreshed card shows it in place of the buttons. */
export type Outcome =
  | { readonly kind: 'confirmed'; readonly by: string }
  | { readonly kind: 'snoozed'; readonly by: string; readonly until: string }
  | { readonly kind: 'reassigned'; readonly by: string; readonly to: string }
  | { readonly kind: 'filled'; readonly by: string; readonly field: string };

/** Outcomes that take the record off the card (a filled field only moves on to the next missing one). */
export const closesItem = (outcome: Outcome): boolean => outcome.kind !== 'filled';
