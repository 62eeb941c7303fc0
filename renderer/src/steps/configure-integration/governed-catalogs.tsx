import { X } from 'lucide-react';
import { useId, useState } from 'react';
import { securableNameProblem } from '../../../../shared/sql/quote';
import { Combobox } from '../../ui/combobox';
import type { Suggestion } from '../../ui/combobox-state';
import type { Problems } from './form-state';

export interface GovernedCatalogsProps {
  readonly names: readonly string[];
  readonly integrationCatalog: string;
  readonly onChange: (names: readonly string[]) => void;
  readonly problems: Problems;
  /** The workspace's catalogs, offered while typing (any other name can still be added). */
  readonly suggestions: readonly Suggestion[];
  readonly suggestionsLoading: boolean;
}

/** Why a name cannot be added: Unity Catalog's rule, a duplicate, or the integration's own catalog. */
function addProblem(name: string, names: readonly string[], integrationCatalog: string): string | undefined {
  const problem = securableNameProblem(name);
  if (problem) return problem;
  const lower = name.toLowerCase();
  if (lower === integrationCatalog) return 'That is the integration catalog; it cannot also be governed.';
  if (names.some((n) => n.toLowerCase() === lower)) return `"${name}" is already in the list.`;
  return undefined;
}

/** The catalogs the governance product governs (the service principal gets USE CATALOG and the rest on each; MANAGE as chosen below). */
export function GovernedCatalogs({ names, integrationCatalog, onChange, problems, suggestions, suggestionsLoading }: GovernedCatalogsProps) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const add = (e: { preventDefault(): void }) => {
    e.preventDefault();
    const name = draft.trim();
    const why = addProblem(name, names, integrationCatalog);
    setProblem(why);
    // The Combobox keeps its input's ref to itself: found by id (it is this component's own useId).
    if (why) return document.getElementById(inputId)?.focus();
    onChange([...names, name]);
    setDraft('');
  };
  const listProblem = problems.governed;
  // Those already in the list, and the integration's own catalog, are not offered again.
  const taken = new Set([...names.map((n) => n.toLowerCase()), integrationCatalog]);
  const offered = suggestions.filter((s) => !taken.has(s.value.toLowerCase()));
  // One row, like a tag input: the chosen catalogs as chips, then the field and its Add button (no empty box
  // while there are none), so the Settings part fits a laptop screen.
  return (
    <div className="field ci-governed" data-testid="ci-governed">
      <label htmlFor={inputId}>Governed catalogs</label>
      <div className="ci-governed__row">
        {names.length > 0 ? (
          <ul className="ci-chips" aria-label="Governed catalogs">
            {names.map((name, i) => (
              <li key={name} className="ci-chip">
                <code>{name}</code>
                {problems[`governed.${i}`] ? <span className="ci-problem"> {problems[`governed.${i}`]}</span> : null}
                <button type="button" className="ci-chip__remove" onClick={() => onChange(names.filter((n) => n !== name))} aria-label={`Remove ${name}`}>
                  <X size={14} aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="ci-governed__add">
          <Combobox
            id={inputId}
            value={draft}
            onChange={setDraft}
            suggestions={offered}
            listLabel="Catalogs in this workspace"
            loading={suggestionsLoading}
            onKeyDown={(e) => (e.key === 'Enter' ? add(e) : undefined)}
            // The list's own problem ("add at least one…") is the field's too: focus lands here after a refused save.
            aria-invalid={problem || listProblem ? true : undefined}
            aria-describedby={[problem ? `${inputId}-problem` : '', listProblem ? `${inputId}-list-problem` : ''].filter(Boolean).join(' ') || undefined}
            testId="ci-governed-input"
          />
          <button type="button" className="button" onClick={add}>
            Add catalog
          </button>
        </div>
      </div>
      {problem ? (
        <p id={`${inputId}-problem`} className="field__problem" role="alert">
          {problem}
        </p>
      ) : null}
      {listProblem ? (
        <p id={`${inputId}-list-problem`} className="field__problem" role="alert">
          {listProblem}
        </p>
      ) : null}
    </div>
  );
}
