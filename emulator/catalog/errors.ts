/**
 * Unity Catalog failures, carried the two ways Databricks reports them: as a SQL error class with a SQLSTATE
 * (`[CLASS] message SQLSTATE: xxxxx`, reference unity-catalog-scim-rest.md §6.3, R49/R56) and as a REST error
 * `{error_code, message}` with an HTTP status (§6.1, S-ERR/S-ERRCODE).
 */
export interface UcErrorShape {
  readonly errorClass: string;
  readonly sqlState: string;
  readonly restCode: string;
  readonly httpStatus: number;
}

export class UcError extends Error {
  readonly errorClass: string;
  readonly sqlState: string;
  readonly restCode: string;
  readonly httpStatus: number;

  constructor(shape: UcErrorShape, message: string) {
    super(message);
    this.name = 'UcError';
    this.errorClass = shape.errorClass;
    this.sqlState = shape.sqlState;
    this.restCode = shape.restCode;
    this.httpStatus = shape.httpStatus;
  }

  /** What the driver shows as the error's message (`OperationStateError.message = displayMessage`). */
  get displayMessage(): string {
    return `[${this.errorClass}] ${this.message} SQLSTATE: ${this.sqlState}`;
  }
}

const shape = (errorClass: string, sqlState: string, restCode: string, httpStatus: number): UcErrorShape => ({
  errorClass,
  sqlState,
  restCode,
  httpStatus,
});

const bt = (parts: readonly string[]): string => parts.map((p) => '`' + p.replaceAll('`', '``') + '`').join('.');

