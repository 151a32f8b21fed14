// What registry tests send to create a household: one member's fields with the defaults most
// tests use (a head of household in Thu Lũm, no support), and the deprivation answers of the
// multidimensional poverty review with the first N marked deprived. One builder instead of a copy
// in each test file; a test passes only what differs.
import type { PersonInput } from '../../src/registry/model.ts';

const DEPRIVATION_KEYS = [
  'employment',
  'dependants',
  'nutrition',
  'health_insurance',
  'adult_education',
  'child_schooling',
  'housing_quality',
  'housing_area',
  'water',
  'sanitation',
  'telecom',
  'information_access',
] as const;

/** A person as the registry's store takes it (the same fields the HTTP body has); `o` overrides any field. */
export const registryPerson = (o: Partial<PersonInput> = {}): PersonInput => ({
  personalId: null,
  fullName: 'Lý Mé Xá',
  dateOfBirth: '1940-03-12',
  sex: 'M',
  ethnicCode: '35',
  relation: 'head',
  disability: 'none',
  pension: false,
  socialInsurance: 'none',
  healthInsurance: true,
  schooling: 'none',
  conditions: [],
  merit: false,
  ...o,
});

/** A household member as POST /api/registry/units/:code/households takes it; `o` overrides any field (any value, for refusals). */
export const registryMember = (o: Record<string, unknown> = {}) => ({ ...registryPerson(), ...o });

/** The twelve deprivation answers, the first `n` deprived (in the order of the review's form). */
export const deprivationsFirst = (n: number): Record<string, boolean> => Object.fromEntries(DEPRIVATION_KEYS.map((k, i) => [k, i < n]));

/** A household as POST /api/registry/units/:code/households takes it (Thu Lũm, rural, no deprivation); `o` overrides any field. */
export const registryHousehold = (code: string, o: Record<string, unknown> = {}) => ({
  code,
  villageId: null,
  address: 'Bản Thu Lũm',
  area: 'rural',
  incomePerMonth: 2_600_000,
  deprivations: {},
  disadvantagedArea: false,
  merit: false,
  ...o,
});
