import { REGISTERS } from '../../src/domain/registers';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import { recordHealth } from '../../src/domain/health';
import { parseTriageAnswers, triage } from '../../src/domain/ai-act';
import { RISK_TIER_CHOICE } from '../../src/domain/registers';
import {
  DEMO_PERSONA_SPECS,
  HEALTH_MIX,
  createRng,
  generateDemoData,
  ordinalId,
  validateSeedRecord,
} from '../../src/cli/seed';
import type { DemoData, SeedRecord } from '../../src/cli/seed';

const TODAY = '2026-11-24';
const data: DemoData = generateDemoData({ seed: 'test-seed', today: TODAY });
const all: SeedRecord[] = Object.values(data.records).flat();

describe('PRNG', () => {
  it('is deterministic and forks independent streams', () => {
    const a = createRng('s');
    const b = createRng('s');
    const draws = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng('s').fork('x').next()).toBe(createRng('s').fork('x').next());
    expect(createRng('s').fork('x').next()).not.toBe(createRng('s').fork('y').next());
  });
});

describe('generateDemoData', () => {
  it('is a pure function of seed and date', () => {
    expect(generateDemoData({ seed: 'test-seed', today: TODAY })).toEqual(data);
    expect(generateDemoData({ seed: 'other-seed', today: TODAY })).not.toEqual(data);
  });

  it('generates enough people, in every persona and language, with unique lower-case e-mails', () => {
    const { people } = data;
    expect(people.length).toBeGreaterThanOrEqual(60);
    const emails = people.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@contoso\.org$/);
    expect(new Set(people.map((p) => p.preferredLanguage))).toEqual(
      new Set(['en-US', 'fr-FR', 'es-ES', 'ar-SA']),
    );
    expect(people.some((p) => /[\u0600-\u06FF]/.test(p.displayName))).toBe(true);
    expect(people.some((p) => /[À-ÿ]/.test(p.displayName))).toBe(true);
    expect(people.filter((p) => p.persona === 'officer').length).toBeGreaterThanOrEqual(1);
    expect(people.filter((p) => p.persona === 'reader').length).toBeGreaterThanOrEqual(1);
    for (const mission of MISSIONS) {
      expect(people.filter((p) => p.persona === 'focalPoint' && p.missionId === mission.id)).toHaveLength(1);
      expect(people.some((p) => p.persona === 'custodian' && p.missionId === mission.id)).toBe(true);
    }
    const role = {
      officer: 'owner',
      focalPoint: 'member',
      custodian: 'member',
      owner: 'member',
      reader: 'visitor',
    };
    for (const p of people) expect(p.siteRole).toBe(role[p.persona]);
  });

  it('includes the named sign-in personas with fixed e-mails', () => {
    for (const spec of DEMO_PERSONA_SPECS) {
      const person = data.people.find((p) => p.email === `${spec.ascii}@contoso.org`);
      expect(person).toMatchObject({ persona: spec.persona, missionId: spec.missionId });
    }
    expect(data.people.find((p) => p.email === 'amina.diallo@contoso.org')?.displayName).toBe('Amina Diallo');
  });

  it('produces the expected volumes across missions and regions', () => {
    const { dataInventory, aiRegistry, riskRegister } = data.records;
    expect(dataInventory.length).toBeGreaterThanOrEqual(400);
    expect(aiRegistry.length).toBeGreaterThanOrEqual(40);
    expect(riskRegister.length).toBeGreaterThanOrEqual(60);
    const missions = new Set(dataInventory.map((r) => r.values.mission));
    const regions = new Set(dataInventory.map((r) => r.values.region));
    expect(missions.size).toBeGreaterThanOrEqual(12);
    expect(regions.size).toBeGreaterThanOrEqual(4);
    for (const region of regions) expect(REGION_IDS).toContain(region);
    // Titles are unique within a register (people find records by name).
    expect(new Set(dataInventory.map((r) => r.values.Title)).size).toBe(dataInventory.length);
    // Amina has records to look after, some of them due.
    const amina = dataInventory.filter((r) => r.values.custodian === 'amina.diallo@contoso.org');
    expect(amina.length).toBeGreaterThan(3);
  });

  it('passes domain validation; only incomplete records miss required answers', () => {
    for (const record of all) {
      const result = validateSeedRecord(record, ordinalId);
      expect({ key: record.key, unexpected: result.unexpected }).toEqual({ key: record.key, unexpected: [] });
      if (record.intent === 'incomplete' || record.intent === 'noCustodian') {
        expect(result.expected.length).toBeGreaterThan(0);
      }
    }
  });

  it('matches the intended health mix, as judged by the domain health checks', () => {
    for (const [register, records] of Object.entries(data.records)) {
      const schema = REGISTERS[register as keyof typeof REGISTERS];
      const counts = { healthy: 0, stale: 0, incomplete: 0, noCustodian: 0 };
      for (const record of records) {
        const health = recordHealth(schema, validateSeedRecord(record, ordinalId).values, { now: TODAY });
        counts[record.intent]++;
        switch (record.intent) {
          case 'healthy':
            expect({ key: record.key, healthy: health.healthy }).toEqual({ key: record.key, healthy: true });
            break;
          case 'stale':
            expect(health.checks.fresh.pass).toBe(false);
            expect(health.checks.complete.pass).toBe(true);
            break;
          case 'incomplete':
            expect(health.checks.complete.pass).toBe(false);
            expect(health.checks.fresh.pass).toBe(true);
            break;
          case 'noCustodian':
            expect(health.checks.owned.pass).toBe(false);
            break;
        }
      }
      for (const [intent, share] of Object.entries(HEALTH_MIX)) {
        expect(Math.abs(counts[intent as keyof typeof counts] / records.length - share)).toBeLessThan(0.02);
      }
    }
  });

  it('spreads stale records over different overdue lengths', () => {
    const schema = REGISTERS.dataInventory;
    const overdue = data.records.dataInventory
      .filter((r) => r.intent === 'stale')
      .map((r) => recordHealth(schema, r.values, { now: TODAY }).checks.fresh.overdueDays ?? 0);
    expect(overdue.some((d) => d <= 7)).toBe(true);
    expect(overdue.some((d) => d > 30 && d <= 90)).toBe(true);
    expect(overdue.some((d) => d > 90)).toBe(true);
  });

  it('gives AI systems triage answers and a tier, and links them to assets of their mission', () => {
    const tiers = new Set(data.records.aiRegistry.map((r) => r.values.riskTier));
    expect(tiers).toEqual(new Set(['Prohibited', 'High', 'Limited', 'Minimal']));
    const assetsByKey = new Map(data.records.dataInventory.map((r) => [r.key, r]));
    for (const system of data.records.aiRegistry) {
      // The stored tier is exactly what the domain's triage gives the stored answers.
      const parsed = parseTriageAnswers(String(system.values.triageAnswers));
      if (!parsed.ok) throw new Error(`${system.key}: triage answers do not parse`);
      const result = triage(parsed.value);
      expect(system.values.riskTier).toBe(RISK_TIER_CHOICE[result.tier]);
      expect(system.values.gpai).toBe(result.gpai);
      for (const key of system.links.dataAssets ?? []) {
        expect(assetsByKey.get(key)?.values.mission).toBe(system.values.mission);
      }
    }
  });
});
