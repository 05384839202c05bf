// $select, $orderby and $expand parsers (small grammars next to the $filter parser).
import { ODataSyntaxError } from './lexer';

export interface OrderByTerm {
  scope: 'fields' | 'entity';
  name: string;
  desc: boolean;
}

export interface ExpandItem {
  name: string;
  /** Nested options without the `$` (select, expand, filter…). */
  options: Record<string, string>;
}

export function parseSelect(input: string | undefined): string[] | undefined {
  if (input === undefined) return undefined;
  return input
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseOrderBy(input: string): OrderByTerm[] {
  return input.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw new ODataSyntaxError(`Invalid $orderby clause '${part.trim()}'.`, 0);
    const path = m[1] as string;
    const desc = (m[2] ?? 'asc').toLowerCase() === 'desc';
    if (path.toLowerCase().startsWith('fields/')) return { scope: 'fields', name: path.slice(7), desc };
    return { scope: 'entity', name: path, desc };
  });
}

/** Splits on a separator at parenthesis depth 0. */
function splitTopLevel(input: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth < 0) throw new ODataSyntaxError(`Unbalanced parenthesis in '${input}'.`, i);
    } else if (c === sep && depth === 0) {
      parts.push(input.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new ODataSyntaxError(`Unbalanced parenthesis in '${input}'.`, input.length);
  parts.push(input.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** `fields(select=Title,Status)`, `fields($select=Title)`, `columns,items(expand=fields)`. */
export function parseExpand(input: string | undefined): ExpandItem[] {
  if (input === undefined) return [];
  return splitTopLevel(input, ',').map((part) => {
    const open = part.indexOf('(');
    if (open < 0) return { name: part, options: {} };
    if (!part.endsWith(')')) throw new ODataSyntaxError(`Invalid $expand clause '${part}'.`, 0);
    const name = part.slice(0, open).trim();
    const options: Record<string, string> = {};
    for (const opt of splitTopLevel(part.slice(open + 1, -1), ';')) {
      const eq = opt.indexOf('=');
      if (eq < 0) throw new ODataSyntaxError(`Invalid $expand option '${opt}'.`, 0);
      options[opt.slice(0, eq).trim().replace(/^\$/, '').toLowerCase()] = opt.slice(eq + 1).trim();
    }
    return { name, options };
  });
}
