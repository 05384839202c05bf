// Shared test data for the bot: a small register schema (independent of the real registers, so the
// planner's tests do not move when a field is added), people and records.
import type { DomainRecord, FieldDef, RegisterSchema } from '../../src/domain/schema';
import type { PlannerPerson, PlannerRecord } from '../../src/bot/planner';

const L = (text: string) => ({ en: text, fr: `${text} (fr)`, es: `${text} (es)`, ar: `${text} (ar)` });
const field = (
  name: string,
  type: FieldDef['type'],
  required: FieldDef['required'],
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  name,
  type,
  required,
  label: L(name),
  help: L(`${name} help`),
  ...extra,
});

export const TEST_SCHEMA: RegisterSchema = {
  id: 'dataInventory',
  listName: 'DataInventory',
  displayName: L('Data inventory'),
  description: L('Assets'),
  version: 1,
  fields: [
    field('Title', 'text', true),
    field('mission', 'choice', true),
    field('custodian', 'person', true),
    field('owner', 'person', true),
    field('sensitivity', 'choice', true, {
      choices: ['Public', 'Internal', 'Confidential', 'Strictly confidential'],
    }),
    field('containsPersonalData', 'boolean', false),
    field(
      'legalBasis',
      'choice',
      { field: 'containsPersonalData', oneOf: [true] },
      { choices: ['Consent', 'Vital interest'] },
    ),
    field('retention', 'text', true),
    field('reviewCycle', 'choice', false, { choices: ['Quarterly', 'Semi-annual', 'Annual'] }),
    field('lastReviewed', 'date', true),
    field('lastReviewedBy', 'person', false, { system: true }),
  ],
  custodianField: 'custodian',
  ownerFields: ['owner', 'custodian'],
  missionField: 'mission',
  classificationFields: ['sensitivity'],
  lastReviewedField: 'lastReviewed',
  lastReviewedByField: 'lastReviewedBy',
  reviewCycle: {
    cycleField: 'reviewCycle',
    defaults: [
      { cycle: 'Quarterly', whenAny: [{ field: 'sensitivity', oneOf: ['Strictly confidential'] }] },
      {
        cycle: 'Semi-annual',
        whenAny: [
          { field: 'sensitivity', oneOf: ['Confidential'] },
          { field: 'containsPersonalData', oneOf: [true] },
        ],
      },
    ],
    fallback: 'Annual',
  },
};

export const person = (email: string, extra: Partial<PlannerPerson> = {}): PlannerPerson => ({
  email,
  displayName: email.split('@')[0] ?? email,
  locale: 'en',
  timeZone: 'UTC',
  focalPointOf: [],
  officer: false,
  active: true,
  ...extra,
});

let seq = 0;
export const plannerRecord = (extra: Partial<PlannerRecord> = {}): PlannerRecord => {
  seq += 1;
  const id = extra.id ?? String(seq);
  return {
    key: `dataInventory:${id}`,
    register: 'dataInventory',
    id,
    title: `Asset ${id}`,
    mission: 'senegal',
    custodian: 'amina@example.org',
    lastReviewed: '2024-01-01',
    cycle: 'Annual',
    reviewDueOn: '2025-01-01',
    missingFields: [],
    ...extra,
  };
};

export const domainRecord = (id: string, values: Record<string, unknown>): DomainRecord => ({
  id,
  eTag: `"${id},1"`,
  values: {
    Title: `Asset ${id}`,
    mission: 'senegal',
    custodian: 'amina@example.org',
    owner: 'owner@example.org',
    sensitivity: 'Internal',
    retention: '5 years',
    lastReviewed: '2024-06-01',
    ...values,
  } as DomainRecord['values'],
});
