export { createJqlEngine } from './engine';
export { JqlError } from './types';
export type {
  CompiledJql,
  JqlCatalog,
  JqlContext,
  JqlCustomField,
  JqlEngine,
  JqlIssue,
  JqlNamed,
  JqlPropertyIndex,
} from './types';
