import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
let base: string;

async function gate(args: string[]) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['scripts/electronegativity-gate.mjs', ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const INSECURE_WINDOW = [
  "const { BrowserWindow } = require('electron');",
  'const options = { webPreferences: { contextIsolation: false, webSecurity: false } };',
  'module.exports = () => new BrowserWindow(options);',
].join('\n');

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'ucb-eneg-'));
  await mkdir(join(base, 'app'));
  await writeFile(join(base, 'app', 'window.js'), INSECURE_WINDOW);
  await writeFile(join(base, 'empty-allow.json'), '{"allow": []}');
});

describe('npm run audit:security (electronegativity gate)', () => {
  it('fails on HIGH/MEDIUM findings that are not allowed, naming them, and writes the CSV', async () => {
    const out = join(base, 'reports', 'first.csv');
    const result = await gate([`--input=${join(base, 'app')}`, `--allow=${join(base, 'empty-allow.json')}`, `--out=${out}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK .*window\.js/);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^electronegativity FAIL: \d+ checks, \d+ findings, 0 allowed with a reason, [1-9]\d* blocking/);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('issue,severity,confidence,filename,location,sample,description,url');
    expect(csv).toContain('"CONTEXT_ISOLATION_JS_CHECK","HIGH"');
  });

  it('passes once every HIGH/MEDIUM finding is allowed with a reason', async () => {
    const first = await readFile(join(base, 'reports', 'first.csv'), 'utf8');
    const rows = first.trim().split('\n').slice(1).map((line) => line.split('","').map((f) => f.replace(/^"|"$/g, '')));
    const allow = rows
      .filter(([, severity]) => severity === 'HIGH' || severity === 'MEDIUM')
      .map(([check, , , file]) => ({ check, file, reason: 'Reviewed: this fixture is insecure on purpose.' }));
    await writeFile(join(base, 'allow.json'), JSON.stringify({ allow }));
    const result = await gate([
      `--input=${join(base, 'app')}`,
      `--allow=${join(base, 'allow.json')}`,
      `--out=${join(base, 'reports', 'second.csv')}`,
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^electronegativity pass: .* 0 blocking HIGH\/MEDIUM/);
  });

  it('refuses an allow-list entry without a reason', async () => {
    await writeFile(join(base, 'no-reason.json'), JSON.stringify({ allow: [{ check: 'SANDBOX_JS_CHECK', file: 'x.js' }] }));
    const result = await gate([`--input=${join(base, 'app')}`, `--allow=${join(base, 'no-reason.json')}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/every entry needs "check", "file" and a "reason"/);
  });
});
