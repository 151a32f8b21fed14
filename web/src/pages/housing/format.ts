// Money as the housing and relief pages show it: integer VND with the locale's grouping and "đ".
import { num } from '../../i18n/index.ts';

export const vnd = (n: number): string => `${num(n, 0)} đ`;
