/**
 * Keys and blob names become file names. Restricting them to a small alphabet keeps every name inside its
 * directory (no separators, no `..`, no leading dot) and identical on every file system.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function assertStoreName(kind: string, name: string): void {
  if (!NAME.test(name) || name.includes('..') || name.endsWith('.tmp')) {
    throw new Error(`Invalid ${kind} name ${JSON.stringify(name.slice(0, 80))}: use 1-128 letters, digits, . _ -`);
  }
}

/** A file name that sorts and reads as a time: `2024-05-01T10-20-30-123Z`. */
export const fileTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');
