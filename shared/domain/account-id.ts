/**
 * A Databricks account id is a UUID (account console → user menu; seed 004: "The Account ID is a UUID required
 * for all account-level API calls"). It goes into URL paths (`/oidc/accounts/<id>/…`), so nothing else passes.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type AccountIdCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

export function parseAccountId(input: string): AccountIdCheck {
  const text = typeof input === 'string' ? input.trim().toLowerCase() : '';
  if (text === '') return { ok: false, problem: 'Enter the account id (a UUID from the account console).' };
  if (!UUID.test(text)) {
    return {
      ok: false,
      problem: 'The account id is a UUID like 0d26daa6-5e44-4c97-a497-ef015f91254a (account console → your user menu).',
    };
  }
  return { ok: true, value: text };
}
