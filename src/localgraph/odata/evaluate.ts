// In-memory evaluation of a $filter over plain JSON entities (small collections such as lists).
import type { FilterNode, ValueNode } from './ast';
import { ODataUnsupportedError } from './lexer';

function valueOf(v: ValueNode, entity: Record<string, unknown>): unknown {
  if (v.kind === 'literal') return v.value;
  if (v.kind === 'field') {
    const key = Object.keys(entity).find((k) => k.toLowerCase() === v.name.toLowerCase());
    return key === undefined ? null : entity[key];
  }
  throw new ODataUnsupportedError(`The function '${v.name}' is not supported here.`);
}

const norm = (x: unknown): unknown => (typeof x === 'string' ? x.toLowerCase() : x);

export function evaluateFilter(node: FilterNode, entity: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, entity) && evaluateFilter(node.right, entity);
    case 'or':
      return evaluateFilter(node.left, entity) || evaluateFilter(node.right, entity);
    case 'not':
      return !evaluateFilter(node.operand, entity);
    case 'call': {
      if (node.name !== 'startswith')
        throw new ODataUnsupportedError(`The function '${node.name}' is not supported.`);
      const [a, b] = node.args;
      if (!a || !b) return false;
      return String(valueOf(a, entity) ?? '')
        .toLowerCase()
        .startsWith(String(valueOf(b, entity) ?? '').toLowerCase());
    }
    case 'compare': {
      const l = norm(valueOf(node.left, entity));
      const r = norm(valueOf(node.right, entity));
      switch (node.op) {
        case 'eq':
          return l === r;
        case 'ne':
          return l !== r;
        default: {
          if (typeof l !== typeof r || (typeof l !== 'string' && typeof l !== 'number')) return false;
          const a = l as string | number;
          const b = r as string | number;
          return node.op === 'gt' ? a > b : node.op === 'ge' ? a >= b : node.op === 'lt' ? a < b : a <= b;
        }
      }
    }
  }
}
