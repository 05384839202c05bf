export {
  RISK_BAND_IDS,
  DEFAULT_RISK_BANDS,
  LIKELIHOOD_LABELS,
  IMPACT_LABELS,
  POSSIBLE_SCORES,
  riskScore,
  riskBand,
  riskBandsSchema,
  heatMap,
  bandCounts,
} from './matrix';
export type { RiskBandId, RiskBand, HeatMap, HeatMapOptions } from './matrix';
