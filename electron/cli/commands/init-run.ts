import { lstat, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ApplicationIdSchema, IntegrationCatalogSchema, IntegrationConfigSchema, type IntegrationConfigInput } from '../../../shared/integration/config';
import { AppFailure } from '../../../shared/result';
import { listAll } from '../../services/connection/paged-list';
import type { RestClient } from '../../services/connection/types';
import { listServicePrincipals } from '../../services/integration/service-principals';
import { listWarehouses } from '../../services/integration/warehouses';
import type { CommandContext } from '../command';
import { outputPathFailure } from '../file-problem';
import { EXAMPLE_CONFIG } from './init-example';

const exists = (path: string) =>
  new AppFailure({ code: 'BAD_REQUEST', message: `Cannot write ${path}: it already exists, and ucbridge init never overwrites a file.`, hint: 'Choose another --out, or move the file away.' });

/** Writes a new file only: an existing config is the user's, never overwritten. */
async function writeNew(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content, { flag: 'wx' });
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? exists(path) : outputPathFailure(path, e);
  }
}

/** Catalogs the integration could govern: not the system catalog, nor another metastore's internal ones. */
async function governableCatalogs(rest: RestClient, signal: AbortSignal): Promise<string[]> {
  const item = z.object({ name: z.string(), catalog_type: z.string().optional() });
  const all = await listAll(rest, { path: '/api/2.1/unity-catalog/catalogs', itemsKey: 'catalogs', item, what: 'Listing catalogs', signal });
  return all.filter((c) => c.name !== 'system' && c.catalog_type !== 'SYSTEM_CATALOG' && c.catalog_type !== 'INTERNAL_CATALOG').map((c) => c.name);
}

/** Asks until the answer is acceptable: `parse` returns the value, or a problem to show before asking again. */
async function askUntil<T>(ctx: CommandContext, question: string, parse: (answer: string) => { value: T } | { problem: string }): Promise<T> {
  for (;;) {
    const r = parse((await ctx.ask(question)).trim());
    if ('value' in r) return r.value;
    ctx.io.stderr(`  ${r.problem}`);
  }
}

/** Numbers from a numbered list: `2`, or `1,3` where several may be picked; empty picks the default. */
function numbers(answer: string, count: number, several: boolean, fallback: number[] | undefined): { value: number[] } | { problem: string } {
  if (answer === '') return fallback ? { value: fallback } : { problem: 'Type a number from the list.' };
  const picked = answer.split(/[\s,]+/).filter(Boolean).map(Number);
  if (picked.some((n) => !Number.isInteger(n) || n < 1 || n > count)) return { problem: `Type ${several ? 'numbers' : 'a number'} from 1 to ${count}.` };
  if (!several && picked.length > 1) return { problem: 'Pick one.' };
  return { value: [...new Set(picked)] };
}

const listLines = (items: readonly string[]): string => items.map((label, i) => `  ${String(i + 1).padStart(String(items.length).length)}. ${label}`).join('\n');

/** `ucbridge init [--out FILE]`. */
export async function init(ctx: CommandContext): Promise<number> {
  const out = typeof ctx.args.flags.out === 'string' ? ctx.args.flags.out : 'integration.json';
  // Before any question: an answer given for a file that cannot be written is wasted.
  if (await lstat(out).then(() => true, () => false)) throw exists(out);
  if (!ctx.io.interactive) {
    await writeNew(out, EXAMPLE_CONFIG);
    ctx.io.stdout(`Wrote ${out}: an example config with comments. Replace every <placeholder>, then run ucbridge validate --config ${out}`);
    return 0;
  }
  const c = await ctx.connect();
  const { rest } = c.connection;
  const signal = AbortSignal.any([ctx.io.signal, c.connection.signal]);
  ctx.io.stderr(`Signed in to ${c.workspace.url} as ${c.identity.userName}.`);

  const warehouses = await listWarehouses(rest, signal);
  if (warehouses.length === 0) throw new AppFailure({ code: 'NOT_FOUND', message: `${c.workspace.host} has no SQL warehouse you can see.`, hint: 'Create one (SQL > SQL warehouses), or ask for CAN_USE on one, then run ucbridge init again.' });
  ctx.io.stderr(`SQL warehouses:\n${listLines(warehouses.map((w) => `${w.name} (${w.state.toLowerCase()})`))}`);
  const [w] = await askUntil(ctx, `The warehouse the integration runs on [1-${warehouses.length}]: `, (a) => numbers(a, warehouses.length, false, warehouses.length === 1 ? [1] : undefined));

  const catalog = await askUntil<string>(ctx, 'Name of the integration catalog ucbridge creates [ucbridge]: ', (a) => {
    const r = IntegrationCatalogSchema.safeParse(a || 'ucbridge');
    return r.success ? { value: r.data } : { problem: r.error.issues[0]!.message };
  });

  const catalogs = (await governableCatalogs(rest, signal)).filter((n) => n !== catalog);
  let governed: string[] = [];
  if (catalogs.length > 0) {
    ctx.io.stderr(`Catalogs:\n${listLines(catalogs)}`);
    const picked = await askUntil(ctx, 'The catalogs to govern, e.g. 1,3 [none]: ', (a) => numbers(a, catalogs.length, true, []));
    governed = picked.map((n) => catalogs[n - 1]!);
  }

  const audit = /^y(es)?$/i.test((await ctx.ask('Turn on query audit (reads system.access and system.query)? [y/N] ')).trim());

  const sps = await listServicePrincipals(rest, { signal });
  if (sps.length > 0) ctx.io.stderr(`Service principals:\n${listLines(sps.map((s) => `${s.displayName || '(no name)'}  ${s.applicationId}`))}`);
  const applicationId = await askUntil<string>(ctx, `The service principal the governance product runs as${sps.length > 0 ? ` [1-${sps.length}, or an application id]` : ' (application id)'}: `, (a) => {
    const n = Number(a);
    if (a !== '' && Number.isInteger(n) && n >= 1 && n <= sps.length) return { value: sps[n - 1]!.applicationId };
    const r = ApplicationIdSchema.safeParse(a);
    return r.success ? { value: r.data } : { problem: sps.length > 0 ? `Type a number from 1 to ${sps.length}, or an application id (UUID).` : 'Type the application id (a UUID).' };
  });

  const config: IntegrationConfigInput = {
    workspaceUrl: c.workspace.url,
    httpPath: warehouses[w! - 1]!.httpPath,
    catalog,
    audit: { enabled: audit },
    servicePrincipal: { applicationId },
    governedCatalogs: governed,
    additionalWorkspaceConnections: [],
  };
  // What is written is what --config reads back.
  IntegrationConfigSchema.parse(config);
  await writeNew(out, `${JSON.stringify(config, null, 2)}\n`);
  ctx.io.stdout(`Wrote ${out}. Check it against the workspace with: ucbridge validate --config ${out}`);
  return 0;
}
