import { UTF8_BOM, csvCell, neutraliseFormula, quoteCsvCell, toCsv } from '../../src/cli/csv';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded ', '" padded "'],
    ['', ''],
  ])('quotes %j as %j (RFC 4180)', (input, expected) => {
    expect(quoteCsvCell(input)).toBe(expected);
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ['safe = text', 'safe = text'],
    ['', ''],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('neutralises before quoting, so a formula with a comma is both prefixed and quoted', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('renders domain values', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(true)).toBe('TRUE');
    expect(csvCell(['a@x.org', 'b@x.org'])).toBe('a@x.org; b@x.org');
    expect(csvCell(['-x', 'y'])).toBe("'-x; y");
    expect(csvCell('ليلى منصور')).toBe('ليلى منصور');
  });

  it('joins rows with CRLF and starts with a UTF-8 BOM', () => {
    const text = toCsv([
      ['Title', 'Owner'],
      ['Payroll, HQ', 'élodie.lefevre@contoso.org'],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}Title,Owner\r\n"Payroll, HQ",élodie.lefevre@contoso.org\r\n`);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});
