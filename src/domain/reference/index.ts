export {
  REGION_IDS,
  REGIONS,
  MISSIONS,
  DATA_DOMAINS,
  DATA_DOMAIN_LABELS,
  findMission,
  regionOfMission,
  missionsInRegion,
} from './missions';
export type { RegionId, Region, Mission, DataDomain } from './missions';
