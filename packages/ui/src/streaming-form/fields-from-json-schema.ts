import type { FieldKind, FieldSpec } from './field-spec.ts';

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(schema: Schema): string[] {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function isNullSchema(schema: Schema): boolean {
  const kinds = types(schema);
  return kinds.length > 0 && kinds.every((t) => t === 'null');
}

// Strings longer than this are edited in a textarea; JSON Schema has no word for "multi-line".
const textareaMinLength = 150;

const formatKinds: Record<string, FieldKind> = { email: 'email', 'idn-email': 'email', uri: 'url', url: 'url', iri: 'url', date: 'date' };

/** A schema with its `$ref`s followed, and the refs followed on the way to it (to cut recursion). */
interface Resolved {
  schema: Schema;
  seen: ReadonlySet<string>;
}

class SchemaReader {
  constructor(private readonly root: Schema) {}

  /** Follows a local `$ref` and unwraps nullable (`anyOf: [X, { type: 'null' }]`, `type: ['string', 'null']`). */
  resolve(schema: Schema, seen: ReadonlySet<string>): Resolved {
    const ref = schema['$ref'];
    if (typeof ref === 'string') {
      const target = this.lookup(ref);
      // A recursive schema (a tree of comments) would unfold forever; a ref met again inside itself is left empty.
      if (target === undefined || seen.has(ref)) return { schema: {}, seen };
      return this.resolve({ ...target, ...withoutKey(schema, '$ref') }, new Set([...seen, ref]));
    }
    const union = schema['anyOf'] ?? schema['oneOf'];
    if (Array.isArray(union)) {
      const members = union.filter(isSchema).filter((member) => !isNullSchema(member));
      if (members.length === 1) return this.resolve({ ...members[0], ...withoutKey(withoutKey(schema, 'anyOf'), 'oneOf') }, seen);
    }
    return { schema, seen };
  }

  fields({ schema, seen }: Resolved): FieldSpec[] {
    const properties = isSchema(schema['properties']) ? schema['properties'] : {};
    const required = Array.isArray(schema['required']) ? schema['required'] : [];
    return Object.entries(properties)
      .filter((entry): entry is [string, Schema] => isSchema(entry[1]))
      .map(([name, property]) => this.field(name, this.resolve(property, seen), required.includes(name)));
  }

  private field(name: string, resolved: Resolved, required: boolean): FieldSpec {
    const { schema } = resolved;
    const spec: FieldSpec = { name };
    if (typeof schema['title'] === 'string') spec.label = schema['title'];
    if (typeof schema['description'] === 'string') spec.description = schema['description'];
    const kinds = types(schema).filter((t) => t !== 'null');
    if (kinds.includes('object') || (kinds.length === 0 && isSchema(schema['properties']))) {
      spec.fields = this.fields(resolved);
      return spec;
    }
    if (kinds.includes('array')) {
      const items = isSchema(schema['items']) ? this.resolve(schema['items'], resolved.seen) : { schema: {}, seen: resolved.seen };
      const itemTypes = types(items.schema);
      const title = items.schema['title'];
      spec.array = {
        of: itemTypes.includes('object') || isSchema(items.schema['properties']) ? this.fields(items) : scalarKind(items.schema, itemTypes),
        ...(typeof title === 'string' ? { itemLabel: (index: number) => `${title} ${index + 1}` } : {}),
      };
      const options = enumOptions(items.schema);
      if (options) spec.options = options;
      return spec;
    }
    spec.kind = scalarKind(schema, kinds);
    const options = enumOptions(schema);
    if (options) spec.options = options;
    if (required && spec.kind !== 'boolean') spec.required = true;
    return spec;
  }

  private lookup(ref: string): Schema | undefined {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.root;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isSchema(node) ? node[key] : undefined;
    }
    return isSchema(node) ? node : undefined;
  }
}

function withoutKey(schema: Schema, key: string): Schema {
  const { [key]: _dropped, ...rest } = schema;
  return rest;
}

function enumOptions(schema: Schema): string[] | undefined {
  const values = schema['enum'];
  return Array.isArray(values) ? values.filter((v) => v !== null).map(String) : undefined;
}

function scalarKind(schema: Schema, kinds: string[]): FieldKind {
  if (Array.isArray(schema['enum'])) return 'select';
  if (kinds.includes('number') || kinds.includes('integer')) return 'number';
  if (kinds.includes('boolean')) return 'boolean';
  const format = schema['format'];
  if (typeof format === 'string' && formatKinds[format]) return formatKinds[format];
  const maxLength = schema['maxLength'];
  if (typeof maxLength === 'number' && maxLength > textareaMinLength) return 'textarea';
  return 'text';
}

/**
 * The fields of a form from a plain JSON Schema of an object: `properties` become fields (in order),
 * nested objects groups, arrays lists (`items.title` names the rows), `enum` a select, `format`
 * email/uri/date the matching input, `title` the label, `description` the help text, `required` required
 * inputs; local `$ref`s and nullable unions are followed. With zod 4: `fieldsFromJSONSchema(z.toJSONSchema(schema))`;
 * with valibot: `toJsonSchema(schema)` from `@valibot/to-json-schema`. The result is plain data, to
 * adjust like any array (e.g. make `notes` a `textarea`).
 *
 * @throws TypeError when the schema does not describe an object with `properties`.
 */
export function fieldsFromJSONSchema(jsonSchema: object): FieldSpec[] {
  if (!isSchema(jsonSchema)) throw new TypeError('fieldsFromJSONSchema needs a JSON Schema object, e.g. { type: "object", properties: { … } }.');
  const reader = new SchemaReader(jsonSchema);
  const root = reader.resolve(jsonSchema, new Set());
  if (!isSchema(root.schema['properties'])) {
    const got = types(root.schema).join(' | ') || 'no type';
    throw new TypeError(`fieldsFromJSONSchema needs an object schema with "properties" (got ${got}); a form's root is an object, so wrap the value in one.`);
  }
  return reader.fields(root);
}
