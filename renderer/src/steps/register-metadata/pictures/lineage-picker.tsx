import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTableSearch } from '../../../api/hooks/metadata-pictures';
import { Button } from '../../../ui/button';
import { Combobox } from '../../../ui/combobox';
import '../../../ui/field.css';
import { useDebounced } from './use-debounced';

export interface LineagePickerProps {
  readonly onPick: (fullName: string) => void;
  /** Hops each way for the first picture. */
  readonly depth: number;
  readonly onDepth: (depth: number) => void;
}

/** Exactly three dot-separated parts: a table's full name as lineage records it. */
const isFullName = (text: string): boolean => text.split('.').length === 3 && text.split('.').every((p) => p.trim() !== '');

/** A search box over the index (names, comments, tags) for the table to draw the lineage of. */
export function LineagePicker({ onPick, depth, onDepth }: LineagePickerProps) {
  const inputId = useId();
  const depthId = useId();
  const problemId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const query = useDebounced(text, 200);
  const search = useTableSearch(query);
  const suggestions = useMemo(
    () => (search.data?.hits ?? []).map((h) => ({ value: h.path.join('.'), detail: [h.tableType, h.matched === 'name' ? null : 'matched in a comment or tag'].filter(Boolean).join(' · ') })),
    [search.data],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = text.trim();
    const only = suggestions.length === 1 ? suggestions[0]!.value : undefined;
    const chosen = isFullName(typed) ? typed : only;
    if (chosen === undefined) {
      setProblem(typed === '' ? 'Type part of a table name, then pick it from the list.' : `“${typed}” is not a table’s full name: pick one from the list (catalog.schema.table).`);
      return;
    }
    setProblem(null);
    setText(chosen);
    onPick(chosen);
  };
  return (
    <form className="pc-picker" onSubmit={submit} role="search" aria-label="Table to draw the lineage of">
      <div className="field pc-picker__field">
        <label htmlFor={inputId}>Table</label>
        <Combobox
          id={inputId}
          value={text}
          onChange={(v) => {
            setText(v);
            setProblem(null);
          }}
          suggestions={suggestions}
          listLabel="Tables in the crawl"
          loading={search.isFetching}
          placeholder="Search names, comments, tags"
          testId="lineage-search"
          aria-describedby={problem ? problemId : undefined}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      <div className="field pc-picker__field pc-picker__field--narrow">
        <label htmlFor={depthId}>Hops each way</label>
        <select id={depthId} value={depth} onChange={(e) => onDepth(Number(e.currentTarget.value))} data-testid="lineage-depth">
          {[1, 2, 3].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" className="button button--primary" data-testid="lineage-show">
        Show lineage
      </Button>
      {problem ? (
        <p id={problemId} className="pc-picker__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
