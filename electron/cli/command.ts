import type { IntegrationConfig } from '../../shared/integration/config';
import type { Logger } from '../ports';
import type { CliArgs } from './args';
import type { CliConnection } from './cli-connect';

/**
 * One `ucbridge` command as the registry (registry.ts) knows it. A command file exports these and stays light: it
 * imports heavy services inside `run` (`await import('…')`) so `ucbridge --help` does not load them.
 */

/** A flag a command takes besides the common ones (see `needs` for the ones it gets by declaring a need). */
export interface FlagSpec {
  readonly name: string;
  /** `value`: `--name V` or `--name=V`; `boolean`: `--name`. */
  readonly kind: 'value' | 'boolean';
  readonly repeatable?: boolean;
  /** One line of help, e.g. `--out DIR  Where to write the scripts.` is built from `valueName` and this. */
  readonly help: string;
  readonly valueName?: string;
}

export interface CommandNeeds {
  /** Reads `--config FILE` (the integration config) before anything else; bad input is exit 2. */
  readonly config: boolean;
  /** Signs in (unified auth flags, environment, profile) before `run`; the config's workspaceUrl is the default host. */
  readonly signIn: boolean;
  /** Takes `--yes`; without it stdin must be a terminal (checked before signing in). */
  readonly confirm: boolean;
}

/** What the CLI prints through: every line is scrubbed of secrets and escaped for the terminal. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Aborted on Ctrl-C. */
  readonly signal: AbortSignal;
  /** Whether a person is at the terminal to answer questions. */
  readonly interactive: boolean;
}

export interface CommandContext {
  readonly args: CliArgs;
  readonly io: CommandIo;
  readonly logger: Logger;
  /**
   * Asks the y/N question (or answers yes for `--yes`). A "no" ends the command: the CLI prints
   * "Nothing was changed." and exits 1, so a command never handles the refusal itself.
   */
  readonly confirm: (question: string) => Promise<void>;
  /** Asks a question on the terminal (only when `io.interactive`) and resolves to the answer as typed. */
  readonly ask: (question: string) => Promise<string>;
  /** Signs in on first use (commands with `needs.signIn` get it done before `run`); closed when the command ends. */
  readonly connect: () => Promise<CliConnection>;
}

/** The context of a command that reads --config. */
export type ConfigContext = CommandContext & { readonly config: IntegrationConfig };
/** The context of a command that reads --config and signs in. */
export type WorkspaceContext = ConfigContext & { readonly connection: CliConnection };

type ConfigPart<C extends boolean> = C extends true ? { readonly config: IntegrationConfig } : unknown;
type SignInPart<S extends boolean> = S extends true ? { readonly connection: CliConnection } : unknown;

export interface CommandSpec<C extends boolean, S extends boolean> {
  /** One or two words: `whoami`, `users match`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Its own help: what it does and its own flags' meaning. Common, sign-in, --config and --yes help is appended. */
  readonly usage: string;
  readonly needs: { readonly config: C; readonly signIn: S; readonly confirm: boolean };
  readonly flags?: readonly FlagSpec[];
  /** Words after the command name (e.g. a file). Without it, extra words are a usage error. */
  readonly operands?: { readonly min: number; readonly max: number; readonly names: string };
  readonly run: (ctx: CommandContext & ConfigPart<C> & SignInPart<S>) => Promise<number>;
}

/** A registered command, its needs erased: the runner provides what `needs` promises. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly needs: CommandNeeds;
  readonly flags?: readonly FlagSpec[];
  readonly operands?: { readonly min: number; readonly max: number; readonly names: string };
  readonly run: (ctx: CommandContext & { readonly config?: IntegrationConfig; readonly connection?: CliConnection }) => Promise<number>;
}

/** Types `run`'s context from `needs`: `ctx.config` exists exactly when `needs.config`, `ctx.connection` when `needs.signIn`. */
export const defineCommand = <C extends boolean, S extends boolean>(spec: CommandSpec<C, S>): CliCommand => spec as unknown as CliCommand;
