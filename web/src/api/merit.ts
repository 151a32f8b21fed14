// The merit feature's API as the web calls it (src/merit/schemas.ts, type-only).
import { api } from '../lib/api.ts';
import type { MeritListView, MeritProfileDetail, MeritProfileList, NewProfileBody, ProfilePatchBody } from '../../../src/merit/schemas.ts';
export type { MeritProfileDetail, MeritProfileList, MeritProfileView, NewProfileBody, ProfilePatchBody } from '../../../src/merit/schemas.ts';

export const personProfiles = (personId: number) => api<MeritProfileList>('GET', `/api/merit/persons/${personId}/profiles`);
/** One profile in full (health facts included; the read is audited): what the edit form starts from. */
export const profileFull = (id: number) => api<MeritProfileDetail>('GET', `/api/merit/profiles/${id}?full=true`);
export const createProfile = (body: NewProfileBody) => api<{ id: number; version: number }>('POST', '/api/merit/profiles', body);
export const changeProfile = (id: number, body: ProfilePatchBody) => api<{ version: number }>('PATCH', `/api/merit/profiles/${id}`, body);

/** The yearly lists of a commune (src/merit/lists.ts): convalescence, Tết gifts, health insurance. */
export type { MeritListView } from '../../../src/merit/schemas.ts';
export type MeritListName = 'convalescence' | 'tet-gifts' | 'health-insurance';
const listPath = (unit: string, list: MeritListName) => `/api/merit/units/${unit}/lists/${list}`;
export const yearlyList = (unit: string, list: MeritListName, year: number) => api<MeritListView>('GET', `${listPath(unit, list)}?year=${year}`);
export const listExport = (unit: string, list: MeritListName, year: number, format: 'csv' | 'xlsx') =>
  `${listPath(unit, list)}/export?year=${year}&format=${format}`;
export const recordConvalescence = (unit: string, body: { personId: number; year: number; kind: 'home' | 'centre' }) =>
  api<{ personId: number; year: number; kind: string }>('POST', `/api/merit/units/${unit}/convalescences`, body);
