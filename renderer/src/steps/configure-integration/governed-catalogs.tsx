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
  return (
    <fieldset className="ci-fieldset" data-testid="ci-governed">
      <legend>Governed catalogs</legend>
      {names.length === 0 ? <p className="ci-muted">None yet: add the catalogs whose data it protects.</p> : null}
      <ul className="ci-chips">
        {names.map((name, i) => (
          <li key={name} className="ci-chip">
            <code>{name}</code>
            {problems[`governed.${i}`] ? <span className="ci-problem"> {problems[`governed.${i}`]}</span> : null}
            <button type="button" className="button button--quiet" onClick={() => onChange(names.filter((n) => n !== name))} aria-label={`Remove ${name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {listProblem ? (
        <p className="ci-problem" role="alert">
          {listProblem}
        </p>
      ) : null}
      <div className="ci-inline-add field">
        <label htmlFor={inputId}>Catalog to govern</label>
        <div className="ci-row">
          <Combobox
            id={inputId}
            value={draft}
            onChange={setDraft}
            suggestions={offered}
            listLabel="Catalogs in this workspace"
            loading={suggestionsLoading}
            onKeyDown={(e) => (e.key === 'Enter' ? add(e) : undefined)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${inputId}-problem` : undefined}
            testId="ci-governed-input"
          />
          <button type="button" className="button" onClick={add}>
            Add catalog
          </button>
        </div>
        {problem ? (
          <p id={`${inputId}-problem`} className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
