// Compiles a $filter AST into a SQL boolean expression with bound parameters. User text never enters the SQL
// string: field expressions come from the resolver (fixed templates), every literal becomes a `?` parameter.
import type { ComparisonOp, FilterNode, LiteralValue, ValueNode } from './ast';
import { ODataSyntaxError, ODataUnsupportedError } from './lexer';

export type SqlParam = string | number | null;

/** How a field is stored: decides how literals are coerced and which SQL shape a comparison takes. */
export type FieldKind = 'text' | 'number' | 'boolean' | 'datetime' | 'lookupId' | 'multiText' | 'multiLookup';

export interface ResolvedField {
  /** A SQL expression template from the store, e.g. `json_extract(fields, ?)`. */
  sql: string;
  params: SqlParam[];
  kind: FieldKind;
}

export type FieldResolver = (field: { scope: 'fields' | 'entity'; name: string }) => ResolvedField;

export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

const SQL_OPS: Record<ComparisonOp, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const FLIP: Record<ComparisonOp, ComparisonOp> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

function normaliseDate(value: LiteralValue): string {
  const d = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(d.getTime())) {
    throw new ODataSyntaxError(`The value '${String(value)}' is not a valid date and time.`, 0);
  }
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coerce(kind: FieldKind, lit: Extract<ValueNode, { kind: 'literal' }>): SqlParam {
  const v = lit.value;
  if (v === null) return null;
  switch (kind) {
    case 'number':
    case 'lookupId':
    case 'multiLookup': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (Number.isNaN(n)) throw new ODataSyntaxError(`The value '${String(v)}' is not a valid number.`, 0);
      return n;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (v === 0 || v === 1) return v;
      if (v === '0' || v === '1') return Number(v);
      throw new ODataSyntaxError(`The value '${String(v)}' is not a valid boolean.`, 0);
    case 'datetime':
      return normaliseDate(v);
    case 'text':
    case 'multiText':
      return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function compileFilter(
  node: FilterNode,
  resolve: FieldResolver,
  supportedFunctions: ReadonlySet<string> = new Set(['startswith']),
): SqlFragment {
  const params: SqlParam[] = [];

  const compileCall = (name: string, args: ValueNode[]): string => {
    if (!supportedFunctions.has(name)) {
      throw new ODataUnsupportedError(`The function '${name}' is not supported in this query.`);
    }
    const [field, lit] = args;
    if (args.length !== 2 || field?.kind !== 'field' || lit?.kind !== 'literal' || lit.type !== 'string') {
      throw new ODataSyntaxError(`Function '${name}' expects a field and a string literal.`, 0);
    }
    const f = resolve(field);
    params.push(...f.params, escapeLike(String(lit.value)) + '%');
    return `(${f.sql} LIKE ? ESCAPE '\\')`;
  };

  const compileCompare = (op: ComparisonOp, left: ValueNode, right: ValueNode): string => {
    if (left.kind === 'literal' && right.kind === 'field') return compileCompare(FLIP[op], right, left);
    if (left.kind !== 'field' || right.kind !== 'literal') {
      throw new ODataUnsupportedError('Only comparisons between a field and a literal value are supported.');
    }
    const f = resolve(left);
    const value = coerce(f.kind, right);
    if (value === null) {
      if (op !== 'eq' && op !== 'ne')
        throw new ODataSyntaxError('null can only be compared with eq or ne.', 0);
      params.push(...f.params);
      return `(${f.sql} IS ${op === 'eq' ? '' : 'NOT '}NULL)`;
    }
    if (f.kind === 'multiText' || f.kind === 'multiLookup') {
      if (op !== 'eq' && op !== 'ne')
        throw new ODataUnsupportedError('Only eq and ne apply to multi-value fields.');
      // eq on a multi-value field means "one of the values is", as in SharePoint.
      params.push(...f.params, value);
      const exists = `EXISTS (SELECT 1 FROM json_each(${f.sql}) WHERE json_each.value = ?${f.kind === 'multiText' ? ' COLLATE NOCASE' : ''})`;
      return op === 'eq' ? exists : `(NOT ${exists})`;
    }
    const collate = f.kind === 'text' ? ' COLLATE NOCASE' : '';
    if (op === 'ne') {
      params.push(...f.params, ...f.params, value);
      return `(${f.sql} IS NULL OR ${f.sql} <> ?${collate})`;
    }
    params.push(...f.params, value);
    return `(${f.sql} ${SQL_OPS[op]} ?${collate})`;
  };

  const visit = (n: FilterNode): string => {
    switch (n.kind) {
      case 'and':
      case 'or': {
        const l = visit(n.left);
        const r = visit(n.right);
        return `(${l} ${n.kind === 'and' ? 'AND' : 'OR'} ${r})`;
      }
      case 'not':
        return `(NOT ${visit(n.operand)})`;
      case 'compare':
        return compileCompare(n.op, n.left, n.right);
      case 'call':
        return compileCall(n.name, n.args);
    }
  };

  const sql = visit(node);
  return { sql, params };
}
