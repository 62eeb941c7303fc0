import { UcError, ucErrors } from '../../catalog/errors';

const shape = (errorClass: string, sqlState: string) => ({ errorClass, sqlState, restCode: 'INVALID_PARAMETER_VALUE', httpStatus: 400 });

/**
 * DuckDB's errors in Databricks' vocabulary (reference sql-driver-thrift-protocol.md §5: "map error classes to
 * SQLSTATE"), without DuckDB's caret diagram or the sandbox's internal storage names.
 */
export function fromDuckError(error: unknown): UcError {
  if (error instanceof UcError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.split('\n\nLINE ')[0]!.replace(/\bdata\.t_[0-9a-f]+\b/g, 'table').replace(/\s+/g, ' ').trim();
  const body = message.replace(/^[A-Za-z ]+ Error: /, '');
  const column = /Referenced column "([^"]+)" not found/.exec(message);
  if (column) return ucErrors.unresolvedColumn(column[1]!);
  if (/^Parser Error/.test(message)) return new UcError(shape('PARSE_SYNTAX_ERROR', '42601'), body);
  const fn = /(?:Scalar|Table|Aggregate) Function with name (\S+) does not exist/.exec(message);
  if (fn) return ucErrors.unresolvedRoutine(fn[1]!);
  if (/^Conversion Error/.test(message)) return new UcError(shape('CAST_INVALID_INPUT', '22018'), body);
  if (/^Out of Range Error/.test(message)) return new UcError(shape('ARITHMETIC_OVERFLOW', '22003'), body);
  if (/^Constraint Error/.test(message)) return new UcError(shape('DELTA_NOT_NULL_CONSTRAINT_VIOLATED', '23502'), body);
  if (/No function matches|Could not choose a best candidate|Cannot compare|Cannot mix/.test(message)) {
    return new UcError(shape('DATATYPE_MISMATCH', '42K09'), body);
  }
  if (/^Binder Error/.test(message)) return new UcError(shape('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', '42703'), body);
  if (/Transaction conflict|Conflict on/.test(message)) return new UcError(shape('CONCURRENT_WRITE', '40000'), body);
  if (/INTERRUPT/i.test(message)) return ucErrors.cancelled();
  return new UcError(shape('INTERNAL_ERROR', 'XX000'), body);
}
