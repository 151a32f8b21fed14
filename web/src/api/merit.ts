// The merit feature's API as the web calls it (src/merit/schemas.ts, type-only).
import { api } from '../lib/api.ts';
import type { MeritProfileDetail, MeritProfileList, NewProfileBody, ProfilePatchBody } from '../../../src/merit/schemas.ts';
export type { MeritProfileDetail, MeritProfileList, MeritProfileView, NewProfileBody, ProfilePatchBody } from '../../../src/merit/schemas.ts';

export const personProfiles = (personId: number) => api<MeritProfileList>('GET', `/api/merit/persons/${personId}/profiles`);
/** One profile in full (health facts included; the read is audited): what the edit form starts from. */
export const profileFull = (id: number) => api<MeritProfileDetail>('GET', `/api/merit/profiles/${id}?full=true`);
export const createProfile = (body: NewProfileBody) => api<{ id: number; version: number }>('POST', '/api/merit/profiles', body);
export const changeProfile = (id: number, body: ProfilePatchBody) => api<{ version: number }>('PATCH', `/api/merit/profiles/${id}`, body);
