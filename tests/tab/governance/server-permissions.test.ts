// The verification rule holds on the server: the officers-only lists refuse a custodian (403 from
// localgraph's unique list permissions), accept an officer, and everyone can read the decisions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HEALTH_CONTROLS, scorecard, toSnapshot } from '../../../src/domain/health';
import { materialFingerprint, OFFICERS_GROUP } from '../../../src/domain/governance';
import type { VerificationEntry } from '../../../src/domain/governance';
import { AI_REGISTRY } from '../../../src/domain/registers';
import type { RegisterId } from '../../../src/domain/schema/types';
import { createGraphClient, createUser, isGraphError } from '../../../src/graph';
import { startLocalGraph } from '../../../src/localgraph';
import type { LocalGraphHandle } from '../../../src/localgraph';
import {
  openGovernanceSite,
  openRegisters,
  provisionGovernanceSite,
} from '../../../src/cli/pipeline/governance-site';
import { provisionGovernanceUnitLists } from '../../../src/cli/pipeline/governance-unit-lists';
import {
  adminTokenProvider,
  localTokenProvider,
  setGroupMembers,
  setSiteRole,
} from '../../../src/cli/pipeline/local-identity';
import { createGraphSession } from '../../../src/client/graph-session';
import { createGraphGovernanceServices } from '../../../src/tab/views/governance/services/graph-governance-services';
import type { GovernanceServices } from '../../../src/tab/views/governance/services/governance-services';

const SECRET = 'gov-test-secret';
const OFFICER = 'ines.moreau@contoso.org';
const CUSTODIAN = 'amina.diallo@contoso.org';

describe('governance lists permissions (localgraph)', () => {
  let dir: string;
  let graph: LocalGraphHandle;
  let officer: GovernanceServices;
  let custodian: GovernanceServices;
  let systemId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gh-gov-'));
    graph = await startLocalGraph({
      dbPath: join(dir, 'graph.db'),
      port: 0,
      hostname: 'contoso.sharepoint.com',
      sites: [{ path: 'governance', displayName: 'Governance Hub' }],
      adminSecret: SECRET,
    });
    const getToken = adminTokenProvider({ url: graph.url, adminSecret: SECRET });
    const client = createGraphClient({ baseUrl: graph.url, getToken });
    const site = await openGovernanceSite({
      client,
      hostname: 'contoso.sharepoint.com',
      sitePath: '/sites/governance',
    });
    const report = await provisionGovernanceSite(site);
    for (const [upn, name] of [
      [OFFICER, 'Inès Moreau'],
      [CUSTODIAN, 'Amina Diallo'],
    ] as const)
      await createUser(client, { displayName: name, userPrincipalName: upn });
    const admin = { url: graph.url, getToken };
    await setSiteRole({ ...admin, siteId: site.siteId, principal: OFFICER, role: 'owner' });
    await setSiteRole({ ...admin, siteId: site.siteId, principal: CUSTODIAN, role: 'member' });
    await setGroupMembers({ ...admin, group: OFFICERS_GROUP, members: [OFFICER] });
    const unit = await provisionGovernanceUnitLists(site, admin);
    // Other officers-only lists (e.g. ReminderOutcomes, the bot's) may join these two.
    expect(unit.restricted).toEqual(expect.arrayContaining(['AiVerifications', 'GovernanceSettings']));
    const registers = openRegisters(site, report.listIds as Record<RegisterId, string>);
    const system = await registers.repositories.aiRegistry.create({
      Title: 'Recruitment screener',
      purpose: 'Ranks job applications.',
      provider: 'Contoso AI',
      deploymentStatus: 'Pilot',
      mission: 'kenya',
      region: 'africa',
      custodian: CUSTODIAN,
      businessOwner: OFFICER,
      aiActRole: 'Deployer',
      riskTier: 'High',
      verificationStatus: 'Submitted',
      reviewCycle: 'Quarterly',
      lastReviewed: '2026-01-10',
    });
    systemId = String(system.id);
    const services = (upn: string, roles: ('officer' | 'custodian')[]) =>
      createGraphGovernanceServices({
        session: createGraphSession({
          config: {
            graphBaseUrl: graph.url,
            siteHostname: 'contoso.sharepoint.com',
            sitePath: '/sites/governance',
          },
          getToken: localTokenProvider({ url: graph.url, credentials: { upn } }),
        }),
        me: { email: upn, displayName: upn },
        actor: { email: upn, roles, missions: [] },
      });
    officer = services(OFFICER, ['officer']);
    custodian = services(CUSTODIAN, ['custodian']);
  });

  afterAll(async () => {
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const entry = (by: string): VerificationEntry => ({
    systemId,
    decision: 'verified',
    tier: 'High',
    comment: null,
    decidedBy: by,
    decidedAt: new Date().toISOString(),
    fingerprint: materialFingerprint({ purpose: 'Ranks job applications.' }),
    reviewBatch: null,
  });

  it('refuses a custodian’s verification decision with 403', async () => {
    const error = await custodian
      .recordDecision(entry(CUSTODIAN), 'Recruitment screener')
      .catch((e: unknown) => e);
    expect(isGraphError(error) && error.status).toBe(403);
  });

  it('accepts an officer’s decision, which everyone can read back', async () => {
    const saved = await officer.recordDecision(entry(OFFICER), 'Recruitment screener');
    expect(saved.id).toBeDefined();
    const seen = await custodian.load();
    expect(seen.decisions).toEqual([
      expect.objectContaining({ systemId, decision: 'verified', decidedBy: OFFICER }),
    ]);
    expect(seen.systems.map((s) => s.values.Title)).toEqual(['Recruitment screener']);
  });

  it('keeps the health controls for officers, and snapshots for everyone', async () => {
    const controls = { ...DEFAULT_HEALTH_CONTROLS, target: 75 };
    const refused = await custodian.saveHealthControls(controls).catch((e: unknown) => e);
    expect(isGraphError(refused) && refused.status).toBe(403);
    await officer.saveHealthControls(controls);
    expect(await custodian.loadHealthControls()).toEqual(controls);
    const snap = toSnapshot(scorecard(AI_REGISTRY, [], { now: '2026-02-01', groupBy: 'mission' }));
    await custodian.saveSnapshot(snap);
    await custodian.saveSnapshot(snap); // same day again: replaced, not duplicated
    expect(await officer.listSnapshots()).toEqual([snap]);
  });

  it('lets the custodian write the registry item itself (submit lives there)', async () => {
    const [system] = (await custodian.load()).systems;
    const updated = await custodian.update(
      'aiRegistry',
      systemId,
      { verificationStatus: 'Draft' },
      system?.eTag ?? '',
    );
    expect(updated.values.verificationStatus).toBe('Draft');
    expect((await custodian.systemVersions(systemId)).length).toBeGreaterThanOrEqual(2);
  });
});
