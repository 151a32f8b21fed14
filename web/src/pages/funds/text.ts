// The funds pages' words: the fund.* entries of the one catalogue (web/src/i18n/vi/fund.ts, en/fund.ts),
// typed by its keys; ft(key) follows the app's current locale.
import '../../i18n/vi/fund.ts';
import { t, type KeysOf, type MessageKey } from '../../i18n/index.ts';

export type FundText = KeysOf<'fund'>;
/** A fund message; a missing parameter reads as empty. */
export function ft(key: FundText, params: Record<string, string | number> = {}): string {
  const s = t(`fund.${key}` as MessageKey);
  return s.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}
export const money = (n: number): string => `${n.toLocaleString('vi-VN')} đ`;
