import type { FieldDef, RegisterSchema } from '../schema/types';

export const findField = (schema: RegisterSchema, name: string): FieldDef | undefined =>
  schema.fields.find((f) => f.name === name);

/** For schema-internal names that must exist (a typo is a programming error, caught by the schema tests). */
export const fieldOrThrow = (schema: RegisterSchema, name: string): FieldDef => {
  const field = findField(schema, name);
  if (!field) throw new Error(`${schema.id} has no field ${name}`);
  return field;
};
