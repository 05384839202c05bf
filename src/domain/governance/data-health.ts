// Health across registers: an AI system inherits the concerns of the data assets it uses. An asset that
// is unhealthy, unclassified or gone shows on the system's page and counts in the registry's scorecard.
import { recordHealth } from '../health/record-health';
import type { HealthOptions, HealthReason } from '../health/record-health';
import { DATA_INVENTORY } from '../registers/data-inventory';
import type { DomainRecord, RecordValues } from '../schema/types';

export interface DataAssetConcern {
  readonly assetId: string;
  readonly title: string | null;
  /** The lookup points at an item that no longer exists (or cannot be read). */
  readonly missing: boolean;
  /** No sensitivity: nobody knows how carefully the system must handle it. */
  readonly unclassified: boolean;
  readonly unhealthy: boolean;
  readonly score: number | null;
  readonly reasons: readonly HealthReason[];
}

const assetIdsOf = (system: RecordValues): readonly string[] => {
  const v = system.dataAssets;
  return Array.isArray(v) ? (v as readonly string[]) : typeof v === 'string' && v !== '' ? [v] : [];
};

/** The data assets of a system that need attention, in the order the system lists them. */
export const dataAssetConcerns = (
  system: RecordValues,
  assets: ReadonlyMap<string, DomainRecord>,
  options: HealthOptions,
): readonly DataAssetConcern[] => {
  const out: DataAssetConcern[] = [];
  for (const id of assetIdsOf(system)) {
    const asset = assets.get(id);
    if (!asset) {
      out.push({
        assetId: id,
        title: null,
        missing: true,
        unclassified: false,
        unhealthy: true,
        score: null,
        reasons: [],
      });
      continue;
    }
    const health = recordHealth(DATA_INVENTORY, asset, options);
    const unclassified = !health.checks.classified.pass;
    if (!health.healthy || unclassified)
      out.push({
        assetId: id,
        title: typeof asset.values.Title === 'string' ? asset.values.Title : null,
        missing: false,
        unclassified,
        unhealthy: !health.healthy,
        score: health.score,
        reasons: health.reasons,
      });
  }
  return out;
};

/** Ids of the systems (of those given) that use at least one asset needing attention. */
export const systemsWithDataConcerns = (
  systems: readonly { readonly id?: string; readonly values: RecordValues }[],
  assets: ReadonlyMap<string, DomainRecord>,
  options: HealthOptions,
): ReadonlySet<string> =>
  new Set(
    systems.filter((s) => dataAssetConcerns(s.values, assets, options).length > 0).map((s) => s.id ?? ''),
  );
