// Step 4a: numbers as Vietnamese documents write them. Decimal comma ("18,7" = 18.7), thousands
// dot ("1.500" = 1500, "10.000" = 10000), leading zeros ("02" = 2), glued units ("22,5m²",
// "25%"). Each number comes with the unit written after it and the structural class it belongs
// to when it is not a quantity (date, document number, range, ordinal, list number).

export interface NumberToken {
  /** Offsets in the normalised text, of the digits only. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly value: number;
  /** End of the number with its written unit ("25%", "22,5m² sàn/người", "40 giường bệnh" → "40"). */
  readonly unitEnd: number;
  /** The unit as written right after the number, normalised: "%", "m²", "tuổi", "tháng", "năm", … or null. */
  readonly unit: string | null;
  /** Structure that is not a quantity, or null for a plain quantity. */
  readonly structure: 'date' | 'document_number' | 'ordinal' | null;
}

/** Reads one Vietnamese-written number: "1.500" → 1500, "18,7" → 18.7, "02" → 2, "2.5" → 2.5. */
export function parseNumberVi(raw: string): number {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d+$/.test(raw)) return Number(raw.replace(',', '.'));
  if (/^\d+\.\d+$/.test(raw)) return Number(raw);
  return Number(raw.replace(/[.,]/g, ''));
}

const UNIT_RE = /^[ ]?(%|m²|m2\b|tuổi|tháng tuổi|tháng|năm|người|lao động|hộ|căn|lượt|xã|thôn|bản|giường|bác sĩ|bác sỹ|dược sĩ|dược sỹ|điều dưỡng)/u;

