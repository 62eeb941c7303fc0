import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliDiff } from '../../../shared/metadata/diff';
import { SelectionRulesSchema } from '../../../shared/metadata/selection-rules';
import { AppFailure } from '../../../shared/result';
import { escapeControl } from '../../../shared/text/escape-control';
import { createEventHub } from '../../gateway/event-hub';
import { openFileKeyValueStore, systemClock } from '../../node';
import { assertConfigFor } from '../../services/integration/saved-config';
import { createMetadataService, type MetadataService } from '../../services/metadata/metadata-service';
import { createTaskRegistry } from '../../services/tasks/task-registry';
import { appDataDir } from '../app-data-dir';
import type { WorkspaceContext } from '../command';
import { outputPathFailure } from '../file-problem';
import { applyText, planText } from '../integration-format';

const bad = (message: string, hint?: string) => new AppFailure(hint ? { code: 'BAD_REQUEST', message, hint } : { code: 'BAD_REQUEST', message });
let tasks = 0;
const taskId = (kind: string) => `cli-${kind}-${Date.now().toString(36)}-${++tasks}`;

/** The app's metadata service over this run's sign-in, with the index and rules in the data folder. */
async function service(ctx: WorkspaceContext): Promise<{ metadata: MetadataService; close: () => Promise<void> }> {
  assertConfigFor(ctx.config, ctx.connection.workspace);
  const dataDir = typeof ctx.args.flags['data-dir'] === 'string' ? ctx.args.flags['data-dir'] : appDataDir();
  const events = createEventHub(ctx.logger);
  // Progress goes to stderr, a line per catalog read, so stdout stays the result (--json).
  let lastDone = -1;
  events.subscribe((name, payload) => {
    if (name !== 'metadata.crawl') return;
    const p = payload as { catalogsDone: number; catalogsTotal: number; tables: number; columns: number };
    if (p.catalogsDone === lastDone) return;
    lastDone = p.catalogsDone;
    ctx.io.stderr(`  ${p.catalogsDone}/${p.catalogsTotal} catalogs, ${p.tables} tables, ${p.columns} columns`);
  });
  const kv = await openFileKeyValueStore({ dir: join(dataDir, 'state'), logger: ctx.logger });
  const metadata = createMetadataService({
    connections: { requireConnection: () => ctx.connection.connection },
    tasks: createTaskRegistry({ events, clock: systemClock, logger: ctx.logger }),
    events,
    clock: systemClock,
    logger: ctx.logger,
    kv: kv.store,
    dataDir: join(dataDir, 'metadata'),
    crawlTarget: async () => ctx.config,
  });
  return { metadata, close: () => metadata.dispose() };
}

async function using<T>(ctx: WorkspaceContext, work: (m: MetadataService) => Promise<T>): Promise<T> {
  const s = await service(ctx);
  try {
    return await work(s.metadata);
  } finally {
    await s.close();
  }
}

export function crawl(ctx: WorkspaceContext): Promise<number> {
  return using(ctx, async (m) => {
    const started = Date.now();
    const { snapshot } = await m.crawl(taskId('crawl'), 'full', ctx.args.flags.rest === true ? 'rest' : 'auto');
    const c = snapshot.counts;
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const result = { catalogs: c.catalogs, schemas: c.schemas, tables: c.tables, columns: c.columns, tags: c.tags, grants: c.grants, masks: c.masks, rowFilters: c.rowFilters, lineageEdges: c.lineageEdges, seconds };
    if (ctx.args.flags.json === true) ctx.io.stdout(JSON.stringify(result));
    else ctx.io.stdout(`Crawled ${c.catalogs} catalogs, ${c.schemas} schemas, ${c.tables} tables, ${c.columns} columns (${c.tags} tags, ${c.grants} grants, ${c.masks} masks, ${c.rowFilters} row filters, ${c.lineageEdges} lineage edges) over ${snapshot.source.toUpperCase()} in ${seconds} s.`);
    for (const b of snapshot.blindSpots) ctx.io.stderr(`Note: ${escapeControl(b.message)}`);
    return 0;
  });
}

