// PostgreSQL array literals passed as one parameter (`${arr(xs)}::int[]`), so that the same query
// works on node-postgres and PGlite, whatever their array serialisation.

/** Postgres array literal of the values, quoted and escaped; null becomes NULL. */
export function arr(xs: readonly (string | number | null)[]): string {
  return `{${xs.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
