// The HTTP contract rule (docs/developer.md, "Contracts"): every JSON route declares the shape of
// its success answer in src/<feature>/schemas.ts. Fastify serializes an answer by that schema,
// so a field the schema does not name never leaves the server (no personal field by accident),
// and a schema too narrow for what the handler returns would drop a field silently. Two checks
// keep both sides honest: `vagueSchema` (test/contracts.test.ts fails on a route whose answer
// is not described) and `droppedFields` (in tests, every answer is compared with its schema
// before it is serialized, and one that would lose a field is an error, not a quiet loss).

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a response schema does not describe its answer, or null when it does: somewhere in it an
 * open value (any JSON) or an object without properties, unless that place carries a
 * `description` saying what it holds (a stored record's fields, the target as extracted).
 */
export function vagueSchema(s: unknown, path = ''): string | null {
  const at = (what: string) => (path ? `${what} at ${path}` : what);
  if (!isObject(s)) return at('no schema');
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(s[k])) {
      if ((s[k] as unknown[]).length === 0) return at(`an empty ${k}`);
      for (const b of s[k] as unknown[]) {
        const why = vagueSchema(b, path);
        if (why) return why;
      }
      return null;
    }
  }
  if ('const' in s || Array.isArray(s.enum) || typeof s.$ref === 'string') return null;
  if (s.type === 'object') {
    const props = isObject(s.properties) ? s.properties : {};
    const patterns = isObject(s.patternProperties) ? s.patternProperties : {};
    if (Object.keys(props).length === 0 && Object.keys(patterns).length === 0)
      return typeof s.description === 'string' ? null : at('an object without properties');
    for (const [k, v] of [...Object.entries(props), ...Object.entries(patterns)]) {
      const why = vagueSchema(v, `${path}/${k}`);
      if (why) return why;
    }
    return null;
  }
  if (s.type === 'array') return vagueSchema(s.items, `${path}/*`);
  if (typeof s.type === 'string' || Array.isArray(s.type)) return null;
  return typeof s.description === 'string' ? null : at('any value');
}

function typeMatches(s: Schema, v: unknown): boolean {
  const t = s.type;
  const types = Array.isArray(t) ? t : t === undefined ? [] : [t];
  if (types.length === 0) return true;
  return types.some((x) =>
    x === 'null'
      ? v === null
      : x === 'array'
        ? Array.isArray(v)
        : x === 'object'
          ? isObject(v) && !(v instanceof Date)
          : x === 'string'
            ? typeof v === 'string' || v instanceof Date
            : x === 'integer' || x === 'number'
              ? typeof v === 'number'
              : x === 'boolean'
                ? typeof v === 'boolean'
                : true,
  );
}

/**
 * The paths of the fields of `value` that serializing it by `schema` would drop: keys an
 * object schema does not name (fast-json-stringify drops them unless `additionalProperties` is
 * true or a schema). Values the schema leaves open are not
 * looked into.
 */
export function droppedFields(value: unknown, schema: unknown, path = ''): string[] {
  if (!isObject(schema) || value === undefined) return [];
  for (const k of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[k])) {
      const branches = (schema[k] as Schema[]).filter((b) => isObject(b) && typeMatches(b, value));
      if (branches.length === 0) return [];
      // Serializers pick the first branch that fits; report only when every fitting branch drops.
      let best: string[] | null = null;
      for (const b of branches) {
        const d = droppedFields(value, b, path);
        if (d.length === 0) return [];
        if (!best || d.length < best.length) best = d;
      }
      return best ?? [];
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Schema = { type: 'object', properties: {}, additionalProperties: false };
    for (const b of schema.allOf as Schema[]) {
      if (!isObject(b) || b.type !== 'object') return [];
      Object.assign(merged.properties as Schema, b.properties ?? {});
      if (b.additionalProperties !== false && b.additionalProperties !== undefined) merged.additionalProperties = b.additionalProperties;
    }
    return droppedFields(value, merged, path);
  }
  if (Array.isArray(value)) {
    if (schema.type !== 'array') return [];
    return value.flatMap((x, i) => droppedFields(x, schema.items, `${path}/${i}`));
  }
  if (!isObject(value) || value instanceof Date || schema.type !== 'object') return [];
  const props = isObject(schema.properties) ? schema.properties : {};
  const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const p = `${path}/${k}`;
    if (k in props) out.push(...droppedFields(v, props[k], p));
    else {
      const pat = patterns.find(([re]) => new RegExp(re).test(k));
      if (pat) out.push(...droppedFields(v, pat[1], p));
      else if (schema.additionalProperties === true) continue;
      else if (isObject(schema.additionalProperties)) out.push(...droppedFields(v, schema.additionalProperties, p));
      else out.push(p);
    }
  }
  return out;
}
