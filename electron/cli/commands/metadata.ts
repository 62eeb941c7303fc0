import { JSON_FLAG } from '../args';
import { defineCommand, type FlagSpec } from '../command';

/** Step 4's metadata in the CLI. The work is in metadata-run.ts, loaded when a command runs. */
const run = () => import('./metadata-run');

const DATA_DIR: FlagSpec = {
  name: 'data-dir',
  kind: 'value',
  valueName: 'DIR',
  help: "Where the metadata index and the selection rules live (default: the app's data folder, shared with the app).",
};

const HELP = `--config FILE is the integration config: the crawl runs on its httpPath (falling back to the REST API when no
warehouse can be used), reads query audit when its audit is on, and registers into its catalog. The metadata index
is kept per workspace under --data-dir, so a later diff compares with the last crawl. Exit codes: 0 success,
1 failure, 2 bad input.`;

export const metadataCrawlCommand = defineCommand({
  name: 'metadata crawl',
  summary: 'Crawl the metastore into the local index; print what it found.',
  usage: `Reads catalogs, schemas, tables, columns, tags, grants, masks, row filters, ABAC policies and lineage in bulk
(one statement per catalog) into a new snapshot of the index. --json prints
{"catalogs","schemas","tables","columns","tags","grants","masks","rowFilters","lineageEdges","seconds"}.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [DATA_DIR, JSON_FLAG, { name: 'rest', kind: 'boolean', help: 'Crawl over the REST API instead of SQL.' }],
  run: async (ctx) => (await run()).crawl(ctx),
});

const PATTERN_HELP = 'catalog, catalog.schema or catalog.schema.table; * matches within a part (main.sales.*).';

export const metadataRegisterCommand = defineCommand({
  name: 'metadata register',
  summary: 'Register objects by rule into the integration catalog (shows the plan, asks; --yes: do not ask).',
  usage: `Selects what to register by --include patterns (and --exclude ones, which win), kept as rules so objects
created later follow them; re-crawls what changed since the last crawl; shows the plan of inserts, updates and
deletes into <catalog>.registry.registered_objects; asks; runs it. New objects are registered active, or inactive
with --inactive; objects under an inactive one are inactive too.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: true },
  flags: [
    { name: 'include', kind: 'value', repeatable: true, valueName: 'PATTERN', help: `What to register: ${PATTERN_HELP}` },
    { name: 'exclude', kind: 'value', repeatable: true, valueName: 'PATTERN', help: `What to leave out, even when included: ${PATTERN_HELP}` },
    { name: 'inactive', kind: 'boolean', help: 'Register objects inactive (the governance product does not enforce on them yet).' },
    DATA_DIR,
    JSON_FLAG,
  ],
  run: async (ctx) => (await run()).register(ctx),
});

export const metadataDiffCommand = defineCommand({
  name: 'metadata diff',
  summary: 'Re-crawl and show what is new, changed and dropped since the last crawl (--apply: update the registry).',
  usage: `Re-reads only what changed since the last crawl and compares: --json prints
{"new":[fullName…],"changed":[{"fullName","changes":[…]}],"dropped":[fullName…]}. With --apply (and --yes, or an
answer on the terminal) the registry is then brought in line, by the rules of the last register.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [{ name: 'apply', kind: 'boolean', help: 'Update the registry after showing the diff.' }, { name: 'yes', kind: 'boolean', help: 'With --apply: do not ask.' }, DATA_DIR, JSON_FLAG],
  run: async (ctx) => (await run()).diff(ctx),
});

export const metadataPublishTagsCommand = defineCommand({
  name: 'metadata publish-tags',
  summary: 'Publish tags from a file to Unity Catalog (shows the plan, asks; --yes; --out DIR: write the script instead).',
  usage: `--tags FILE holds [{"securable":"main.sales.customers.email","tags":{"pii":"email"}}, …]. Each object's tags
are set with ALTER … SET TAGS after checking Unity Catalog's limits (key characters, lengths, 50 tags per object);
publishing again changes nothing. With --out DIR, publish-tags.sql is written there and nothing is run.\n\n${HELP}`,
  needs: { config: true, signIn: true, confirm: false },
  flags: [
    { name: 'tags', kind: 'value', valueName: 'FILE', help: 'The tags to publish (JSON).' },
    { name: 'out', kind: 'value', valueName: 'DIR', help: 'Write publish-tags.sql there instead of running it.' },
    { name: 'yes', kind: 'boolean', help: 'Run without asking.' },
    DATA_DIR,
    JSON_FLAG,
  ],
  run: async (ctx) => (await run()).publishTags(ctx),
});

export const METADATA_COMMANDS = [metadataCrawlCommand, metadataRegisterCommand, metadataDiffCommand, metadataPublishTagsCommand] as const;
