// Schema pieces every feature's contract (src/<feature>/schemas.ts) shares: the empty answer,
// a nullable value and the one list envelope for paged lists.
import { Type, type Static, type TProperties, type TSchema, type TUnsafe } from 'typebox';

/** The answer of a 204: no body. */
export const NoContent = Type.Unsafe<undefined>({ type: 'null', description: 'No content' });

/** A value or null. */
export { Nullable } from './validate.ts';

/** The list envelope: a page of items, the total count and where the page stands. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

/**
 * The list envelope of a list that is not paged: `{ items }`, with any fields that describe the
 * whole list beside it (`total`, a summary). Every list route answers an object with `items`.
 * @example List(TokenView)
 * @example List(PayrollSummary, { cashless: Nullable(Share) })
 */
export const List = <T extends TSchema, E extends TProperties = {}>(item: T, extra?: E) => Type.Object({ items: Type.Array(item), ...(extra ?? ({} as E)) });

/** A moment, sent as an ISO 8601 string. */
export const Timestamp = Type.String({ format: 'date-time' });

/** An array the handler may hand over as readonly (the model's arrays are): the same JSON schema as Type.Array. */
export const ReadonlyArray = <T extends TSchema>(item: T) => Type.Unsafe<readonly Static<T>[]>(Type.Array(item));

/**
 * The schema of one value of a model's vocabulary: a const array (`COMPARATORS`) or a labelled
 * record (`relations`, its keys in order). The JSON schema is the union of literals TypeBox
 * writes for `Type.Union([Type.Literal(…), …])`, so a vocabulary has one definition and the
 * contract cannot drift from it. test/vocabularies.test.ts holds the SQL checks to the same lists.
 * @example enumOf(COMPARATORS) // Static: Comparator
 * @example enumOf(relations)   // Static: Relation
 */
export function enumOf<const T extends string>(values: readonly T[], options?: { description?: string }): TUnsafe<T>;
export function enumOf<T extends string>(values: Readonly<Record<T, unknown>>, options?: { description?: string }): TUnsafe<T>;
export function enumOf<T extends string>(values: readonly T[] | Readonly<Record<T, unknown>>, options?: { description?: string }): TUnsafe<T> {
  const list = (Array.isArray(values) ? values : Object.keys(values)) as readonly T[];
  // Type.Union over a mapped array types as `never` (TypeBox computes Static from a tuple only),
  // so the values' type is given by Type.Unsafe; the JSON schema is the union's.
  return Type.Unsafe<T>(
    Type.Union(
      list.map((v) => Type.Literal(v)),
      options,
    ),
  );
}
