import { GOVERNANCE_KINDS, KNOWN_COLUMNS, type GovernanceKind, type GovernanceUser } from './governance-user';

/** A row's cells by column name, as the CSV or JSON reader found them (strings; JSON scalars already converted). */
export type RawRow = ReadonlyMap<string, string | readonly string[]>;

type Known = (typeof KNOWN_COLUMNS)[number];

/** The known column a header names, case-insensitively (`Email`, `username` …), else undefined: an attribute. */
export function knownColumn(header: string): Known | undefined {
  const h = header.trim().toLowerCase();
  return KNOWN_COLUMNS.find((k) => k.toLowerCase() === h);
}

const one = (v: string | readonly string[] | undefined): string | undefined => {
  const s = (typeof v === 'string' ? v : v?.join(';'))?.trim();
  return s === undefined || s === '' ? undefined : s;
};

function parseActive(v: string | undefined): boolean | string {
  if (v === undefined) return true;
  const s = v.toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  return `"active" must be true or false, not "${v}"`;
}

function parseKind(v: string | undefined): GovernanceKind | string {
  if (v === undefined) return 'user';
  const found = GOVERNANCE_KINDS.find((k) => k.toLowerCase() === v.toLowerCase());
  return found ?? `"kind" must be one of ${GOVERNANCE_KINDS.join(', ')}, not "${v}"`;
}

/** Several addresses may share one cell, separated by `;` (a comma would need quoting in CSV). */
function parseEmails(v: string | readonly string[] | undefined): readonly string[] {
  const parts = typeof v === 'string' ? v.split(';') : v ?? [];
  return [...new Set(parts.map((e) => e.trim()).filter((e) => e !== ''))];
}

/**
 * One row into a governance user, or the messages saying what is wrong with it. Cells are trimmed: a stray space
 * in an identifier or an attribute value would silently stop it from matching anything.
 */
export function rowToUser(row: RawRow): { user: GovernanceUser } | { problems: readonly string[] } {
  const problems: string[] = [];
  const known = new Map<Known, string | readonly string[]>();
  const attributes: Record<string, string> = {};
  for (const [header, value] of row) {
    const k = knownColumn(header);
    if (k !== undefined) known.set(k, value);
    else {
      const v = one(value);
      if (v !== undefined) attributes[header.trim()] = v;
    }
  }
  const id = one(known.get('id'));
  if (id === undefined) problems.push('"id" is empty (every row needs a unique id)');
  const active = parseActive(one(known.get('active')));
  if (typeof active === 'string') problems.push(active);
  const kind = parseKind(one(known.get('kind')));
  if (!(GOVERNANCE_KINDS as readonly string[]).includes(kind)) problems.push(kind);
  if (problems.length > 0 || id === undefined || typeof active === 'string') return { problems };
  const opt = (k: Known) => {
    const v = one(known.get(k));
    return v === undefined ? {} : { [k]: v };
  };
  return {
    user: {
      id,
      emails: parseEmails(known.get('email')),
      ...opt('userName'),
      ...opt('externalId'),
      ...opt('displayName'),
      active,
      kind: kind as GovernanceKind,
      attributes,
    },
  };
}