/** Factories for every failure the sandbox raises, so the class, SQLSTATE and REST code always agree. */
export const ucErrors = {
  insufficientPermissions: (detail: string) =>
    new UcError(shape('INSUFFICIENT_PERMISSIONS', '42501', 'PERMISSION_DENIED', 403), `Insufficient privileges:\n${detail}`),
  // UC's own wording for a missing catalog (R56: NO_SUCH_CATALOG_EXCEPTION 42704).
  catalogNotFound: (name: string) =>
    new UcError(
      shape('NO_SUCH_CATALOG_EXCEPTION', '42704', 'CATALOG_DOES_NOT_EXIST', 404),
      `Catalog '${name}' was not found. Please verify the catalog name and then retry the query or command again.`,
    ),
  schemaNotFound: (parts: readonly string[]) =>
    new UcError(
      shape('SCHEMA_NOT_FOUND', '42704', 'SCHEMA_DOES_NOT_EXIST', 404),
      `The schema ${bt(parts)} cannot be found. Verify the spelling and correctness of the schema and catalog.`,
    ),
  tableNotFound: (parts: readonly string[]) =>
    new UcError(
      shape('TABLE_OR_VIEW_NOT_FOUND', '42P01', 'TABLE_DOES_NOT_EXIST', 404),
      `The table or view ${bt(parts)} cannot be found. Verify the spelling and correctness of the schema and catalog.`,
    ),
  volumeNotFound: (parts: readonly string[]) =>
    new UcError(shape('VOLUME_NOT_FOUND', '42704', 'RESOURCE_DOES_NOT_EXIST', 404), `Volume ${bt(parts)} does not exist.`),
  routineNotFound: (parts: readonly string[]) =>
    new UcError(
      shape('ROUTINE_NOT_FOUND', '42883', 'RESOURCE_DOES_NOT_EXIST', 404),
      `The routine ${bt(parts)} cannot be found. Verify the spelling and correctness of the schema and catalog.`,
    ),
  unresolvedRoutine: (name: string) =>
    new UcError(
      shape('UNRESOLVED_ROUTINE', '42883', 'INVALID_PARAMETER_VALUE', 400),
      `Cannot resolve routine ${bt([name])} on search path [\`system\`.\`builtin\`, \`system\`.\`session\`].`,
    ),
  catalogExists: (name: string) =>
    new UcError(shape('CATALOG_ALREADY_EXISTS', '42P04', 'CATALOG_ALREADY_EXISTS', 409), `Catalog '${name}' already exists.`),
  schemaExists: (parts: readonly string[]) =>
    new UcError(
      shape('SCHEMA_ALREADY_EXISTS', '42P06', 'SCHEMA_ALREADY_EXISTS', 409),
      `Cannot create schema ${bt(parts)} because it already exists.`,
    ),
  tableExists: (parts: readonly string[]) =>
    new UcError(
      shape('TABLE_OR_VIEW_ALREADY_EXISTS', '42P07', 'TABLE_ALREADY_EXISTS', 409),
      `Cannot create table or view ${bt(parts)} because it already exists.`,
    ),
  volumeExists: (parts: readonly string[]) =>
    new UcError(
      shape('VOLUME_ALREADY_EXISTS', '42000', 'RESOURCE_ALREADY_EXISTS', 409),
      `Cannot create volume ${bt(parts)} because it already exists.`,
    ),
  routineExists: (parts: readonly string[]) =>
    new UcError(
      shape('ROUTINE_ALREADY_EXISTS', '42723', 'RESOURCE_ALREADY_EXISTS', 409),
      `Cannot create the routine ${bt(parts)} because it already exists.`,
    ),
  notEmpty: (kind: 'catalog' | 'schema', parts: readonly string[]) =>
    new UcError(
      kind === 'catalog'
        ? shape('CATALOG_NOT_EMPTY', '2BP01', 'CATALOG_NOT_EMPTY', 400)
        : shape('SCHEMA_NOT_EMPTY', '2BP01', 'SCHEMA_NOT_EMPTY', 400),
      `Cannot drop a ${kind} ${bt(parts)} because it contains objects. Use CASCADE to drop it and its objects.`,
    ),
  principalNotFound: (name: string) =>
    new UcError(
      shape('PRINCIPAL_DOES_NOT_EXIST', '42704', 'PRINCIPAL_DOES_NOT_EXIST', 404),
      `Could not find principal with name ${name}.`,
    ),
  parse: (near: string) =>
    new UcError(shape('PARSE_SYNTAX_ERROR', '42601', 'INVALID_PARAMETER_VALUE', 400), `Syntax error at or near ${near}.`),
  invalidName: (reason: string) =>
    new UcError(shape('INVALID_IDENTIFIER', '42602', 'INVALID_PARAMETER_VALUE', 400), reason),
  invalidParameter: (message: string) =>
    new UcError(shape('INVALID_PARAMETER_VALUE', '22023', 'INVALID_PARAMETER_VALUE', 400), message),
  invalidState: (message: string) => new UcError(shape('INVALID_STATE', '55000', 'INVALID_STATE', 400), message),
  noMetastoreStorageRoot: () =>
    new UcError(
      shape('INVALID_STATE', '55000', 'INVALID_STATE', 400),
      "Metastore storage root URL does not exist. Please provide a storage location for the catalog (for example 'CREATE CATALOG myCatalog MANAGED LOCATION '<location-path>'). Alternatively set up a metastore root storage location to provide a storage location for all catalogs in the metastore.",
    ),
  unsupported: (what: string) =>
    new UcError(shape('UNSUPPORTED_FEATURE', '0A000', 'NOT_IMPLEMENTED', 501), `The feature is not supported: ${what}.`),
  unresolvedColumn: (name: string) =>
    new UcError(
      shape('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION', '42703', 'INVALID_PARAMETER_VALUE', 400),
      `A column, variable, or function parameter with name ${bt([name])} cannot be resolved.`,
    ),
  tagAlreadySet: (key: string) =>
    new UcError(shape('TAG_ALREADY_EXISTS', '42710', 'ALREADY_EXISTS', 409), `Tag '${key}' is already set on this object.`),
  tagNotFound: (key: string) =>
    new UcError(shape('TAG_NOT_FOUND', '42704', 'RESOURCE_DOES_NOT_EXIST', 404), `Tag '${key}' is not set on this object.`),
  systemSchemaDisabled: (schema: string) =>
    new UcError(
      shape('TABLE_OR_VIEW_NOT_FOUND', '42P01', 'FEATURE_DISABLED', 400),
      `The system schema \`system\`.\`${schema}\` is not enabled for this metastore. Enable it with the SystemSchemas API.`,
    ),
  metastoreNotFound: (id: string) =>
    new UcError(shape('METASTORE_DOES_NOT_EXIST', '42704', 'METASTORE_DOES_NOT_EXIST', 404), `Metastore '${id}' does not exist.`),
  notFound: (message: string) => new UcError(shape('RESOURCE_DOES_NOT_EXIST', '42704', 'RESOURCE_DOES_NOT_EXIST', 404), message),
  alreadyExists: (message: string) => new UcError(shape('RESOURCE_ALREADY_EXISTS', '42710', 'ALREADY_EXISTS', 409), message),
  // https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-syntax-ddl-create-policy (POLICY_ALREADY_EXISTS)
  // and …-drop-policy (POLICY_NOT_FOUND); the docs name the classes, not their SQLSTATEs (the sandbox uses the
  // states of its other exists / not-found classes).
  policyExists: (name: string, on: string) =>
    new UcError(shape('POLICY_ALREADY_EXISTS', '42710', 'ALREADY_EXISTS', 409), `Policy '${name}' already exists on ${on}.`),
  policyNotFound: (name: string, on: string) =>
    new UcError(shape('POLICY_NOT_FOUND', '42704', 'RESOURCE_DOES_NOT_EXIST', 404), `Policy '${name}' does not exist on ${on}.`),
  // https://docs.databricks.com/aws/error-messages/column-masks-feature-not-supported-error-class (SQLSTATE 0A000)
  multipleMasks: (table: string, masks: readonly string[], column: string) =>
    new UcError(
      shape('COLUMN_MASKS_FEATURE_NOT_SUPPORTED.MULTIPLE_MASKS', '0A000', 'INVALID_STATE', 400),
      `Column mask policies for ${table} are not supported: Table ${table} has access control policies resulting in multiple column masks ${masks.join(', ')} applying to the same column(s) ${column}. Please contact the table owner or policy definer to resolve the issue by updating policies such that at most one mask applies to this column and then retry the query again.`,
    ),
  // One row filter per table (reference §1.6); the docs do not name the class raised when policies add a second
  // one, so the sandbox mirrors the column-mask class above.
  multipleRowFilters: (table: string, filters: readonly string[]) =>
    new UcError(
      shape('ROW_LEVEL_SECURITY_FEATURE_NOT_SUPPORTED.MULTIPLE_ROW_FILTERS', '0A000', 'INVALID_STATE', 400),
      `Row filter policies for ${table} are not supported: access control policies result in multiple row filters ${filters.join(', ')}. At most one row filter may apply to a table.`,
    ),
  cancelled: () => new UcError(shape('OPERATION_CANCELED', 'HY008', 'CANCELLED', 499), 'The operation was cancelled.'),
  internal: (message: string) => new UcError(shape('INTERNAL_ERROR', 'XX000', 'INTERNAL_ERROR', 500), message),
} as const;
