import { escapeControl } from '../../shared/text/escape-control';
import { UsageError } from './args';

/** A usage error that prints a listing (the command list) after its one line. */
export class UsageListingError extends UsageError {
  constructor(
    message: string,
    readonly listing: string,
  ) {
    super(message);
  }
}

/**
 * Bad command-line input: one line (and the command list where that is the help), exit 2. Kept free of the
 * services' modules so `ucbridge --help` and a mistyped command load nothing else.
 */
export function reportUsageError(e: UsageError, stderr: (text: string) => void): number {
  const hint = e instanceof UsageListingError ? '' : ' See ucbridge --help.';
  stderr(`ucbridge: ${escapeControl(e.message)}${hint}`);
  if (e instanceof UsageListingError) stderr(e.listing);
  return 2;
}
