export {
  HEALTH_CHECKS,
  DEFAULT_HEALTH_CONTROLS,
  healthControlsSchema,
  parseHealthControls,
} from './controls';
export type { HealthCheckId, HealthCheckControl, HealthControls, ParseControlsResult } from './controls';
export { recordHealth, reviewCycleFor, dueDate } from './record-health';
export type { HealthReason, HealthChecks, RecordHealth, HealthOptions } from './record-health';
export { setHealth, scorecard, targetFor, toSnapshot, UNASSIGNED } from './scorecard';
export type {
  SetHealth,
  ScorecardGroupBy,
  ScorecardRow,
  Scorecard,
  ScorecardOptions,
  ScorecardSnapshot,
} from './scorecard';