/** Every number of `text` in [from, to), with its written unit and structural class. */
export function findNumbers(text: string, from = 0, to = text.length): NumberToken[] {
  const out: NumberToken[] = [];
  const re = /\d+(?:[.,]\d+)*/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    let raw = m[0];
    const start = m.index;
    // A trailing "." or "," belongs to the sentence, not the number ("đạt 100%." / "2.1.").
    while (/[.,]$/.test(raw)) raw = raw.slice(0, -1);
    const end = start + raw.length;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 30);
    // Digits glued to letters are part of a code ("QH15", "NQ42"), not a number.
    // A comparator word glued to its number by a missing space ("dưới12‰", "đạt95%") is not a code.
    if (/\p{L}$/u.test(before) && !/[²³]$/.test(before) && !/(?:^|[^\p{L}])(?:dưới|trên|đạt|còn|hơn|khoảng|là)$/iu.test(before)) continue;
    // "giảm 1/2 số hộ nghèo": a fraction after a verb of change or a comparator is a share (50%).
    const frac = /^\/([2-9]|10)(?![\d/.,]|[ ]?[A-ZĐ])/u.exec(text.slice(end, end + 4));
    if (frac && /^[1-9]$/.test(raw) && Number(raw) < Number(frac[1]) && /(?:giảm|tăng|còn|khoảng|hơn|trên|ít nhất|gần|đạt|bằng)[ ]$/iu.test(before)) {
      const e = end + frac[0].length;
      out.push({
        start,
        end: e,
        raw: text.slice(start, e),
        value: Math.round((Number(raw) / Number(frac[1])) * 1e6) / 1e4,
        unit: '%',
        unitEnd: e,
        structure: null,
      });
      re.lastIndex = e;
      continue;
    }
    // "có 8/8 xã", "5.813/8.227 xã đạt chuẩn": a count out of a total; the total after the slash
    // is part of the count, not a number of its own (nor a date).
    const ofTotal =
      /^\/(\d{1,3}(?:\.\d{3})*)(?=[ ]?(?:xã|phường|thị trấn|thôn|bản|tổ dân phố|huyện|tỉnh|trường|hộ|người|đơn vị|cơ sở|trạm y tế|khu dân cư|làng)(?![\p{L}]))/u.exec(
        text.slice(end, end + 12),
      );
    if (ofTotal && parseNumberVi(raw) <= parseNumberVi(ofTotal[1]!)) {
      const e = end + ofTotal[0].length;
      out.push({ start, end: e, raw: text.slice(start, e), value: parseNumberVi(raw), unit: null, unitEnd: e, structure: null });
      re.lastIndex = e;
      continue;
    }
    let structure: NumberToken['structure'] = null;
    // "4.900 USD", "20% GDP": a currency or an economic aggregate, not a document symbol.
    if (/^[ ]?(?:USD|VNĐ|GDP|GRDP)(?![A-ZĐa-z\/])/u.test(after)) structure = null;
    else if (
      /^(?:[/-]\d{4})?[/-]?[ ]?[A-ZĐ]{1,}[A-ZĐa-z-]*\/?[A-ZĐ]/u.test(after) ||
      /^\/\d{4}\/[A-ZĐ]/u.test(after) ||
      /^\/[A-ZĐ]{2,}/u.test(after) ||
      (/\d\/$/.test(before) && /^\/[A-ZĐ]/u.test(after))
    )
      structure = 'document_number';
    else if (/\d\/$/.test(before) && /^\/[A-ZĐ]/u.test(text.slice(end, end + 3))) structure = 'document_number';
    else if (/^\/\d{1,2}(\/\d{2,4})?\b/.test(after) && value0(raw) <= 31) structure = 'date';
    else if (/\d{1,2}\/$/.test(before) && /^\d{1,4}$/.test(raw)) structure = 'date';
    else if (/(?:ngày|tháng)[ ]$/iu.test(before)) structure = 'date';
    // ("dân số 42%" is a share of the population; "lớp 1" is a school grade, part of a name.)
    else if (/(?:lần thứ|thứ|khóa|khoá|lớp|(?<!dân )số)[ ]$/iu.test(before) && !/^[ ]?[%‰]/u.test(after))
      structure = /số[ ]$/iu.test(before) ? 'document_number' : 'ordinal';
    // "1 triệu căn", "2,5 nghìn lao động": a multiplier word scales the number.
    const mult = /^[ ]?(nghìn|ngàn|triệu|tỷ)(?![\p{L}])/u.exec(after);
    const scale = mult ? ({ nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9 } as Record<string, number>)[mult[1]!]! : 1;
    const afterUnit = mult ? after.slice(mult[0].length) : after;
    const um = UNIT_RE.exec(afterUnit);
    let unit: string | null = null;
    let unitEnd = end + (mult ? mult[0].length : 0);
    if (um) {
      unit = um[1] === 'm2' ? 'm²' : um[1]!;
      // Nouns ("40 giường bệnh", "1.500 căn nhà", "100 xã") stay part of the indicator phrase.
      unitEnd = /^(?:%|m²|m2|tuổi|tháng tuổi|tháng|năm)$/u.test(um[1]!) ? unitEnd + um[0].length : unitEnd;
      if (unit === 'm²') {
        const sq = /^[ ]?sàn\/người|^[ ]?\/người/u.exec(text.slice(unitEnd, unitEnd + 12));
        if (sq) unitEnd += sq[0].length;
      }
    }
    if (structure === 'date' || structure === 'document_number') {
      // One token for the whole "05/8/2020" or "111/2024/QH15".
      const rest = structure === 'date' ? /^(?:\/\d{1,4}){1,2}/.exec(text.slice(end)) : /^[\p{L}\d/\-]*[\p{L}\d]/u.exec(text.slice(end));
      const e = end + (rest ? rest[0].length : 0);
      out.push({ start, end: e, raw: text.slice(start, e), value: parseNumberVi(raw), unit: null, unitEnd: e, structure });
      re.lastIndex = e;
      continue;
    }
    out.push({ start, end, raw, value: Math.round(parseNumberVi(raw) * scale * 1e6) / 1e6, unit, unitEnd, structure });
  }
  return out;
}

function value0(raw: string): number {
  return Number(raw.replace(/\D/g, '')) || 0;
}
