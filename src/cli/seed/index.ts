// Demo data: a deterministic generator (pure) and the people the sign-in page offers.
export { generateDemoData, DEFAULT_SEED } from './generate';
export type { DemoData, DemoDataOptions } from './generate';
export { DEMO_PERSONA_SPECS, SITE_ROLE_OF, generatePeople } from './people';
export type { DemoPerson, DemoPersonaSpec, Persona, SiteRole, PreferredLanguage } from './people';
export { createRng } from './prng';
export type { Rng } from './prng';
export { HEALTH_MIX, healthIntents } from './health-mix';
export type { HealthIntent } from './health-mix';
export type { SeedRecord } from './seed-record';
export { ordinalId, resolvedValues, validateSeedRecord } from './validate-seed';
export type { SeedValidation } from './validate-seed';
export { demoRoleAssignments } from './role-assignments';
