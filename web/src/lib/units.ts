// The shape the pages use for administrative units, read tolerantly from the unit API
// (GET /api/units, GET /api/units/CODE): references to other units may arrive as codes or as
// objects. Pure, tested in test/web/units.test.ts.
export interface UnitRef {
  readonly code: string;
  readonly name: string | null;
  /** "full" or "partial" for merger lineage. */
  readonly part: string | null;
  readonly validTo: string | null;
  readonly validFrom: string | null;
  readonly current: boolean | null;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly level: string | null;
  readonly kind: string | null;
  readonly current: boolean;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly province: UnitRef | null;
  readonly parent: UnitRef | null;
  readonly successors: readonly UnitRef[];
  readonly predecessors: readonly UnitRef[];
  readonly children: readonly UnitRef[];
  /** Other units (usually pre-reform ones) that carry the same official code. */
  readonly sameCode: readonly UnitRef[];
  readonly childrenCount: number | null;
  /** The server's one-line history ({ vi, en } or a string), e.g. "Đã sáp nhập vào ...". */
  readonly history: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

export function toRef(v: unknown): UnitRef | null {
  if (typeof v === 'string' || typeof v === 'number') return { code: String(v), name: null, part: null, validFrom: null, validTo: null, current: null };
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const code = str(o.code) ?? str(o.unitCode);
  if (!code) return null;
  const current = typeof o.current === 'boolean' ? o.current : null;
  return { code, name: str(o.name), part: str(o.part) ?? str(o.share), validFrom: str(o.validFrom), validTo: str(o.validTo), current };
}

const refs = (v: unknown): UnitRef[] => (Array.isArray(v) ? v.map(toRef).filter((r): r is UnitRef => r !== null) : []);

export function toUnit(raw: unknown): Unit {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validTo = str(o.validTo);
  // A province given as a bare code with a separate name field.
  let province = toRef(o.province);
  if (province && !province.name && str(o.provinceName)) province = { ...province, name: str(o.provinceName) };
  if (!province && str(o.provinceCode))
    province = { code: str(o.provinceCode)!, name: str(o.provinceName), part: null, validFrom: null, validTo: null, current: null };
  return {
    code: str(o.code) ?? '',
    name: str(o.name) ?? '',
    level: str(o.level),
    kind: str(o.kind),
    current: typeof o.current === 'boolean' ? o.current : validTo === null,
    validFrom: str(o.validFrom),
    validTo,
    province,
    parent:
      toRef(o.parent) ??
      toRef(o.district) ??
      (str(o.parentCode) ? { code: str(o.parentCode)!, name: str(o.parentName), part: null, validFrom: null, validTo: null, current: null } : null),
    successors: refs(o.successors),
    predecessors: refs(o.predecessors),
    children: refs(o.children),
    sameCode: refs(o.sameCode),
    childrenCount: typeof o.childrenCount === 'number' ? o.childrenCount : null,
    history: o.history ?? null,
  };
}

/** "Xã Thu Lũm, Xã Ka Lăng": names (or codes) of referenced units. */
export function refNames(list: readonly UnitRef[]): string {
  return list.map((r) => r.name ?? r.code).join(', ');
}
