// The monitoring pages' words: the mon.* entries of the one catalogue (web/src/i18n/vi/mon.ts, en/mon.ts),
// typed by its keys; m(key) follows the app's current locale.
import '../../i18n/vi/mon.ts';
import { group, t, type GroupsOf, type KeysOf, type MessageKey } from '../../i18n/index.ts';

type Key = KeysOf<'mon'>;
type Group = GroupsOf<'mon'>;

export function m(key: Group): Record<string, string>;
export function m(key: Key, params?: Record<string, string | number>): string;
export function m(key: Key | Group, params?: Record<string, string | number>): string | Record<string, string> {
  const k = `mon.${key}`;
  return k in groups ? group(k) : t(k as MessageKey, params);
}
const groups: Record<`mon.${Group}`, true> = { 'mon.breakdowns': true };
