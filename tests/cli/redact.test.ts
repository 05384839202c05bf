import { redactObject, redactText, redactValue } from '../../src/cli/redact';

describe('redaction', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

  it('removes JWTs, bearer values and known secrets from text', () => {
    expect(redactText(`token ${jwt} end`)).toBe('token [redacted] end');
    expect(redactText('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('secret is local-dev-admin-secret!', ['local-dev-admin-secret'])).toBe(
      'secret is [redacted]!',
    );
    // Too-short "secrets" would blank ordinary words.
    expect(redactText('a b c', ['b'])).toBe('a b c');
  });

  it('replaces values under secret-looking keys, deeply', () => {
    expect(
      redactObject({
        adminSecret: 'x',
        nested: { access_token: 'y', port: 4400 },
        list: [{ password: 'p' }],
      }),
    ).toEqual({
      adminSecret: '[redacted]',
      nested: { access_token: '[redacted]', port: 4400 },
      list: [{ password: '[redacted]' }],
    });
    expect(redactValue('')).toBe('(not set)');
    expect(redactValue(undefined)).toBe('(not set)');
  });
});
