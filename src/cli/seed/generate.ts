// The demo data set as one pure function: seed + reference date -> people and records (domain values).
import { MISSIONS } from '../../domain/reference';
import type { Mission } from '../../domain/reference';
import type { RegisterId } from '../../domain/schema/types';
import { generateAiSystems } from './ai-systems';
import { generateInventory } from './inventory';
import { generatePeople } from './people';
import type { DemoPerson } from './people';
import { createRng } from './prng';
import { generateRisks } from './risks';
import type { SeedRecord } from './seed-record';

export interface DemoDataOptions {
  /** Same seed and date, same data. */
  readonly seed: string | number;
  /** 'YYYY-MM-DD': freshness and due dates are relative to it (the seed command passes today). */
  readonly today: string;
  readonly emailDomain?: string;
  readonly missions?: readonly Mission[];
  readonly siteHostname?: string;
}

export interface DemoData {
  readonly people: readonly DemoPerson[];
  readonly records: Readonly<Record<RegisterId, readonly SeedRecord[]>>;
}

export const DEFAULT_SEED = 'governance-hub-demo';

export function generateDemoData(options: DemoDataOptions): DemoData {
  const rng = createRng(options.seed);
  const missions = options.missions ?? MISSIONS;
  const people = generatePeople({
    rng: rng.fork('people'),
    missions,
    emailDomain: options.emailDomain ?? 'contoso.org',
  });
  const common = { today: options.today, missions, people };
  const dataInventory = generateInventory({
    ...common,
    rng: rng.fork('inventory'),
    ...(options.siteHostname ? { siteHostname: options.siteHostname } : {}),
  });
  const aiRegistry = generateAiSystems({ ...common, rng: rng.fork('ai'), assets: dataInventory });
  const riskRegister = generateRisks({
    ...common,
    rng: rng.fork('risks'),
    assets: dataInventory,
    aiSystems: aiRegistry,
  });
  return { people, records: { dataInventory, aiRegistry, riskRegister } };
}
