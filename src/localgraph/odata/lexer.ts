// $filter lexer: turns the expression into tokens with their source position.

export type TokenKind =
  'identifier' | 'string' | 'number' | 'datetime' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value for string literals ('' unescaped) and numbers. */
  value?: string | number;
  position: number;
}

export class ODataSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'ODataSyntaxError';
  }
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*(\/[A-Za-z_$][A-Za-z0-9_$]*)*/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, position: i });
      i++;
      continue;
    }
    if (ch === "'") {
      // OData escapes a quote inside a literal by doubling it.
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= input.length) throw new ODataSyntaxError(`Unterminated string literal at position ${i}`, i);
        const c = input[j] as string;
        if (c === "'") {
          if (input[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += c;
        j++;
      }
      tokens.push({ kind: 'string', text: input.slice(i, j + 1), value, position: i });
      i = j + 1;
      continue;
    }
    const rest = input.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      tokens.push({ kind: 'datetime', text: dt[0], value: dt[0], position: i });
      i += dt[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num && (ch !== '-' || /\d/.test(input[i + 1] ?? ''))) {
      tokens.push({ kind: 'number', text: num[0], value: Number(num[0]), position: i });
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      tokens.push({ kind: 'identifier', text: id[0], position: i });
      i += id[0].length;
      continue;
    }
    throw new ODataSyntaxError(
      `Syntax error: character '${ch}' is not valid at position ${i} in '${input}'.`,
      i,
    );
  }
  tokens.push({ kind: 'eof', text: '', position: input.length });
  return tokens;
}

/** A well-formed query that uses something the service does not support (contains, endswith, any…). */
export class ODataUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ODataUnsupportedError';
  }
}
