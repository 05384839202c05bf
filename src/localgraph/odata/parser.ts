// Recursive-descent $filter parser: or → and → not → primary (parenthesis, function call or comparison).
import type { ComparisonOp, FilterNode, ValueNode } from './ast';
import { ODataSyntaxError, tokenize, type Token } from './lexer';

const COMPARISON_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
/** Functions the parser knows; callers decide which ones they support. */
const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  'startswith',
  'endswith',
  'contains',
  'substringof',
  'tolower',
  'toupper',
  'any',
  'all',
  'length',
  'indexof',
]);

/**
 * Bounds that keep a hostile $filter a 400 (never a recursion blow-up or SQLite's "Expression tree is too large",
 * a 500): Graph documents no limits of its own, so these are localgraph's (README, known deviations).
 */
export const FILTER_LIMITS = { maxLength: 4096, maxDepth: 32, maxTerms: 100 } as const;

class Parser {
  private index = 0;
  private depth = 0;
  private terms = 0;

  private enter(): void {
    if (++this.depth > FILTER_LIMITS.maxDepth) {
      throw new ODataSyntaxError(
        `The $filter expression is nested more than ${FILTER_LIMITS.maxDepth} levels deep.`,
        this.peek().position,
      );
    }
  }

  private countTerm(): void {
    if (++this.terms > FILTER_LIMITS.maxTerms) {
      throw new ODataSyntaxError(
        `The $filter expression has more than ${FILTER_LIMITS.maxTerms} conditions.`,
        this.peek().position,
      );
    }
  }
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'identifier' && t.text.toLowerCase() === word;
  }

  private expect(kind: Token['kind'], what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) {
      throw new ODataSyntaxError(
        `Syntax error: expected ${what} at position ${t.position} in '${this.source}'.`,
        t.position,
      );
    }
    return this.next();
  }

  parse(): FilterNode {
    if (this.peek().kind === 'eof') throw new ODataSyntaxError('The $filter expression is empty.', 0);
    const node = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') {
      throw new ODataSyntaxError(
        `Syntax error at position ${t.position} in '${this.source}': unexpected '${t.text}'.`,
        t.position,
      );
    }
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.isKeyword('not')) {
      this.next();
      this.enter();
      const operand = this.parseNot();
      this.depth--;
      return { kind: 'not', operand };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    if (this.peek().kind === 'lparen') {
      this.next();
      this.enter();
      const inner = this.parseOr();
      this.depth--;
      this.expect('rparen', "')'");
      return inner;
    }
    this.countTerm();
    const left = this.parseValue();
    const t = this.peek();
    if (t.kind === 'identifier' && COMPARISON_OPS.has(t.text.toLowerCase())) {
      this.next();
      const right = this.parseValue();
      return { kind: 'compare', op: t.text.toLowerCase() as ComparisonOp, left, right };
    }
    if (left.kind === 'call') return { kind: 'call', name: left.name, args: left.args };
    throw new ODataSyntaxError(
      `Syntax error: expected a comparison operator at position ${t.position} in '${this.source}'.`,
      t.position,
    );
  }

  private parseValue(): ValueNode {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: t.value as string };
      case 'number':
        return { kind: 'literal', type: 'number', value: t.value as number };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: t.value as string };
      case 'identifier': {
        const lower = t.text.toLowerCase();
        if (lower === 'true' || lower === 'false')
          return { kind: 'literal', type: 'boolean', value: lower === 'true' };
        if (lower === 'null') return { kind: 'literal', type: 'null', value: null };
        if (this.peek().kind === 'lparen') {
          if (!KNOWN_FUNCTIONS.has(lower) && !t.text.includes('/')) {
            throw new ODataSyntaxError(`An unknown function with name '${t.text}' was found.`, t.position);
          }
          return this.parseCall(lower.includes('/') ? (lower.split('/').pop() as string) : lower, t);
        }
        if (lower.startsWith('fields/')) return { kind: 'field', scope: 'fields', name: t.text.slice(7) };
        return { kind: 'field', scope: 'entity', name: t.text };
      }
      default:
        throw new ODataSyntaxError(
          `Syntax error: expected a value at position ${t.position} in '${this.source}'.`,
          t.position,
        );
    }
  }

  private parseCall(name: string, at: Token): ValueNode {
    this.expect('lparen', "'('");
    const args: ValueNode[] = [];
    if (name === 'any' || name === 'all') {
      throw new ODataSyntaxError(`Lambda operator '${name}' is not supported.`, at.position);
    }
    if (this.peek().kind !== 'rparen') {
      args.push(this.parseValue());
      while (this.peek().kind === 'comma') {
        this.next();
        args.push(this.parseValue());
      }
    }
    this.expect('rparen', "')'");
    return { kind: 'call', name, args };
  }
}

export function parseFilter(input: string): FilterNode {
  if (input.length > FILTER_LIMITS.maxLength) {
    throw new ODataSyntaxError(
      `The $filter expression is longer than ${FILTER_LIMITS.maxLength} characters.`,
      0,
    );
  }
  return new Parser(tokenize(input), input).parse();
}
