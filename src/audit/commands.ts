// `ansinh audit verify`: recomputes the audit log's hash chain and names the first broken entry.
import type { CliCommand } from '../kernel/cli.ts';
import { ChainVerifier } from './model.ts';
import { allEntries } from './store.ts';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'Check the audit log hash chain; exit 1 naming the first broken entry',
  usage: 'audit verify',
  help: 'Exit 0 with the number of entries and the head hash when intact (keep the head hash elsewhere:\nit also proves later that nothing was cut from the end). Exit 1 when an entry was edited,\ndeleted, inserted or moved.',
  async run(_a, ctx) {
    const db = await ctx.db();
    const v = new ChainVerifier();
    for await (const e of allEntries(db.k)) if (!v.push(e)) break;
    const b = v.broken;
    if (!b) {
      ctx.stdout.write(`Nhật ký kiểm toán nguyên vẹn / audit log intact: ${v.count} mục / entries; head ${v.head}\n`);
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
