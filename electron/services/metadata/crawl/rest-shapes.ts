import { z } from 'zod';

/** The parts of Unity Catalog REST objects the fallback crawl reads (reference §4.2–§4.4, §4.7, §4.9). */
const when = z.number().nullable().optional();
const text = z.string().nullable().optional();

export const CatalogInfoSchema = z.object({ name: z.string(), owner: text, comment: text, created_at: when, updated_at: when, catalog_type: text }).passthrough();
export const SchemaInfoSchema = z.object({ name: z.string(), owner: text, comment: text, created_at: when, updated_at: when }).passthrough();
export const TableSummarySchema = z.object({ full_name: z.string(), table_type: text }).passthrough();

export const ColumnInfoSchema = z
  .object({
    name: z.string(),
    type_text: z.string(),
    position: z.number().int().nullable().optional(),
    comment: text,
    nullable: z.boolean().nullable().optional(),
    mask: z.object({ function_name: z.string(), using_column_names: z.array(z.string()).nullable().optional() }).nullable().optional(),
  })
  .passthrough();

export const TableInfoSchema = z
  .object({
    name: z.string(),
    catalog_name: z.string(),
    schema_name: z.string(),
    table_type: text,
    data_source_format: text,
    owner: text,
    comment: text,
    created_at: when,
    updated_at: when,
    columns: z.array(ColumnInfoSchema).nullable().optional(),
    row_filter: z.object({ function_name: z.string(), input_column_names: z.array(z.string()).nullable().optional() }).nullable().optional(),
    browse_only: z.boolean().nullable().optional(),
  })
  .passthrough();
export type TableInfo = z.infer<typeof TableInfoSchema>;

export const TagAssignmentSchema = z.object({ tag_key: z.string(), tag_value: text }).passthrough();
export const PrivilegeAssignmentSchema = z.object({ principal: z.string(), privileges: z.array(z.string()).nullable().optional() }).passthrough();
