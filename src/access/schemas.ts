// HTTP contracts of the access feature that the web uses (type-only imports from web/src).
import { Type, type Static } from 'typebox';

/** An API token as listed to its owner: never its value. */
export const TokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  permissions: Type.Union([Type.Array(Type.String()), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export type TokenView = Static<typeof TokenView>;

/** Creating a token: permissions left out means all of the creator's; expiry left out means none (or the creating token's). */
export const TokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    permissions: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type TokenBody = Static<typeof TokenBody>;

/** The created token, with its value shown this once. */
export const TokenCreated = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  token: Type.String(),
  permissions: Type.Union([Type.Array(Type.String()), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export type TokenCreated = Static<typeof TokenCreated>;
