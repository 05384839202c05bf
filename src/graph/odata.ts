// OData literals and $filter building. Every value that reaches a URL goes through here, so a quote in a
// value can never end the literal early (`O'Brien` -> `'O''Brien'`).

/** A quoted OData string literal with `'` doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export type ODataPrimitive = string | number | boolean | null;

/** A literal for any primitive. SharePoint compares booleans as 1/0 (`fields/HasPersonalData eq 1`). */
export function odataLiteral(value: ODataPrimitive): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  return odataString(value);
}

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'startsWith';

/** `fields/{name}` comparisons; the property path is checked so a name cannot carry an expression. */
export function odataComparison(property: string, op: ComparisonOperator, literal: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/.test(property)) {
    throw new RangeError(`Not a property path: ${property}`);
  }
  return op === 'startsWith' ? `startswith(${property},${literal})` : `${property} ${op} ${literal}`;
}
