import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { startEmulator } from '../../../../emulator/start';
import { sandboxSql } from './sandbox-sql.test-support';

it('probe', async () => {
  const emu = await startEmulator({ log: () => undefined });
  const sql = sandboxSql(emu, emu.users.find((u) => u.admin)!.userName, await mkdtemp(join(tmpdir(), 'probe-')));
  const s = await sql.open();
  const stmts = readFileSync('/tmp/ucb-probe/stmts.sql', 'utf8').replaceAll('SPID', emu.servicePrincipals.find((p) => !p.admin)!.applicationId).split(/;\n/).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  for (const q of stmts) {
    try { out.push('OK   ' + q + '\n     ' + JSON.stringify(await s.execute(q)).slice(0, 2500)); }
    catch (e) { out.push('ERR  ' + q + '\n     ' + String((e as { message?: string }).message ?? e)); }
  }
  console.log(out.join('\n'));
  await s.close(); await sql.close(); await emu.stop();
}, 120_000);
