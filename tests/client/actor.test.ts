// The actor the front ends build after sign-in, the same in both modes: GovernanceRoles read with the person's
// own token through their Graph session (localgraph here), then `actorFor` with the records in question.
import { actorSource, loadActorSource } from '../../src/client/actor';
import { createGraphSession } from '../../src/client/graph-session';
import { can } from '../../src/domain/roles';
import { asset, CUSTODIAN, FOCAL, HOST, OTHER, SCHEMA, startHarness, type Harness } from '../addin/harness';

const token = async (url: string, upn: string): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
};

describe('actor from GovernanceRoles (src/client/actor.ts)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      [asset(1), asset(2, { mission: 'senegal' })],
      [
        { email: FOCAL, role: 'focalPoint', missions: ['kenya'], active: true },
        { email: OTHER, role: 'officer', missions: [], active: true },
        // Ended: grants nothing.
        { email: CUSTODIAN, role: 'officer', missions: [], active: false },
      ],
    );
  });
  afterAll(() => h.close());

  const sourceFor = async (upn: string) => {
    const bearer = await token(h.graph.url, upn);
    const session = createGraphSession({
      config: { graphBaseUrl: h.graph.url, siteHostname: HOST, sitePath: '/sites/governance' },
      getToken: async () => bearer,
      retry: { delaySeconds: 0, maxRetries: 0 },
    });
    return loadActorSource(session, { upn });
  };

  it('reads a focal point and their missions with the person’s own token', async () => {
    const source = await sourceFor(FOCAL);
    expect(source.email).toBe(FOCAL);
    expect(source.assignments).toHaveLength(3);
    expect(source.actor()).toEqual({ email: FOCAL, roles: ['focalPoint'], missions: ['kenya'] });
    const records = await h.admin.list();
    const kenya = records.find((r) => r.values.mission === 'kenya');
    const senegal = records.find((r) => r.values.mission === 'senegal');
    expect(can(source.actor(kenya ? [kenya] : []), 'update', SCHEMA, kenya).allowed).toBe(true);
    expect(can(source.actor(senegal ? [senegal] : []), 'update', SCHEMA, senegal)).toEqual({
      allowed: false,
      reason: 'notOwnMission',
    });
  });

  it('reads an officer', async () => {
    const actor = (await sourceFor(OTHER)).actor();
    expect(actor.roles).toContain('officer');
    expect(can(actor, 'verify', { ...SCHEMA, verificationField: 'x' }).allowed).toBe(true);
  });

  it('makes a custodian of the records naming the person, a reader otherwise (inactive roles grant nothing)', async () => {
    const source = await sourceFor(CUSTODIAN);
    expect(source.actor()).toEqual({ email: CUSTODIAN, roles: ['reader'], missions: [] });
    const records = await h.admin.list();
    const actor = source.actor(records);
    expect(actor.roles).toEqual(['custodian']);
    expect(can(actor, 'update', SCHEMA, records[0]).allowed).toBe(true);
    const notHers = { ...asset(3), custodian: OTHER };
    expect(source.actor([notHers]).roles).toEqual(['reader']);
    expect(can(source.actor([notHers]), 'update', SCHEMA, notHers).allowed).toBe(false);
  });

  it('matches assignments on the lower-case e-mail', () => {
    const source = actorSource('Fatou.Ndiaye@Contoso.org', [
      { email: FOCAL, role: 'focalPoint', missions: ['kenya'], active: true },
    ]);
    expect(source.actor()).toEqual({ email: FOCAL, roles: ['focalPoint'], missions: ['kenya'] });
  });
});
