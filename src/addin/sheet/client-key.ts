// New rows are created exactly once, even when a push is retried after a lost answer: each new row gets a random
// client key (kept in a hidden column and sent as a list column), and a key that was already sent once is looked
// up before it is created again. The list must have that column. Until the domain schema declares it, the add-in
// appends this definition to the register's fields (provisioning must create it; see the add-in README).
import { t } from '../../domain/schema/localized';
import type { FieldDef, RegisterSchema } from '../../domain/schema/types';

export const CLIENT_KEY_FIELD = 'clientKey';

export const clientKeyField: FieldDef = {
  name: CLIENT_KEY_FIELD,
  type: 'text',
  required: false,
  system: true,
  indexed: true,
  maxLength: 64,
  label: t('Import key', 'Clé d’import', 'Clave de importación', 'مفتاح الاستيراد'),
  help: t(
    'Set by the Excel add-in so a row is created only once.',
    'Renseignée par le complément Excel pour qu’une ligne ne soit créée qu’une fois.',
    'La completa el complemento de Excel para que una fila se cree una sola vez.',
    'يملؤه الوظيفة الإضافية لـ Excel حتى يُنشأ الصف مرة واحدة فقط.',
  ),
};

/** The register's schema with the client key field (unchanged when the domain already declares it). */
export const withClientKey = (schema: RegisterSchema): RegisterSchema =>
  schema.fields.some((f) => f.name === CLIENT_KEY_FIELD)
    ? schema
    : { ...schema, fields: [...schema.fields, clientKeyField] };

/** A random key (UUID v4 where available). */
export const newClientKey = (): string => {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
};
