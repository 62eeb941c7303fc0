import type { Change } from '../../../../../shared/metadata/diff';
import { assertNever } from '../../../../../shared/result';

const v = (s: string | null): string => (s === null ? 'none' : s);
const where = (column: string | null): string => (column === null ? 'on the table' : `on column ${column}`);

/** One change of a changed table, in words. */
export function changeText(c: Change): string {
  switch (c.kind) {
    case 'column-added':
      return `Column ${c.column} added (${c.type})`;
    case 'column-dropped':
      return `Column ${c.column} dropped (was ${c.type})`;
    case 'column-type':
      return `Column ${c.column}: type ${c.from} → ${c.to}`;
    case 'column-moved':
      return `Column ${c.column} moved from position ${c.from} to ${c.to}`;
    case 'tag-set':
      return c.from === null ? `Tag ${c.key}=${c.to} added ${where(c.column)}` : `Tag ${c.key} ${where(c.column)}: ${c.from} → ${c.to}`;
    case 'tag-removed':
      return `Tag ${c.key}=${c.from} removed ${where(c.column)}`;
    case 'column-mask':
      return `Mask on column ${c.column}: ${v(c.from)} → ${v(c.to)}`;
    case 'row-filter':
      return `Row filter: ${v(c.from)} → ${v(c.to)}`;
    case 'owner':
      return `Owner: ${v(c.from)} → ${v(c.to)}`;
    case 'comment':
      return `Comment: ${v(c.from)} → ${v(c.to)}`;
    case 'table-type':
      return `Type: ${v(c.from)} → ${v(c.to)}`;
    default:
      return assertNever(c);
  }
}

/** What kind of change it is, for grouping: columns, types, tags, or something else about the table. */
export function changeGroup(c: Change): 'columns' | 'types' | 'tags' | 'table' {
  switch (c.kind) {
    case 'column-added':
    case 'column-dropped':
    case 'column-moved':
      return 'columns';
    case 'column-type':
      return 'types';
    case 'tag-set':
    case 'tag-removed':
      return 'tags';
    case 'column-mask':
    case 'row-filter':
    case 'owner':
    case 'comment':
    case 'table-type':
      return 'table';
    default:
      return assertNever(c);
  }
}
