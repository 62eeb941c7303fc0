import type { TableFilter } from '../../../../../shared/metadata/index-views';

/** The table types Unity Catalog lists in information_schema.tables.table_type. */
const TABLE_TYPES = ['MANAGED', 'EXTERNAL', 'VIEW', 'MATERIALIZED_VIEW', 'STREAMING_TABLE', 'FOREIGN'] as const;

export interface FilterDraft {
  readonly tag: string;
  readonly type: string;
  readonly owner: string;
}

export const NO_FILTER: FilterDraft = { tag: '', type: '', owner: '' };

/** The filter the tree and search send to main: `tag` is `key` or `key=value`; blanks are left out. */
export function filterOf(d: FilterDraft): TableFilter | undefined {
  const tag = d.tag.trim();
  const owner = d.owner.trim();
  const eq = tag.indexOf('=');
  const tagPart = tag === '' ? undefined : eq < 0 ? { key: tag } : { key: tag.slice(0, eq).trim(), value: tag.slice(eq + 1).trim() };
  const filter: TableFilter = {
    ...(tagPart && tagPart.key !== '' ? { tag: tagPart } : {}),
    ...(d.type ? { types: [d.type] } : {}),
    ...(owner ? { owner } : {}),
  };
  return Object.keys(filter).length === 0 ? undefined : filter;
}

/** Tag, table type and owner filters over the tree's counts and the search. */
export function FilterBar({ value, onChange }: { readonly value: FilterDraft; readonly onChange: (next: FilterDraft) => void }) {
  return (
    <fieldset className="rm-filters" data-testid="rm-filters">
      <legend className="visually-hidden">Filter tables</legend>
      <label className="rm-filters__field">
        Tag
        <input className="input" value={value.tag} placeholder="pii or class=restricted" spellCheck={false} onChange={(e) => onChange({ ...value, tag: e.currentTarget.value })} data-testid="rm-filter-tag" />
      </label>
      <label className="rm-filters__field">
        Type
        <select className="input" value={value.type} onChange={(e) => onChange({ ...value, type: e.currentTarget.value })} data-testid="rm-filter-type">
          <option value="">Any</option>
          {TABLE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t.toLowerCase().replace('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <label className="rm-filters__field">
        Owner
        <input className="input" value={value.owner} spellCheck={false} onChange={(e) => onChange({ ...value, owner: e.currentTarget.value })} data-testid="rm-filter-owner" />
      </label>
    </fieldset>
  );
}
