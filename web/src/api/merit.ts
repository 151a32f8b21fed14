// The merit feature's API as the web calls it (src/merit/schemas.ts, type-only).
import { api } from '../lib/api.ts';
import type { MeritProfileList } from '../../../src/merit/schemas.ts';
export type { MeritProfileList } from '../../../src/merit/schemas.ts';

export const personProfiles = (personId: number) => api<MeritProfileList>('GET', `/api/merit/persons/${personId}/profiles`);
