import { ucErrors } from '../../catalog/errors';
import type { PolicyArg, SecurableRef } from '../../catalog/model';
import type { ArgSpec, Name, SecurableSpec } from '../parse/ast';
import { qualify } from '../rewrite/sources';
import type { Exec } from './session';

/** `s` or `c.s` → [catalog, schema] in the session's namespace. */
export function schemaParts(exec: Exec, name: Name): [string, string] {
  if (name.length === 1) return [exec.session.catalog, name[0]!];
  if (name.length === 2) return [name[0]!, name[1]!];
  throw ucErrors.parse(`'${name.join('.')}'`);
}

export const objectParts = (exec: Exec, name: Name): [string, string, string] => qualify(name, exec.scope);

/** The securable a GRANT / SHOW GRANTS / ALTER … OWNER / tag statement names. */
export function securableOf(exec: Exec, spec: SecurableSpec): SecurableRef {
  const r = exec.uc.resolve;
  switch (spec.kind) {
    case 'METASTORE':
      return { kind: 'METASTORE' };
    case 'CATALOG':
      return r.catalog(spec.name?.[0] ?? exec.session.catalog);
    case 'SCHEMA':
      return r.schema(...schemaParts(exec, spec.name));
    case 'TABLE':
    case 'VIEW': {
      const ref = r.table(...objectParts(exec, spec.name));
      if (spec.kind === 'VIEW' && ref.table.tableType !== 'VIEW') throw ucErrors.invalidParameter(`${spec.name.join('.')} is not a view.`);
      return ref;
    }
    case 'VOLUME':
      return r.volume(...objectParts(exec, spec.name));
    case 'FUNCTION':
      return r.function(...objectParts(exec, spec.name));
  }
}

export const policyArgs = (args: readonly ArgSpec[]): PolicyArg[] =>
  args.map((a) => (a.kind === 'column' ? { kind: 'column', name: a.name } : { kind: 'literal', sql: a.sql }));
