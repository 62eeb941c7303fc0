import { GitFork, MinusCircle, PlusCircle, Power, PowerOff } from 'lucide-react';
import { PickedTableDetails } from './picked-details';
import type { PickedObject } from '../picked-object';
import { listsHolding, patternFor, type PatternList } from '../rules/rule-edit';
import type { RulesDraft } from '../rules/rules-draft';
import { addPattern, removePattern } from '../rules/rule-edit';

const ACTIONS: readonly { readonly list: PatternList; readonly label: string; readonly icon: typeof PlusCircle }[] = [
  { list: 'include', label: 'Include', icon: PlusCircle },
  { list: 'exclude', label: 'Exclude', icon: MinusCircle },
  { list: 'activate', label: 'Active', icon: Power },
  { list: 'deactivate', label: 'Inactive', icon: PowerOff },
];

export interface PickedPanelProps {
  readonly picked: PickedObject;
  readonly draft: RulesDraft;
  /** Opens the lineage graph around a table (Lineage & coverage). */
  readonly onOpenLineage?: ((fullName: string) => void) | undefined;
}

/** The picked object: its details, and rule toggles for it (include / exclude it, make it active / inactive). */
export function PickedPanel({ picked, draft, onOpenLineage }: PickedPanelProps) {
  const name = picked.path.join('.');
  const pattern = patternFor(picked.path);
  const held = listsHolding(draft.rules, pattern);
  const table = picked.path.length >= 3 ? ([picked.path[0]!, picked.path[1]!, picked.path[2]!] as const) : undefined;
  return (
    <section className="rm-picked" aria-labelledby="rm-picked-title" data-testid="rm-picked" data-path={name}>
      <h3 id="rm-picked-title" className="rm-subtitle wrap-anywhere">
        {picked.kind.toLowerCase()} {name}
      </h3>
      <div className="rm-actions" role="group" aria-label={`Rules for ${pattern}`}>
        {ACTIONS.map(({ list, label, icon: Icon }) => (
          <button
            key={list}
            type="button"
            className="button"
            aria-pressed={held.has(list)}
            onClick={() => draft.edit((r) => (held.has(list) ? removePattern(r, list, pattern) : addPattern(r, list, pattern)))}
            data-testid={`rm-rule-${list}`}
          >
            <Icon size={15} aria-hidden="true" />
            {label}
          </button>
        ))}
        {table && onOpenLineage ? (
          <button type="button" className="button button--quiet" onClick={() => onOpenLineage(table.join('.'))} data-testid="rm-open-lineage">
            <GitFork size={15} aria-hidden="true" />
            Lineage
          </button>
        ) : null}
      </div>
      <p className="rm-muted">
        The buttons edit the rule <code>{pattern}</code>, which also takes everything beneath it; save the rules to apply them.
      </p>
      {table && picked.kind !== 'COLUMN' ? <PickedTableDetails table={table} /> : null}
    </section>
  );
}
