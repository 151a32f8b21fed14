// `ansinh audit verify`: recomputes the audit log's hash chain and names the first broken entry;
// with anchors (--anchor FILE, or the file in ANSINH_AUDIT_ANCHOR_DIR) it also detects entries
// cut from the end and a chain rewritten from an entry onwards. `ansinh audit anchor` writes the
// head to the anchor file.
import { existsSync } from 'node:fs';
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { ChainVerifier } from './model.ts';
import { allEntries } from './store.ts';
import { AnchorCheck, AnchorError, anchorChain, anchorFileOf, describeAnchorProblem, readAnchors, type Anchor } from './anchor.ts';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'Check the audit log hash chain (and its anchors); exit 1 naming the first broken entry',
  usage: 'audit verify [--anchor FILE|DIR]',
  options: { anchor: { type: 'string' } },
  help: 'Exit 0 with the number of entries and the head hash when intact. Exit 1 when an entry was edited,\ndeleted, inserted or moved, or, against the anchors (--anchor, default: the file in\nANSINH_AUDIT_ANCHOR_DIR when there is one), when entries were cut from the end or the chain was\nrewritten from an entry onwards with recomputed hashes.',
  async run({ values }, ctx) {
    let anchors: Anchor[] = [];
    let from: string | null = null;
    const place = (values.anchor as string | undefined) ?? ctx.config.auditAnchorDir;
    if (place) {
      const file = anchorFileOf(place);
      if (values.anchor !== undefined || existsSync(file)) {
        try {
          anchors = readAnchors(file);
        } catch (e) {
          if (e instanceof AnchorError) throw new CliError(e.message);
          throw e;
        }
        from = file;
      }
    }
    const db = await ctx.db();
    const v = new ChainVerifier();
    const a = new AnchorCheck(anchors);
    for await (const e of allEntries(db.k)) {
      if (!v.push(e)) break;
      if (!a.push(e)) break;
    }
    const b = v.broken;
    if (!b) {
      const p = a.finish();
      if (p) {
        ctx.stderr.write(`ansinh audit verify: ${describeAnchorProblem(p)} (${from})\n`);
        return 1;
      }
      const checked = from ? `; ${anchors.length} mốc neo khớp / anchors match (${from})` : '';
      ctx.stdout.write(`Nhật ký kiểm toán nguyên vẹn / audit log intact: ${v.count} mục / entries; head ${v.head}${checked}\n`);
      return 0;
    }
    const what =
      b.kind === 'edited'
        ? `mục #${b.seq} đã bị sửa / entry #${b.seq} was edited`
        : b.seq === b.expectedSeq
          ? `liên kết trước mục #${b.seq} bị đứt (mục bị xóa, chèn hoặc đổi chỗ) / the link before entry #${b.seq} is broken (an entry was deleted, inserted or moved)`
          : `sau mục #${b.expectedSeq - 1} lại là mục #${b.seq}: mục #${b.expectedSeq} bị xóa hoặc đổi chỗ / entry #${b.expectedSeq} is missing or moved (found #${b.seq})`;
    ctx.stderr.write(`ansinh audit verify: chuỗi băm bị phá vỡ / hash chain broken: ${what}; ${v.count} mục đầu hợp lệ / first ${v.count} entries intact\n`);
    return 1;
  },
};

export const auditAnchorCommand: CliCommand = {
  name: 'audit anchor',
  summary: 'Append the audit chain head (seq, hash, time) to an append-only anchor file outside the database',
  usage: 'audit anchor [--to FILE|DIR]',
  options: { to: { type: 'string' } },
  help: `The place: --to, else ANSINH_AUDIT_ANCHOR_DIR (a directory holds ansinh-audit-anchors.jsonl). Keep it where
whoever can change the database cannot (another machine, write-once storage). Refused, exit 1, when the
log no longer matches an earlier anchor in the file. A server with ANSINH_AUDIT_ANCHOR_DIR anchors daily.`,
  async run({ values }, ctx) {
    const place = (values.to as string | undefined) ?? ctx.config.auditAnchorDir;
    if (!place)
      throw new CliError(
        'chưa có nơi neo: dùng --to FILE|DIR hoặc đặt ANSINH_AUDIT_ANCHOR_DIR / no anchor place: use --to FILE|DIR or set ANSINH_AUDIT_ANCHOR_DIR',
      );
    const db = await ctx.db();
    try {
      const a = await anchorChain(db.k, place);
      ctx.stdout.write(`Đã neo nhật ký kiểm toán / audit log anchored: mục / entry #${a.seq}, ${a.hash}, ${a.at} → ${a.file}\n`);
      return 0;
    } catch (e) {
      if (e instanceof AnchorError) throw new CliError(`không neo / not anchored: ${e.message}`);
      throw e;
    }
  },
};
