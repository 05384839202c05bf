// Data inventory demo records: each mission keeps a realistic set of assets from the templates.
import type { Mission } from '../../domain/reference';
import { DATA_INVENTORY, OUTSIDE_PARTIES } from '../../domain/registers/data-inventory';
import type { FieldValue } from '../../domain/schema/types';
import { ASSET_TEMPLATES } from './asset-templates';
import type { AssetTemplate } from './asset-templates';
import { defaultReviewCycle } from '../../domain/schema/conditions';
import { healthIntents, reviewedOn } from './health-mix';
import type { DemoPerson } from './people';
import type { Rng } from './prng';
import type { SeedRecord } from './seed-record';

export interface InventoryOptions {
  readonly rng: Rng;
  readonly today: string;
  readonly missions: readonly Mission[];
  readonly people: readonly DemoPerson[];
  /** Assets per country office; headquarters units keep only the templates that apply to them. */
  readonly assetsPerMission?: number;
  readonly siteHostname?: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const CLOUD_COUNTRIES = ['Ireland', 'Netherlands', 'Switzerland', 'Germany'];
const outside = new Set<string>(OUTSIDE_PARTIES);

export function generateInventory(options: InventoryOptions): SeedRecord[] {
  const { rng, today, missions, people } = options;
  const perMission = options.assetsPerMission ?? 26;
  const host = options.siteHostname ?? 'contoso.sharepoint.com';

  // Which templates each mission keeps, then one flat list so the health mix spans the whole set.
  const planned: { mission: Mission; template: AssetTemplate }[] = [];
  for (const mission of missions) {
    const eligible = ASSET_TEMPLATES.filter((t) =>
      mission.kind === 'headquarters' ? t.scope !== 'field' : t.scope !== 'hq',
    );
    for (const template of rng.sample(eligible, perMission)) planned.push({ mission, template });
  }
  const intents = healthIntents(rng, planned.length);

  return planned.map(({ mission, template }, index) => {
    const intent = intents[index] ?? 'healthy';
    const staff = people.filter((p) => p.missionId === mission.id);
    const custodians = staff.filter((p) => p.persona === 'custodian' || p.persona === 'focalPoint');
    const owners = staff.filter((p) => p.persona === 'owner' || p.persona === 'officer');
    const custodian = rng.pick(custodians.length > 0 ? custodians : people);
    const owner = rng.pick(owners.length > 0 ? owners : people);

    const location = rng.pick(template.locations);
    const personal = template.dataSubjects.length > 0;
    const sharedWith = template.sharedWith.filter(() => rng.chance(0.7));
    const sharedOutside = sharedWith.some((s) => outside.has(s));
    const code = mission.code;
    const systemUrl =
      location === 'SharePoint or OneDrive' || location === 'Teams'
        ? `https://${host}/sites/${slug(mission.id)}/Shared%20Documents/${slug(template.name)}`
        : location === 'Paper'
          ? null
          : `https://apps.contoso.org/${code.toLowerCase()}/${slug(template.name)}`;
    const hostingCountry =
      location === 'Cloud service'
        ? rng.pick(CLOUD_COUNTRIES)
        : location === 'SharePoint or OneDrive' || location === 'Teams'
          ? 'Netherlands'
          : mission.name.en;

    const values: Record<string, FieldValue> = {
      Title: `${template.name} – ${mission.name.en}`,
      description: template.description,
      assetType: template.assetType,
      mission: mission.id,
      region: mission.region,
      domain: template.domain,
      owner: owner.email,
      custodian: intent === 'noCustodian' ? null : custodian.email,
      location,
      systemUrl,
      hostingCountry: rng.chance(0.8) ? hostingCountry : null,
      sensitivity: template.sensitivity,
      containsPersonalData: personal,
      dataSubjects: personal ? [...template.dataSubjects] : [],
      specialCategories: personal ? [...template.specialCategories] : [],
      legalBasis: personal ? template.legalBasis : null,
      retention: template.retention,
      sharedWith,
      sharingAgreementUrl: sharedOutside
        ? `https://${host}/sites/governance/Agreements/DSA-${code}-${String(index + 1).padStart(4, '0')}.pdf`
        : null,
    };
    const cycle = defaultReviewCycle(DATA_INVENTORY, values);
    values.reviewCycle = cycle;
    values.lastReviewed = reviewedOn(rng, { today, cycle, stale: intent === 'stale' });
    values.lastReviewedBy = intent === 'noCustodian' || rng.chance(0.15) ? null : custodian.email;

    if (intent === 'incomplete') {
      // Leave out one required answer, the kind people skip: purpose, retention, legal basis, DSA.
      const gaps = ['description', 'retention'];
      if (personal) gaps.push('legalBasis', 'dataSubjects');
      if (sharedOutside) gaps.push('sharingAgreementUrl');
      const gap = rng.pick(gaps);
      values[gap] = gap === 'dataSubjects' ? [] : null;
    }
    return {
      key: `asset-${String(index + 1).padStart(4, '0')}`,
      register: 'dataInventory',
      intent,
      values,
      links: {},
    };
  });
}
