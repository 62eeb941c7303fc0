import type { ConfigForm, Problems } from './form-state';

/** Which problems a change to the form answers, so fixing one field clears its message and no other. */
const FIELD_PROBLEMS: Readonly<Record<keyof ConfigForm, RegExp>> = {
  warehouseId: /^warehouse$/,
  httpPath: /^warehouse$/,
  catalog: /^(catalog|governed)$/,
  audit: /^$/,
  governedCatalogs: /^governed/,
  additional: /^additional/,
  servicePrincipal: /^servicePrincipal$/,
  mode: /^$/,
  manageScope: /^$/,
  storageLocation: /^storageLocation$/,
};

export function withoutAnswered(problems: Problems, change: Partial<ConfigForm>): Problems {
  const changed = Object.keys(change) as (keyof ConfigForm)[];
  const entries = Object.entries(problems).filter(([key]) => !changed.some((field) => FIELD_PROBLEMS[field].test(key)));
  return entries.length === Object.keys(problems).length ? problems : Object.fromEntries(entries);
}
