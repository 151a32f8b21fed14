// CLI commands for user accounts: create a user with a scoped role, list users.
import { readFileSync } from 'node:fs';
import { CliError, type CliCommand } from '../kernel/cli.ts';
import { AppError } from '../kernel/errors.ts';
import { text } from '../kernel/i18n.ts';
import { audit } from '../audit/store.ts';
import { passwordProblems } from './model.ts';
import { isRole, roleNames } from './permissions.ts';
import { hashPassword } from './secrets.ts';
import * as store from './store.ts';
import { loadReferenceData } from '../reference.ts';

export const usersCreateCommand: CliCommand = {
  name: 'users create',
  summary: 'Create a user with a role scoped to a unit (or the whole country)',
  usage: 'users create --username U (--password P | --password-stdin) --role ROLE [--unit CODE] [--display-name NAME]',
  options: {
    username: { type: 'string' },
    password: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    role: { type: 'string' },
    unit: { type: 'string' },
    'display-name': { type: 'string' },
  },
  help: [
    `Roles: ${roleNames.join(', ')}. Without --unit the role covers every unit (national).`,
    'Example: echo "ThuLum@2026" | ansinh users create --username thulum --password-stdin --role officer --unit 03439',
  ].join('\n'),
  async run({ values }, ctx) {
    const username = values.username as string | undefined;
    const role = values.role as string | undefined;
    if (!username) throw new CliError('--username is required');
    if (!role || !isRole(role)) throw new CliError(`--role must be one of: ${roleNames.join(', ')}`);
    let password = values.password as string | undefined;
    if (values['password-stdin']) password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    if (!password) throw new CliError('give the password with --password or --password-stdin');
    const problems = passwordProblems(password, username);
    if (problems.length) throw AppError.validation(problems.map((m) => ({ path: 'password', message: m })));
    const db = await ctx.db();
    if (await store.findUserByName(db.k, username)) throw new CliError(`user "${username}" already exists`);
    let unitId: number | null = null;
    const code = values.unit as string | undefined;
    if (code) {
      await loadReferenceData(db, () => {}); // a fresh data folder has no units yet (idempotent)
      const unit = await store.unitByCode(db.k, code);
      if (!unit) throw AppError.notFound(text(`Không có đơn vị mã ${code}`, `No unit with code ${code}`));
      unitId = unit.id;
    }
    const hash = await hashPassword(password);
    const id = await db.k.transaction().execute(async (tx) => {
      const id = await store.createUser(tx, { username, displayName: (values['display-name'] as string | undefined) ?? username, passwordHash: hash });
      await store.setRoles(tx, id, [{ role, unitId }]);
      await audit(tx, {
        actor: { userId: null, username: 'cli' },
        action: 'user.create',
        entity: 'user',
        entityId: id,
        unitId,
        after: { username, role, unitCode: code ?? null },
      });
      return id;
    });
    ctx.stdout.write(`Created user ${username} (id ${id}), role ${role}${code ? ` in unit ${code}` : ' for every unit'}.\n`);
  },
};

export const usersListCommand: CliCommand = {
  name: 'users list',
  summary: 'List users with their roles and scopes',
  usage: 'users list',
  async run(_a, ctx) {
    const db = await ctx.db();
    const users = await store.listUsers(db.k);
    for (const u of users) {
      const roles = u.roles.map((r) => `${r.role}@${r.unitCode ?? 'all'}`).join(', ') || '-';
      ctx.stdout.write(
        `${String(u.id).padStart(4)}  ${u.username.padEnd(20)} ${u.disabled ? 'disabled ' : ''}${u.totpEnabled ? 'totp ' : ''}${roles}  ${u.displayName}\n`,
      );
    }
    ctx.stdout.write(`${users.length} user(s)\n`);
  },
};

export const accessCommands: CliCommand[] = [usersCreateCommand, usersListCommand];
