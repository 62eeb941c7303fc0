import { IdentityError } from './model';

// Unity Catalog principal names are compared case-insensitively (unity-catalog-scim-rest.md §0 item 1), so the
// store enforces uniqueness on the lower-cased form.
export const nameKey = (name: string): string => name.toLowerCase();

// ASCII control characters are refused in identity names: they cannot be granted to in SQL without breaking
// statements and Databricks refuses them in securable names (unity-catalog-scim-rest.md §0 item 1).
const hasControl = (value: string): boolean =>
  [...value].some((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });

export function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new IdentityError('invalid', `${field} is required`);
  }
  if (value.length > 255 || hasControl(value)) {
    throw new IdentityError('invalid', `${field} must be at most 255 printable characters`);
  }
  return value;
}

/** Databricks user names are email addresses (SCIM `userName`, unity-catalog-scim-rest.md §5.2). */
export function requireEmail(value: unknown, field: string): string {
  const name = requireName(value, field);
  if (!/^[^\s@]+@[^\s@]+$/u.test(name)) {
    throw new IdentityError('invalid', `${field} must be an email address`);
  }
  return name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw new IdentityError('invalid', `${field} must be a UUID`);
  return value.toLowerCase();
}
