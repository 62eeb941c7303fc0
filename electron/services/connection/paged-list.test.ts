import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RestClient, RestRequest } from './types';
import { listAll } from './paged-list';

/** A fake REST client answering a fixed sequence of pages, recording each query. */
function pages(answers: readonly Record<string, unknown>[]): { rest: RestClient; queries: Record<string, unknown>[] } {
  const queries: Record<string, unknown>[] = [];
  let i = 0;
  const rest: RestClient = {
    request: async <S extends z.ZodType>(req: RestRequest<S>) => {
      queries.push({ ...req.query });
      return req.schema.parse(answers[i++]) as z.output<S>;
    },
  };
  return { rest, queries };
}

const item = z.object({ name: z.string() });

describe('the paged-list reader', () => {
  it('follows next_page_token through empty pages until it is absent, asking the server page size', async () => {
    const { rest, queries } = pages([
      { schemas: [], next_page_token: 't1' },
      { schemas: [{ name: 'a' }], next_page_token: 't2' },
      { next_page_token: 't3' },
      { schemas: [{ name: 'b' }] },
    ]);
    const all = await listAll(rest, { path: '/api/2.1/unity-catalog/schemas', query: { catalog_name: 'main' }, itemsKey: 'schemas', item, what: 'Listing' });
    expect(all).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(queries).toEqual([
      { catalog_name: 'main', max_results: 0 },
      { catalog_name: 'main', max_results: 0, page_token: 't1' },
      { catalog_name: 'main', max_results: 0, page_token: 't2' },
      { catalog_name: 'main', max_results: 0, page_token: 't3' },
    ]);
  });

  it('stops on an empty-string token, and takes another page-size parameter', async () => {
    const { rest, queries } = pages([{ warehouses: [{ name: 'w' }], next_page_token: '' }]);
    expect(await listAll(rest, { path: '/api/2.0/sql/warehouses', itemsKey: 'warehouses', item, pageSize: { param: 'page_size', value: 100 }, what: 'Listing' })).toEqual([{ name: 'w' }]);
    expect(queries).toEqual([{ page_size: 100 }]);
  });

  it('refuses a server that hands out the same token twice (it would never end)', async () => {
    const { rest } = pages([{ schemas: [], next_page_token: 'x' }, { schemas: [], next_page_token: 'x' }]);
    await expect(listAll(rest, { path: '/p', itemsKey: 'schemas', item, what: 'Listing the schemas' })).rejects.toMatchObject({ error: { code: 'INTERNAL', message: expect.stringContaining('same page token twice') } });
  });
});

/** Source files of the app (not tests), for the rule below. */
async function appSources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out;
}

describe('every list the app reads goes through the paged-list reader', () => {
  it('no app source but paged-list.ts handles page tokens itself', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const offenders: string[] = [];
    for (const file of await appSources(root)) {
      if (file.endsWith(join('connection', 'paged-list.ts'))) continue;
      // Code only: comments may name the token (they explain the rule).
      const code = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      if (/page_token/.test(code)) offenders.push(relative(root, file));
    }
    expect(offenders).toEqual([]);
  });
});
