// Schema pieces every feature's contract (src/<feature>/schemas.ts) shares: the empty answer,
// a nullable value and the one list envelope for paged lists.
import { Type, type Static, type TSchema } from 'typebox';

/** The answer of a 204: no body. */
export const NoContent = Type.Unsafe<undefined>({ type: 'null', description: 'No content' });

/** A value or null. */
export { Nullable } from './validate.ts';

/** The list envelope: a page of items, the total count and where the page stands. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

/** A moment, sent as an ISO 8601 string. */
export const Timestamp = Type.String({ format: 'date-time' });

/** An array the handler may hand over as readonly (the model's arrays are): the same JSON schema as Type.Array. */
export const ReadonlyArray = <T extends TSchema>(item: T) => Type.Unsafe<readonly Static<T>[]>(Type.Array(item));
