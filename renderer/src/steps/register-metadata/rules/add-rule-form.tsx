import { useState, type FormEvent } from 'react';
import type { RulesDraft } from './rules-draft';
import { addPattern, addTagRule, parseTagRule, patternProblem, type PatternList, type TagList } from './rule-edit';

type Target = PatternList | TagList;

const TARGETS: readonly { readonly value: Target; readonly label: string }[] = [
  { value: 'include', label: 'Include pattern' },
  { value: 'exclude', label: 'Exclude pattern' },
  { value: 'activate', label: 'Active pattern' },
  { value: 'deactivate', label: 'Inactive pattern' },
  { value: 'includeTags', label: 'Include tag' },
  { value: 'excludeTags', label: 'Exclude tag' },
];

const isTagList = (t: Target): t is TagList => t === 'includeTags' || t === 'excludeTags';

/** Add a rule by hand: a pattern (`main.sales.*`, `*.hr_*`) or a tag (`pii`, `class=restricted`). */
export function AddRuleForm({ draft }: { readonly draft: RulesDraft }) {
  const [target, setTarget] = useState<Target>('include');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isTagList(target)) {
      const tag = parseTagRule(text);
      if (typeof tag === 'string') return setProblem(tag);
      draft.edit((r) => addTagRule(r, target, tag));
    } else {
      const wrong = patternProblem(text);
      if (wrong) return setProblem(wrong);
      draft.edit((r) => addPattern(r, target, text));
    }
    setProblem(undefined);
    setText('');
  };
  return (
    <form className="rm-add-rule" onSubmit={submit} aria-label="Add a rule">
      <label className="rm-filters__field">
        Kind
        <select className="input" value={target} onChange={(e) => setTarget(e.currentTarget.value as Target)} data-testid="rm-add-rule-kind">
          {TARGETS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="rm-filters__field rm-add-rule__text">
        {isTagList(target) ? 'Tag (key or key=value)' : 'Pattern (catalog.schema.table, * matches within a part)'}
        <input
          className="input"
          value={text}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="rm-add-rule-text"
        />
      </label>
      <button type="submit" className="button" data-testid="rm-add-rule">
        Add
      </button>
      {problem ? (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
