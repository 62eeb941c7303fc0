import { useState } from 'react';
import type { ExportFile } from '../../../../shared/contract/integration';
import type { AppError } from '../../../../shared/result';
import { toAppError } from '../../api/client-error';
import { ErrorView } from '../../errors/error-view';
import { announce } from '../../status/announcer';
import { downloadFile } from './download-file';
import { useExportScripts } from './use-integration';

const FILES: readonly { readonly name: string; readonly label: string; readonly detail: string }[] = [
  { name: 'setup.sql', label: 'setup.sql', detail: 'The set-up: the plan’s statements, each with its purpose as a comment.' },
  { name: 'uninstall.sql', label: 'uninstall.sql', detail: 'Undoes the set-up: the inverse statements, in reverse order.' },
  { name: 'setup_notebook.sql', label: 'Databricks notebook', detail: 'setup.sql as a notebook source file: import it into the workspace and run it.' },
];

/** Manual set-up: the scripts, made offline from the saved settings, downloaded as files to hand to a colleague. */
export function ExportScripts({ only }: { readonly only?: readonly string[] }) {
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [wanted, setWanted] = useState<string | undefined>(undefined);
  const exportScripts = useExportScripts({ onError: (e) => setFailure(toAppError(e)) });
  const save = (files: readonly ExportFile[], name: string) => {
    const file = files.find((f) => f.name === name);
    if (!file) return setFailure({ code: 'INTERNAL', message: `ucbridge made no ${name}.`, hint: 'Validate and save the settings again, then retry.' });
    downloadFile(file);
    announce(`${file.name} downloaded.`);
  };
  const download = (name: string) => {
    if (exportScripts.isPending) return;
    setWanted(name);
    setFailure(undefined);
    exportScripts.mutate({}, { onSuccess: (files) => save(files, name) });
  };
  return (
    <div className="ci-export" data-testid="ci-export">
      <ul className="ci-export__files">
        {FILES.filter((f) => !only || only.includes(f.name)).map((f) => (
          <li key={f.name}>
            <button type="button" className="button" onClick={() => download(f.name)} aria-busy={exportScripts.isPending && wanted === f.name}>
              Download {f.label}
            </button>{' '}
            <span className="ci-muted">{f.detail}</span>
          </li>
        ))}
      </ul>
      {failure ? <ErrorView action="Export scripts" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
    </div>
  );
}
