// Words the server owns, shown as the server writes them: a report's status (monitoring
// workflow), a payment channel (registry channels) and a unit of measure (indicators
// vocabulary). The web catalogue has no second copy of them (test/web/server-words.test.ts).
import { localeStore } from '../i18n/index.ts';
import { statusNames, type SubmissionStatus } from '../../../src/monitoring/workflow.ts';
import { paymentChannels, type PaymentChannel } from '../../../src/registry/channels.ts';
import { unitWords } from '../../../src/indicators/vocabulary.ts';

type Words = { readonly vi: string; readonly en: string };
const say = (w: Words | undefined, code: string): string => (w ? w[localeStore.get()] : code);
const has = <K extends string>(o: Record<K, Words>, k: string): k is K => Object.prototype.hasOwnProperty.call(o, k);

/** A monitoring report's status ('submitted' → "Đã gửi, chờ duyệt"); the code when unknown. */
export const reportStatusWord = (s: string): string => say(has<SubmissionStatus | 'missing'>(statusNames, s) ? statusNames[s] : undefined, s);
/** A payment channel ('bank' → "Tài khoản ngân hàng"); the code when unknown. */
export const channelWord = (c: string): string => say(has<PaymentChannel>(paymentChannels, c) ? paymentChannels[c] : undefined, c);
/** The payment channels, in the server's order. */
export const channels = Object.keys(paymentChannels) as PaymentChannel[];
/** A unit of measure ('per_10000' → "trên 10.000 dân"); the code when unknown. */
export const unitWord = (u: string): string => say(unitWords[u], u);
