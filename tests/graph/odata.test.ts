import { odataComparison, odataLiteral, odataString, withQuery } from '../../src/graph';

describe('odataString', () => {
  it.each([
    ["O'Brien", "'O''Brien'"],
    ['plain', "'plain'"],
    ["''", "''''''"],
    ['', "''"],
  ])('%s -> %s', (value, expected) => expect(odataString(value)).toBe(expected));

  it('keeps an injection attempt inside the literal', () => {
    const attack = "x' or fields/Status ne 'y";
    const filter = odataComparison('fields/Title', 'eq', odataString(attack));
    expect(filter).toBe("fields/Title eq 'x'' or fields/Status ne ''y'");
    // Unquoting the one literal gives back exactly the attack text: no operator escaped from it.
    const literal = filter.slice('fields/Title eq '.length);
    expect(/^'(?:[^']|'')*'$/.test(literal)).toBe(true);
    expect(literal.slice(1, -1).replace(/''/g, "'")).toBe(attack);
    // And on the wire, & and # cannot cut the query string.
    expect(
      withQuery('/items', { $filter: odataComparison('fields/Title', 'eq', odataString('a&$top=1#')) }),
    ).toBe("/items?$filter=fields%2FTitle%20eq%20'a%26%24top%3D1%23'");
  });
});

describe('odataLiteral / odataComparison', () => {
  it('formats primitives as SharePoint expects', () => {
    expect(odataLiteral(true)).toBe('1');
    expect(odataLiteral(false)).toBe('0');
    expect(odataLiteral(12.5)).toBe('12.5');
    expect(odataLiteral(null)).toBe('null');
    expect(() => odataLiteral(Number.NaN)).toThrow(RangeError);
  });
  it('builds startswith and rejects property paths carrying expressions', () => {
    expect(odataComparison('fields/Title', 'startsWith', "'Pay'")).toBe("startswith(fields/Title,'Pay')");
    expect(() => odataComparison('fields/Title eq 1 or fields/X', 'eq', '1')).toThrow(RangeError);
  });
});
