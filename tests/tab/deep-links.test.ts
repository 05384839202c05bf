import {
  buildRecordTabUrl,
  buildRecordTeamsDeepLink,
  parseRecordSubEntityId,
  parseTabLocation,
  routeHash,
} from '../../src/tab/deep-links';

describe('deep links', () => {
  it('builds the tab URL of a record', () => {
    expect(buildRecordTabUrl('https://gh.contoso.org/', { register: 'dataInventory', id: '17' })).toBe(
      'https://gh.contoso.org/tab/#/records/dataInventory/17',
    );
  });

  it('builds a Teams deep link whose context carries the record', () => {
    const link = buildRecordTeamsDeepLink(
      { teamsAppId: '00000000-0000-0000-0000-000000000001', tabEndpoint: 'https://gh.contoso.org' },
      { register: 'aiRegistry', id: '4' },
    );
    const url = new URL(link);
    expect(url.origin).toBe('https://teams.microsoft.com');
    expect(url.pathname).toBe('/l/entity/00000000-0000-0000-0000-000000000001/governanceHub');
    expect(JSON.parse(url.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: 'aiRegistry:4' });
    expect(url.searchParams.get('webUrl')).toBe('https://gh.contoso.org/tab/#/records/aiRegistry/4');
  });

  it.each([
    [
      '#/records/dataInventory/17',
      '',
      { name: 'record', ref: { register: 'dataInventory', id: '17' }, view: 'edit' },
    ],
    [
      '#/records/riskRegister/3/history',
      '',
      { name: 'record', ref: { register: 'riskRegister', id: '3' }, view: 'history' },
    ],
    ['#/browse', '', { name: 'browse' }],
    [
      '',
      '?register=aiRegistry&id=9',
      { name: 'record', ref: { register: 'aiRegistry', id: '9' }, view: 'edit' },
    ],
    [
      '',
      '?subEntityId=dataInventory:5',
      { name: 'record', ref: { register: 'dataInventory', id: '5' }, view: 'edit' },
    ],
    ['#/records/unknown/1', '', { name: 'mine' }],
    ['', '', { name: 'mine' }],
  ])('parses %s%s', (hash, search, route) => {
    expect(parseTabLocation(hash, search)).toEqual(route);
  });

  it('round-trips routes through the hash', () => {
    const route = { name: 'record', ref: { register: 'aiRegistry', id: '12' }, view: 'history' } as const;
    expect(parseTabLocation(routeHash(route))).toEqual(route);
  });

  it('rejects malformed subEntityIds', () => {
    expect(parseRecordSubEntityId('nope')).toBeUndefined();
    expect(parseRecordSubEntityId('bogus:1')).toBeUndefined();
    expect(parseRecordSubEntityId(undefined)).toBeUndefined();
  });
});
