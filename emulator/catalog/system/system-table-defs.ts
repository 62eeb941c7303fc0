import type { ColumnDef } from '../model';

/**
 * The system tables the sandbox keeps, with the columns the reference lists (§3.1–§3.3, R33–R35). Struct field
 * names are snake_case as in the DDL transcription (R35). `storage` is the DuckDB table that holds the rows.
 */
export interface SystemTableDef {
  readonly schema: 'access' | 'query';
  readonly name: string;
  readonly storage: string;
  readonly comment: string;
  readonly columns: readonly ColumnDef[];
}

const col = (spec: string): ColumnDef => {
  const i = spec.indexOf(' ');
  return { name: spec.slice(0, i), typeText: spec.slice(i + 1), nullable: true, comment: null };
};

const s = 'string';
const lineageHead = [
  `account_id ${s}`, `metastore_id ${s}`, `workspace_id ${s}`, `entity_type ${s}`, `entity_id ${s}`, `entity_run_id ${s}`,
  `source_table_full_name ${s}`, `source_table_catalog ${s}`, `source_table_schema ${s}`, `source_table_name ${s}`,
  `source_path ${s}`, `source_type ${s}`,
];
const lineageTarget = [
  `target_table_full_name ${s}`, `target_table_catalog ${s}`, `target_table_schema ${s}`, `target_table_name ${s}`,
  `target_path ${s}`, `target_type ${s}`,
];
const lineageTail = [
  `created_by ${s}`, 'event_time timestamp', 'event_date date', `record_id ${s}`, `event_id ${s}`, `statement_id ${s}`,
  'entity_metadata struct<job_info:struct<job_id:string,job_run_id:string>,dashboard_id:string,legacy_dashboard_id:string,notebook_id:string,sql_query_id:string,dlt_pipeline_info:struct<dlt_pipeline_id:string,dlt_update_id:string>>',
];

export const AUDIT: SystemTableDef = {
  schema: 'access',
  name: 'audit',
  storage: 'sys.audit',
  comment: 'Audit events from workspace services.',
  columns: [
    `account_id ${s}`, `workspace_id ${s}`, `version ${s}`, 'event_time timestamp', 'event_date date', `source_ip_address ${s}`,
    `user_agent ${s}`, `session_id ${s}`, 'user_identity struct<email:string,subject_name:string>', `service_name ${s}`,
    `action_name ${s}`, `request_id ${s}`, 'request_params map<string,string>',
    'response struct<status_code:int,error_message:string,result:string>', `audit_level ${s}`, `event_id ${s}`,
    'identity_metadata struct<run_by:string,run_as:string>',
  ].map(col),
};

export const TABLE_LINEAGE: SystemTableDef = {
  schema: 'access',
  name: 'table_lineage',
  storage: 'sys.table_lineage',
  comment: 'Table-level lineage events.',
  columns: [...lineageHead, ...lineageTarget, ...lineageTail].map(col),
};

export const COLUMN_LINEAGE: SystemTableDef = {
  schema: 'access',
  name: 'column_lineage',
  storage: 'sys.column_lineage',
  comment: 'Column-level lineage events.',
  columns: [...lineageHead, `source_column_name ${s}`, ...lineageTarget, `target_column_name ${s}`, ...lineageTail].map(col),
};

const l = 'bigint';
export const QUERY_HISTORY: SystemTableDef = {
  schema: 'query',
  name: 'history',
  storage: 'sys.query_history',
  comment: 'Statements run on SQL warehouses.',
  columns: [
    `account_id ${s}`, `workspace_id ${s}`, `statement_id ${s}`, `executed_by ${s}`, `session_id ${s}`, `execution_status ${s}`,
    'compute struct<type:string,cluster_id:string,warehouse_id:string>', `executed_by_user_id ${s}`, `statement_text ${s}`,
    `statement_type ${s}`, `error_message ${s}`, `client_application ${s}`, `client_driver ${s}`, `total_duration_ms ${l}`,
    `waiting_for_compute_duration_ms ${l}`, `waiting_at_capacity_duration_ms ${l}`, `execution_duration_ms ${l}`,
    `compilation_duration_ms ${l}`, `total_task_duration_ms ${l}`, `result_fetch_duration_ms ${l}`, 'start_time timestamp',
    'end_time timestamp', 'update_time timestamp', `read_partitions ${l}`, `pruned_files ${l}`, `read_files ${l}`,
    `read_rows ${l}`, `produced_rows ${l}`, `read_bytes ${l}`, 'read_io_cache_percent int', 'from_result_cache boolean',
    `spilled_local_bytes ${l}`, `written_bytes ${l}`, `shuffle_read_bytes ${l}`,
    'query_source struct<job_info:struct<job_id:string,job_run_id:string,job_task_run_id:string>,legacy_dashboard_id:string,dashboard_id:string,alert_id:string,notebook_id:string,sql_query_id:string,genie_space_id:string>',
    `executed_as_user_id ${s}`, `executed_as ${s}`,
  ].map(col),
};

export const SYSTEM_TABLES: readonly SystemTableDef[] = [AUDIT, TABLE_LINEAGE, COLUMN_LINEAGE, QUERY_HISTORY];
