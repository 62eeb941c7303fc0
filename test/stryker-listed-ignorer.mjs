// @ts-check
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { IGNORED_MUTANTS } from '../stryker.config.mjs';

/**
 * Stryker ignorer `listed`: leaves alone the mutants of each code fragment listed in stryker.config.mjs's
 * IGNORED_MUTANTS (file, the exact source of the expression or statement — or its start, with `prefix: true` — and
 * why), so every mutant left alive on
 * purpose is in the config with its reason, and shows up in the report as "Ignored" with it.
 */
const listed = {
  /** @param {any} path a Babel NodePath */
  shouldIgnore(path) {
    const file = String(path.hub?.file?.opts?.filename ?? '').replaceAll('\\', '/');
    if (file === '') return undefined;
    const source = path.getSource();
    const hit = IGNORED_MUTANTS.find((m) => file.endsWith(`/${m.file}`) && (m.prefix === true ? source.startsWith(m.code) : source === m.code));
    return hit?.reason;
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'listed', listed)];
