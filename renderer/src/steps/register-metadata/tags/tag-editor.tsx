import { X } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { TagAssignment } from '../../../../../shared/metadata/tags-file';
import { tagProblem } from '../../../../../shared/metadata/tags-file';
import { usePickedObject } from '../picked-object';
import { removeTag, setTag, tagRows } from './tag-edits';

export interface TagEditorProps {
  readonly edits: readonly TagAssignment[];
  readonly onChange: (next: readonly TagAssignment[]) => void;
}

/** Set tags on objects by name (the object picked in Select & register by default), listed with a remove button. */
export function TagEditor({ edits, onChange }: TagEditorProps) {
  const picked = usePickedObject();
  const [securable, setSecurable] = useState(picked ? picked.path.join('.') : '');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (securable.trim() === '') return setProblem('Name the object: catalog, catalog.schema, catalog.schema.table or catalog.schema.table.column.');
    const wrong = tagProblem(key.trim(), value);
    if (wrong) return setProblem(wrong);
    onChange(setTag(edits, securable, key, value));
    setProblem(undefined);
    setKey('');
    setValue('');
  };
  const rows = tagRows(edits);
  return (
    <div className="rm-tag-editor">
      <form className="rm-add-rule" onSubmit={submit} aria-label="Set a tag">
        <label className="rm-filters__field rm-add-rule__text">
          Object
          <input className="input" value={securable} spellCheck={false} onChange={(e) => setSecurable(e.currentTarget.value)} data-testid="rm-tag-object" />
        </label>
        <label className="rm-filters__field">
          Key
          <input className="input" value={key} spellCheck={false} aria-invalid={problem ? true : undefined} onChange={(e) => setKey(e.currentTarget.value)} data-testid="rm-tag-key" />
        </label>
        <label className="rm-filters__field">
          Value
          <input className="input" value={value} spellCheck={false} onChange={(e) => setValue(e.currentTarget.value)} data-testid="rm-tag-value" />
        </label>
        <button type="submit" className="button" data-testid="rm-tag-set">
          Set tag
        </button>
        {problem ? (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <p className="rm-muted">No tags edited yet.</p>
      ) : (
        <ul className="rm-rule-list__items" data-testid="rm-tag-edits">
          {rows.map((r) => (
            <li key={`${r.securable}\u0000${r.key}`} className="rm-rule-list__item">
              <code className="wrap-anywhere">
                {r.securable}: {r.key}={r.value}
              </code>
              <button type="button" className="button button--quiet button--icon" aria-label={`Remove tag ${r.key} from ${r.securable}`} onClick={() => onChange(removeTag(edits, r.securable, r.key))}>
                <X size={14} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
