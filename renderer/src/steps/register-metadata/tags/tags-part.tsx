import { FileDown } from 'lucide-react';
import { useState } from 'react';
import type { ApplySummary } from '../../../../../shared/contract/integration';
import type { Plan } from '../../../../../shared/integration/plan-types';
import type { TagAssignment } from '../../../../../shared/metadata/tags-file';
import type { AppError } from '../../../../../shared/result';
import { toAppError, type ClientError } from '../../../api/client-error';
import { useExportTags, usePublishTags, useTagsPlan } from '../../../api/hooks/metadata';
import { ErrorView } from '../../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../../progress/progress-store';
import { ProgressView } from '../../../progress/progress-view';
import { announce } from '../../../status/announcer';
import { Button } from '../../../ui/button';
import { downloadFile } from '../../configure-integration/download-file';
import { pendingSteps } from '../../configure-integration/plan-summary';
import { PlanStatements } from '../../configure-integration/plan-statements';
import { RunSummary } from '../register/run-summary';
import { TagEditor } from './tag-editor';
import { TagsFileInput, type LoadedFile } from './tags-file-input';

interface TagPlanView {
  readonly plan: Plan;
  readonly problems: readonly string[];
  readonly counts: { readonly add: number; readonly change: number; readonly unchanged: number };
}

type Source = { file: string } | { assignments: TagAssignment[] };

/** Sub-step "Tags": the governance product's tags, from a file or edited here, planned, published or exported. */
export function TagsPart() {
  const [from, setFrom] = useState<'file' | 'edits'>('edits');
  const [file, setFile] = useState<LoadedFile | undefined>(undefined);
  const [edits, setEdits] = useState<readonly TagAssignment[]>([]);
  const [view, setView] = useState<TagPlanView | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [summary, setSummary] = useState<ApplySummary | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const source: Source | undefined = from === 'file' ? (file ? { file: file.text } : undefined) : edits.length > 0 ? { assignments: [...edits] } : undefined;
  const blocked = source ? undefined : from === 'file' ? 'Load a tags file first.' : 'Set at least one tag first.';
  const onError = (e: ClientError) => setFailure(toAppError(e));
  const plan = useTagsPlan({ onSuccess: (v) => setView(v), onError });
  const publish = usePublishTags({
    onSuccess: (s) => {
      setSummary(s);
      setView(undefined);
      announce(`Tags published: ${s.ran} statements ran, ${s.failed} failed.`);
    },
    onError,
  });
  const exportTags = useExportTags({
    onSuccess: (files) => {
      for (const f of files) downloadFile(f);
      announce(`${files.map((f) => f.name).join(' and ')} downloaded.`);
    },
    onError,
  });
  const reset = () => {
    setFailure(undefined);
    setSummary(undefined);
  };
  const run = () => {
    if (!view || !source) return;
    const id = newTaskId({ step: 'register-metadata', subStep: 'tags' });
    setTaskId(id);
    reset();
    publish.mutate({ taskId: id, source, planHash: view.plan.hash });
  };
  const pending = view ? pendingSteps(view.plan) : 0;
  return (
    <section className="rm-panel" aria-labelledby="rm-tags-title">
      <h2 id="rm-tags-title" className="rm-title">
        Publish tags to Unity Catalog
      </h2>
      <p>
        Tags are written with <code>ALTER … SET TAGS</code> within Unity Catalog’s limits (key characters, lengths, 50 tags per object). Publishing the same tags again
        changes nothing.
      </p>
      <fieldset className="rm-choice">
        <legend>Tags from</legend>
        <label className="checkbox">
          <input type="radio" name="rm-tags-from" checked={from === 'edits'} onChange={() => setFrom('edits')} data-testid="rm-tags-from-edits" />
          Tags set here
        </label>
        <label className="checkbox">
          <input type="radio" name="rm-tags-from" checked={from === 'file'} onChange={() => setFrom('file')} data-testid="rm-tags-from-file" />A tags file (JSON)
        </label>
      </fieldset>
      {from === 'file' ? <TagsFileInput file={file} onLoad={setFile} /> : <TagEditor edits={edits} onChange={(next) => setEdits(next)} />}
      <div className="rm-actions">
        <Button className="button" busy={plan.isPending} disabledReason={blocked} onClick={() => (reset(), source ? plan.mutate({ source }) : undefined)} data-testid="rm-tags-plan">
          Preview the tags
        </Button>
        <Button className="button" busy={exportTags.isPending} disabledReason={blocked} onClick={() => (reset(), source ? exportTags.mutate({ source }) : undefined)} data-testid="rm-tags-export">
          <FileDown size={15} aria-hidden="true" />
          Export publish-tags.sql
        </Button>
      </div>
      {failure && failure.code !== 'CANCELLED' ? <ErrorView action="Publish tags" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {view ? (
        <>
          {view.problems.length > 0 ? (
            <div className="notice" role="alert" data-testid="rm-tags-problems">
              <p>
                <strong>{view.problems.length} problem{view.problems.length === 1 ? '' : 's'}</strong>: Unity Catalog would refuse these; fix them and preview again.
              </p>
              <ul>
                {view.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p data-testid="rm-tags-counts">
            <strong>{view.counts.add}</strong> tags to add, <strong>{view.counts.change}</strong> to change, <strong>{view.counts.unchanged}</strong> already there.
          </p>
          <PlanStatements plan={view.plan} />
          {pending > 0 && view.problems.length === 0 ? (
            <Button className="button button--primary" busy={publish.isPending} onClick={run} data-testid="rm-tags-publish">
              {publish.isPending ? 'Publishing…' : `Publish: ${pending} statement${pending === 1 ? '' : 's'}`}
            </Button>
          ) : pending === 0 ? (
            <p data-testid="rm-tags-nothing">Nothing to publish: every tag is already there.</p>
          ) : null}
        </>
      ) : null}
      {task ? <ProgressView task={task} title="Publishing tags" /> : null}
      {summary ? <RunSummary what="Publishing tags" summary={summary} testId="rm-tags-summary" /> : null}
    </section>
  );
}
