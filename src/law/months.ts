// The law's month is the house's one month type (src/kernel/month.ts), re-exported for the rules;
// money and coefficient formats of the rules below.
export { isMonth, isIsoDate, monthIndex, monthOf, addMonths, firstDay, ageInMonth, monthTurning, formatMonthVi, type Month } from '../kernel/month.ts';

/** "750.000 đ": integer VND with thousands dots. */
export function formatVnd(n: number): string {
  const s = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${s} đ`;
}

/** 25 → "2,5"; 10 → "1,0" (coefficients are kept in tenths). */
export function formatCoefficientVi(tenths: number): string {
  return `${Math.floor(tenths / 10)},${tenths % 10}`;
}
