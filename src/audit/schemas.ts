// The audit log's HTTP contract: the entry as the API shows it, with the event and the record
// kind named in the reader's language (src/audit/actions.ts) and the unit by name. The web page
// imports the types from here (type-only), so the two cannot drift.
import { Type, type Static } from 'typebox';
import type { Locale } from '../kernel/i18n.ts';
import { Page } from '../kernel/schemas.ts';
import { actionText, entityText } from './actions.ts';
import type { StoredAuditEntry } from './model.ts';

const DateOrTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$' });

/** The filters of the audit log (entity, entity id, actor username, a date or time range) and the page. */
export const AuditQuery = Type.Object({
  entity: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  actor: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(DateOrTime),
  to: Type.Optional(DateOrTime),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
});

export const AuditEntryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorUserId: Type.Union([Type.Integer(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String({ description: 'The event code, e.g. payroll.approve' }),
  actionLabel: Type.String({ description: 'The event in words, in the reader’s language' }),
  entity: Type.String(),
  entityLabel: Type.String({ description: 'The kind of record, in words' }),
  entityId: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.Integer(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown({ description: 'The record before the event, as the event wrote it (null when none)' }),
  after: Type.Unknown({ description: 'The record after the event, as the event wrote it (null when none)' }),
  hash: Type.String(),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditPage = Page(AuditEntryView);
export type AuditPage = Static<typeof AuditPage>;

/** The chain head now and the latest anchor written outside the database. */
export const AuditAnchorView = Type.Object({
  head: Type.Object({ seq: Type.Integer(), hash: Type.String() }),
  latest: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String(), at: Type.String(), place: Type.String() }), Type.Null()]),
});
export type AuditAnchorView = Static<typeof AuditAnchorView>;

/** One stored entry as the API shows it. */
export function presentEntry(e: StoredAuditEntry, locale: Locale, unitNames: ReadonlyMap<number, string>): AuditEntryView {
  const { prevHash: _chained, ...entry } = e;
  return {
    ...entry,
    actionLabel: actionText(e.action)[locale],
    entityLabel: entityText(e.entity)[locale],
    unitName: e.unitId === null ? null : (unitNames.get(e.unitId) ?? null),
  };
}
