// $filter AST. Printed as S-expressions for tests: (and (eq (field Status) "Active") (gt (field RecordCount) 100)).

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type LiteralValue = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOp; left: ValueNode; right: ValueNode }
  | { kind: 'call'; name: string; args: ValueNode[] };

export type ValueNode =
  /** scope 'fields' for `fields/X` (list items); 'entity' for a bare property (`displayName`). */
  | { kind: 'field'; scope: 'fields' | 'entity'; name: string }
  | { kind: 'literal'; type: 'string' | 'number' | 'boolean' | 'null' | 'datetime'; value: LiteralValue }
  | { kind: 'call'; name: string; args: ValueNode[] };

function printValue(v: ValueNode): string {
  switch (v.kind) {
    case 'field':
      return v.scope === 'fields' ? `(field ${v.name})` : `(prop ${v.name})`;
    case 'literal':
      if (v.type === 'string') return JSON.stringify(v.value);
      if (v.type === 'datetime') return `(datetime ${String(v.value)})`;
      return String(v.value);
    case 'call':
      return `(${v.name}${v.args.map((a) => ' ' + printValue(a)).join('')})`;
  }
}

export function toSExpression(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.kind} ${toSExpression(node.left)} ${toSExpression(node.right)})`;
    case 'not':
      return `(not ${toSExpression(node.operand)})`;
    case 'compare':
      return `(${node.op} ${printValue(node.left)} ${printValue(node.right)})`;
    case 'call':
      return printValue(node);
  }
}

/** Every field a filter references, in order of appearance. */
export function referencedFields(node: FilterNode): Array<{ scope: 'fields' | 'entity'; name: string }> {
  const out: Array<{ scope: 'fields' | 'entity'; name: string }> = [];
  const visitValue = (v: ValueNode): void => {
    if (v.kind === 'field') out.push({ scope: v.scope, name: v.name });
    else if (v.kind === 'call') v.args.forEach(visitValue);
  };
  const visit = (n: FilterNode): void => {
    switch (n.kind) {
      case 'and':
      case 'or':
        visit(n.left);
        visit(n.right);
        break;
      case 'not':
        visit(n.operand);
        break;
      case 'compare':
        visitValue(n.left);
        visitValue(n.right);
        break;
      case 'call':
        n.args.forEach(visitValue);
    }
  };
  visit(node);
  return out;
}
