import type { Tag, TableFilter } from '../../../../shared/metadata/index-views';
import type { IndexParam } from '../index/metadata-index';

/** Collects `$n` parameters while a statement is assembled, so user input only ever travels as a parameter. */
export class Params {
  readonly values: IndexParam[] = [];
  add(v: IndexParam): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The table filter as a predicate over a `tables` row aliased `t` (TRUE when there is none). */
export function tableFilterSql(f: TableFilter | undefined, p: Params, t = 't'): string {
  const parts: string[] = [];
  if (f?.types?.length) parts.push(`${t}.table_type IN (${f.types.map((x) => p.add(x)).join(', ')})`);
  if (f?.owner !== undefined) parts.push(`lower(${t}.owner) = lower(${p.add(f.owner)})`);
  if (f?.tag !== undefined) {
    const value = f.tag.value === undefined ? '' : ` AND coalesce(g.tag_value, '') = ${p.add(f.tag.value)}`;
    parts.push(`EXISTS (SELECT 1 FROM tags g WHERE g.kind IN ('TABLE', 'COLUMN') AND g.catalog = ${t}.catalog AND g.schema = ${t}.schema
      AND g.table_name = ${t}.name AND lower(g.tag_name) = lower(${p.add(f.tag.key)})${value})`);
  }
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}

/** Tags aggregated into one text column (`key US value RS …`), parsed back by `tagsOf`. */
export const TAGS_AGG = "string_agg(tag_name || chr(31) || coalesce(tag_value, ''), chr(30) ORDER BY tag_name)";

export function tagsOf(v: unknown): Tag[] {
  if (typeof v !== 'string' || v === '') return [];
  return v.split('\u001e').map((t) => {
    const [key, value] = t.split('\u001f') as [string, string | undefined];
    return { key, value: value ?? null };
  });
}

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
