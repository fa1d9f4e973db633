import { StreamkitError } from '../errors.ts';
import type { StandardSchemaIssue } from './standard-schema.ts';

/** The finished object does not match the schema. Keeps the raw text and the object as parsed, so nothing is lost. */
export class SchemaValidationError extends StreamkitError {
  readonly issues: ReadonlyArray<StandardSchemaIssue>;
  readonly text: string;
  readonly object: unknown;

  constructor(issues: ReadonlyArray<StandardSchemaIssue>, text: string, object: unknown) {
    const first = issues[0];
    const where = first?.path?.length ? ` at ${first.path.map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.')}` : '';
    super('object/schema-mismatch', `The streamed object does not match the schema${where}: ${first?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more issues)` : ''}.`);
    this.name = 'SchemaValidationError';
    this.issues = issues;
    this.text = text;
    this.object = object;
  }
}
