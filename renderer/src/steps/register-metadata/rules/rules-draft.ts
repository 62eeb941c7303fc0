import { useCallback } from 'react';
import type { SelectionRules } from '../../../../../shared/metadata/selection-rules';
import { createStore, useStore } from '../../../lib/store';
import { sameRules } from './rule-edit';

/** The rules being edited (the tree's buttons and the rules panel edit the same draft); undefined: as saved. */
const draft = createStore<SelectionRules | undefined>(undefined);

export interface RulesDraft {
  readonly rules: SelectionRules;
  readonly dirty: boolean;
  readonly edit: (change: (current: SelectionRules) => SelectionRules) => void;
  readonly discard: () => void;
}

export function useRulesDraft(saved: SelectionRules): RulesDraft {
  const held = useStore(draft);
  const rules = held ?? saved;
  const edit = useCallback((change: (current: SelectionRules) => SelectionRules) => draft.set((current) => change(current ?? saved)), [saved]);
  const discard = useCallback(() => draft.set(undefined), []);
  return { rules, dirty: held !== undefined && !sameRules(held, saved), edit, discard };
}
