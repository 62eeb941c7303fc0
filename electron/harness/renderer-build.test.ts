import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRendererStale } from './renderer-build';

async function repo() {
  const root = await mkdtemp(join(tmpdir(), 'ucb-stale-'));
  await mkdir(join(root, 'renderer', 'src'), { recursive: true });
  await mkdir(join(root, 'shared'), { recursive: true });
  await writeFile(join(root, 'renderer', 'src', 'app.tsx'), 'x');
  await writeFile(join(root, 'shared', 'a.ts'), 'x');
  await writeFile(join(root, 'vite.config.ts'), 'x');
  await writeFile(join(root, 'package.json'), '{}');
  const old = new Date(Date.now() - 60_000);
  for (const p of ['renderer/src/app.tsx', 'renderer/src', 'renderer', 'shared/a.ts', 'shared', 'vite.config.ts', 'package.json']) {
    await utimes(join(root, p), old, old);
  }
  return { root, out: join(root, 'out', 'renderer') };
}

describe('isRendererStale', () => {
  it('is stale when nothing is built', async () => {
    const { root, out } = await repo();
    expect(await isRendererStale(root, out)).toBe(true);
  });

  it('is fresh when the build is newer than every source, stale once a source changes', async () => {
    const { root, out } = await repo();
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'index.html'), 'built');
    expect(await isRendererStale(root, out)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    await utimes(join(root, 'renderer', 'src', 'app.tsx'), later, later);
    expect(await isRendererStale(root, out)).toBe(true);
  });
});
