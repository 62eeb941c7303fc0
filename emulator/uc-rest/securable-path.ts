import { ucErrors } from '../catalog/errors';
import type { SecurableRef } from '../catalog/model';
import type { UnityCatalog } from '../catalog/unity-catalog';

/**
 * `{securable_type}/{full_name}` of the permissions and bindings APIs. Types are accepted in either case (the
 * CLI sends `catalog`, the 2026 SDK `CATALOG`); views use `table`; the metastore's full name is its id
 * (reference §4.7, R15).
 */
export function securableFromPath(uc: UnityCatalog, type: string, fullName: string): SecurableRef {
  const r = uc.resolve;
  switch (type.toLowerCase()) {
    case 'metastore':
      if (fullName !== uc.sandbox.metastoreId) throw ucErrors.invalidParameter(`Metastore '${fullName}' does not exist.`);
      return { kind: 'METASTORE' };
    case 'catalog':
      return r.catalog(fullName);
    case 'schema': {
      const [c, s] = r.parts(fullName, 2);
      return r.schema(c!, s!);
    }
    case 'table':
    case 'view': {
      const [c, s, t] = r.parts(fullName, 3);
      return r.table(c!, s!, t!);
    }
    case 'volume': {
      const [c, s, v] = r.parts(fullName, 3);
      return r.volume(c!, s!, v!);
    }
    case 'function': {
      const [c, s, f] = r.parts(fullName, 3);
      return r.function(c!, s!, f!);
    }
    default:
      throw ucErrors.invalidParameter(`Unsupported securable type '${type}' in the sandbox.`);
  }
}
