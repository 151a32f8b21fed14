// The housing and relief vocabularies as the pages list them (in the server's order). The web
// imports only types from src/, so the lists are spelled here and checked against the contract:
// a value added on the server and missing here fails `npm run typecheck` (Exact below).
import type { CaseView, FundingBody, ReliefEntryBody, ReliefEventBody } from '../../api/housing.ts';

type Exact<List extends readonly string[], Union extends string> = [Exclude<Union, List[number]>] extends [never] ? List : never;
const exact =
  <Union extends string>() =>
  <const List extends readonly Union[]>(list: Exact<List, Union>) =>
    list;

export const STAGES = exact<CaseView['stage']>()(['surveyed', 'approved', 'started', 'completed', 'handed_over']);
export const GROUPS = exact<CaseView['group']>()(['merit', 'poor', 'near_poor', 'disaster', 'other']);
export const PROGRAMMES = exact<CaseView['programme']>()(['qd21', 'nq_poor', 'ntp_poverty', 'local']);
export const SUPPORT_TYPES = exact<CaseView['supportType']>()(['new', 'repair']);
export const FUNDING_SOURCES = exact<FundingBody['source']>()(['central', 'local', 'mobilised', 'fund', 'household', 'other']);
export const EVENT_KINDS = exact<ReliefEventBody['kind']>()(['storm', 'flood', 'landslide', 'fire', 'drought', 'other']);
export const RELIEF_SUPPORTS = exact<ReliefEntryBody['supportType']>()(['food', 'injury', 'funeral', 'house_lost', 'relocation', 'house_damaged']);
export const RELIEF_DISTRIBUTIONS = exact<NonNullable<ReliefEntryBody['distribution']>>()(['cash', 'transfer', 'in_kind']);
