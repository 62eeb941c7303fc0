import { useId, useState } from 'react';
import { parseTagsFile } from '../../../../../shared/metadata/tags-file';

export interface LoadedFile {
  readonly name: string;
  readonly text: string;
  readonly entries: number;
}

/** Reads a tags file chosen by the user; problems in it are listed before anything is sent to main. */
export function TagsFileInput({ file, onLoad }: { readonly file: LoadedFile | undefined; readonly onLoad: (f: LoadedFile | undefined) => void }) {
  const id = useId();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const read = async (f: File | undefined) => {
    if (!f) return;
    const text = await f.text();
    const parsed = parseTagsFile(text);
    if ('problems' in parsed) {
      setProblems(parsed.problems);
      onLoad(undefined);
      return;
    }
    setProblems([]);
    onLoad({ name: f.name, text, entries: parsed.assignments.length });
  };
  return (
    <div className="field">
      <label htmlFor={id}>Tags file</label>
      <input id={id} type="file" accept=".json,application/json" onChange={(e) => void read(e.currentTarget.files?.[0])} data-testid="rm-tags-file" />
      <p className="field__help">
        JSON: <code>{'[{"securable": "main.sales.customers.email", "tags": {"pii": "email"}}]'}</code>
      </p>
      {file ? (
        <p data-testid="rm-tags-file-loaded">
          {file.name}: {file.entries} object{file.entries === 1 ? '' : 's'}.
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="field__problem" role="alert">
          {problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
