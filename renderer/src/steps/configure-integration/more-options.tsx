import { useState } from 'react';
import { Disclosure } from '../../ui/disclosure';
import { AdditionalWorkspaces } from './additional-workspaces';
import type { ConfigForm, Problems } from './form-state';
import { ManageScopeChoice } from './manage-scope-choice';
import { QueryAuditField } from './query-audit-field';
import { StorageLocationField } from './storage-location-field';

export interface MoreOptionsProps {
  readonly form: ConfigForm;
  readonly patch: (p: Partial<ConfigForm>) => void;
  readonly problems: Problems;
}

const problemHere = (problems: Problems) => Object.keys(problems).some((k) => k === 'storageLocation' || k === 'additional' || k.startsWith('additional.'));

/** The integration's settings most people leave as they are (query audit on, managed storage, where MANAGE goes, other workspaces). */
function changed(form: ConfigForm): boolean {
  return !form.audit || form.storageLocation.trim() !== '' || form.manageScope !== 'catalog' || form.additional.length > 0;
}

/**
 * The less common settings behind one short line ("Advanced settings"; what is inside is listed on opening), so the Settings
 * part fits a laptop screen; none is required (each has a default). Open from the start when one of them differs
 * from its default, and forced open while one of them has a problem (focus must be able to reach the field).
 */
export function MoreOptions({ form, patch, problems }: MoreOptionsProps) {
  const [open, setOpen] = useState(() => changed(form));
  const forced = problemHere(problems);
  return (
    <Disclosure summary="Advanced settings" open={open || forced} onOpenChange={setOpen} testId="ci-more-options">
      <p className="ci-muted">Query audit, managed storage, where MANAGE is granted, other workspaces: each has a default.</p>
      <QueryAuditField on={form.audit} onChange={(audit) => patch({ audit })} />
      <StorageLocationField value={form.storageLocation} onChange={(storageLocation) => patch({ storageLocation })} problem={problems.storageLocation} />
      <ManageScopeChoice scope={form.manageScope} onChange={(manageScope) => patch({ manageScope })} />
      <AdditionalWorkspaces rows={form.additional} onChange={(additional) => patch({ additional })} problems={problems} />
    </Disclosure>
  );
}
