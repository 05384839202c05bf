export { GraphError } from './graph-error';
export * as GraphErrors from './graph-error-factory';