/** Plans the registration, shows it, asks, runs it. */
async function registerWith(ctx: WorkspaceContext, m: MetadataService): Promise<number> {
  const p = await m.registrationPlan();
  ctx.io.stderr(planText(p.plan));
  ctx.io.stderr(`${p.inserts} to register, ${p.updates} to update, ${p.deletes} to remove.`);
  const pending = p.plan.steps.filter((s) => s.action !== 'unchanged').length;
  if (pending > 0) await ctx.confirm(`Update the registry in ${ctx.config.catalog}: run ${pending} statement${pending === 1 ? '' : 's'} on ${ctx.connection.workspace.host}?`);
  const summary = await m.register(taskId('register'), p.plan.hash);
  ctx.io.stdout(ctx.args.flags.json === true ? JSON.stringify(summary) : applyText(summary));
  return summary.failed === 0 ? 0 : 1;
}

export async function register(ctx: WorkspaceContext): Promise<number> {
  const include = ctx.args.lists.include ?? [];
  if (include.length === 0) throw bad('metadata register needs at least one --include PATTERN (for example main.sales.*).');
  const parsed = SelectionRulesSchema.safeParse({ include, exclude: ctx.args.lists.exclude ?? [], defaultActive: ctx.args.flags.inactive !== true, forceRecursiveCrawl: true });
  if (!parsed.success) throw bad(`The patterns are not valid: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  return using(ctx, async (m) => {
    await m.crawl(taskId('crawl'), 'incremental', 'auto');
    await m.saveRules(parsed.data);
    return registerWith(ctx, m);
  });
}

export function diff(ctx: WorkspaceContext): Promise<number> {
  return using(ctx, async (m) => {
    const { diff: d } = await m.crawl(taskId('crawl'), 'incremental', 'auto');
    const shown = cliDiff(d ?? { new: [], changed: [], dropped: [] });
    if (ctx.args.flags.json === true) ctx.io.stdout(JSON.stringify(shown));
    else {
      if (d === null) ctx.io.stdout('This was the first crawl of this workspace: nothing to compare with yet.');
      for (const n of shown.new) ctx.io.stdout(`new      ${n}`);
      for (const c of shown.changed) ctx.io.stdout(`changed  ${c.fullName}: ${c.changes.map((x) => x.kind + ('column' in x && x.column ? ` ${x.column}` : '')).join(', ')}`);
      for (const n of shown.dropped) ctx.io.stdout(`dropped  ${n}`);
      ctx.io.stdout(`${shown.new.length} new, ${shown.changed.length} changed, ${shown.dropped.length} dropped.`);
    }
    return ctx.args.flags.apply === true ? registerWith(ctx, m) : 0;
  });
}

export async function publishTags(ctx: WorkspaceContext): Promise<number> {
  const path = ctx.args.flags.tags;
  if (typeof path !== 'string') throw bad('metadata publish-tags needs --tags FILE, the tags to publish (JSON).');
  const file = await readFile(path, 'utf8').catch(() => {
    throw bad(`Cannot read the tags file ${path}.`, 'Check the path and that you may read it.');
  });
  return using(ctx, async (m) => {
    if ((await m.status()).snapshot === null) await m.crawl(taskId('crawl'), 'full', 'auto');
    const source = { file };
    const p = await m.tagsPlan(source);
    if (p.problems.length > 0) {
      for (const problem of p.problems) ctx.io.stderr(`FAIL  ${escapeControl(problem)}`);
      throw bad(`${p.problems.length} problem${p.problems.length === 1 ? '' : 's'} in the tags file; nothing was published.`);
    }
    const out = ctx.args.flags.out;
    if (typeof out === 'string') {
      const [script] = await m.exportTags(source);
      await mkdir(out, { recursive: true }).catch((e: unknown) => {
        throw outputPathFailure(out, e);
      });
      const target = join(out, script!.name);
      await writeFile(target, script!.content).catch((e: unknown) => {
        throw outputPathFailure(target, e);
      });
      ctx.io.stdout(target);
      return 0;
    }
    ctx.io.stderr(planText(p.plan));
    const pending = p.plan.steps.filter((s) => s.action !== 'unchanged').length;
    if (pending > 0) await ctx.confirm(`Publish the tags: run ${pending} statement${pending === 1 ? '' : 's'} on ${ctx.connection.workspace.host}?`);
    const summary = await m.publishTags(taskId('tags'), source, p.plan.hash);
    ctx.io.stdout(ctx.args.flags.json === true ? JSON.stringify(summary) : applyText(summary));
    return summary.failed === 0 ? 0 : 1;
  });
}
