import { compileFilter } from '../../../src/localgraph/odata/sql-compiler';
import { ODataSyntaxError, ODataUnsupportedError } from '../../../src/localgraph/odata/lexer';
import { parseFilter } from '../../../src/localgraph/odata/parser';
import { toSExpression } from '../../../src/localgraph/odata/ast';
import { parseExpand, parseOrderBy } from '../../../src/localgraph/odata/query-options';

describe('odata $filter parser', () => {
  it.each([
    ["fields/Status eq 'Active'", '(eq (field Status) "Active")'],
    [
      "fields/Status eq 'Active' and fields/RecordCount gt 100",
      '(and (eq (field Status) "Active") (gt (field RecordCount) 100))',
    ],
    [
      'fields/A eq 1 or fields/B eq 2 and fields/C eq 3',
      '(or (eq (field A) 1) (and (eq (field B) 2) (eq (field C) 3)))',
    ],
    [
      '(fields/A eq 1 or fields/B eq 2) and fields/C eq 3',
      '(and (or (eq (field A) 1) (eq (field B) 2)) (eq (field C) 3))',
    ],
    ["not fields/Status eq 'Retired'", '(not (eq (field Status) "Retired"))'],
    ["not (fields/Status eq 'Retired')", '(not (eq (field Status) "Retired"))'],
    ["startswith(fields/Title,'Pay')", '(startswith (field Title) "Pay")'],
    [
      "startswith(displayName,'a') or startswith(mail,'a')",
      '(or (startswith (prop displayName) "a") (startswith (prop mail) "a"))',
    ],
    ["fields/Title eq 'O''Neil'", '(eq (field Title) "O\'Neil")'],
    ["fields/Title eq 'x'' or 1 eq 1'", '(eq (field Title) "x\' or 1 eq 1")'],
    ['fields/HasPersonalData eq true', '(eq (field HasPersonalData) true)'],
    ['fields/Score ge -2.5', '(ge (field Score) -2.5)'],
    ['fields/Owner eq null', '(eq (field Owner) null)'],
    ["fields/Modified ge '2024-01-01T00:00:00Z'", '(ge (field Modified) "2024-01-01T00:00:00Z")'],
    ['fields/Modified lt 2024-01-01T00:00:00Z', '(lt (field Modified) (datetime 2024-01-01T00:00:00Z))'],
    [
      'fields/A ne 1 and fields/B le 2 and fields/C lt 3',
      '(and (and (ne (field A) 1) (le (field B) 2)) (lt (field C) 3))',
    ],
    ["contains(fields/Title,'x')", '(contains (field Title) "x")'],
    ['FIELDS/Status EQ 1', '(eq (field Status) 1)'],
  ])('%s', (input, expected) => {
    expect(toSExpression(parseFilter(input))).toBe(expected);
  });

  it.each([
    [''],
    ["fields/Status eq 'Active"],
    ['fields/Status eq'],
    ['(fields/A eq 1'],
    ['fields/A eq 1)'],
    ['fields/A 1'],
    ['fields/A eq 1 and'],
    ["fields/Tags/any(t: t eq 'x')"],
    ["frobnicate(fields/A,'x')"],
    ['fields/A eq 1 ; drop table items'],
  ])('rejects %s', (input) => {
    expect(() => parseFilter(input)).toThrow(ODataSyntaxError);
  });
});

describe('odata SQL compiler', () => {
  const resolve = (f: { name: string }) => ({
    sql: 'json_extract(fields, ?)',
    params: [`$."${f.name}"`],
    kind: f.name === 'N' ? ('number' as const) : ('text' as const),
  });

  it('binds every literal and field path as a parameter', () => {
    const sql = compileFilter(parseFilter("fields/T eq 'x'' or 1 eq 1' and fields/N gt 5"), resolve);
    expect(sql.sql).toBe('((json_extract(fields, ?) = ? COLLATE NOCASE) AND (json_extract(fields, ?) > ?))');
    expect(sql.params).toEqual(['$."T"', "x' or 1 eq 1", '$."N"', 5]);
  });

  it('escapes LIKE wildcards in startswith', () => {
    const sql = compileFilter(parseFilter("startswith(fields/T,'50%_')"), resolve);
    expect(sql.params).toEqual(['$."T"', '50\\%\\_%']);
  });

  it('refuses functions the caller does not support', () => {
    expect(() => compileFilter(parseFilter("endswith(fields/T,'x')"), resolve)).toThrow(
      ODataUnsupportedError,
    );
    expect(() => compileFilter(parseFilter("contains(fields/T,'x')"), resolve)).toThrow(
      ODataUnsupportedError,
    );
  });

  it('coerces literals by field kind', () => {
    expect(compileFilter(parseFilter("fields/N eq '12'"), resolve).params).toEqual(['$."N"', 12]);
    expect(() => compileFilter(parseFilter("fields/N eq 'abc'"), resolve)).toThrow(ODataSyntaxError);
  });
});

describe('odata $orderby and $expand', () => {
  it('parses orderby terms', () => {
    expect(parseOrderBy('fields/Modified desc, fields/Title')).toEqual([
      { scope: 'fields', name: 'Modified', desc: true },
      { scope: 'fields', name: 'Title', desc: false },
    ]);
    expect(() => parseOrderBy('fields/Title sideways')).toThrow(ODataSyntaxError);
  });

  it('parses both expand spellings and nesting', () => {
    expect(parseExpand('fields(select=Title,Status)')).toEqual([
      { name: 'fields', options: { select: 'Title,Status' } },
    ]);
    expect(parseExpand('fields($select=Title)')).toEqual([{ name: 'fields', options: { select: 'Title' } }]);
    expect(parseExpand('columns,items(expand=fields(select=Title))')).toEqual([
      { name: 'columns', options: {} },
      { name: 'items', options: { expand: 'fields(select=Title)' } },
    ]);
    expect(() => parseExpand('fields(select=Title')).toThrow(ODataSyntaxError);
  });
});
