export { mergeThreeWay, resolvedChanges } from './three-way';
export type { ConflictChoice, MergeConflict, TheirChange, ThreeWayMerge } from './three-way';
