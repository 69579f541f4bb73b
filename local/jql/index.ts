export { createJqlEngine } from './engine';
export { JqlError } from './types';
export type { CompiledJql, JqlContext, JqlCustomField, JqlEngine, JqlIssue, JqlPropertyIndex } from './types';
