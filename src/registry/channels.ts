// How a beneficiary is paid: the one vocabulary of payment channels and their words, pure so the
// web shows the same words (eslint.config.js webPureModules). The registry's model re-exports it.
import { text, type Text } from '../kernel/i18n.ts';

export const paymentChannels = {
  bank: text('Tài khoản ngân hàng', 'Bank account'),
  ewallet: text('Ví điện tử', 'E-wallet'),
  post: text('Bưu điện', 'Post office'),
  cash: text('Tiền mặt', 'Cash'),
} as const satisfies Record<string, Text>;
export type PaymentChannel = keyof typeof paymentChannels;
export const cashlessChannels: ReadonlySet<PaymentChannel> = new Set(['bank', 'ewallet']);
