import { useId, useState } from 'react';
import type { AppError } from '../../../../../shared/result';
import { toAppError } from '../../../api/client-error';
import { useCrawl, useMetadataStatus } from '../../../api/hooks/metadata';
import { ErrorView } from '../../../errors/error-view';
import { newTaskId, useTaskShownInPlace } from '../../../progress/progress-store';
import { ProgressView } from '../../../progress/progress-view';
import { announce } from '../../../status/announcer';
import { Button } from '../../../ui/button';
import { CrawlCounts } from './crawl-counts';
import { SnapshotStatus } from './snapshot-status';
import { useCrawlEvents } from './use-crawl-events';

type Source = 'auto' | 'sql' | 'rest';

const SOURCES: readonly { readonly value: Source; readonly label: string }[] = [
  { value: 'auto', label: 'SQL warehouse, REST if none can be used' },
  { value: 'sql', label: 'SQL warehouse only' },
  { value: 'rest', label: 'REST API only (no lineage, audit or ABAC policies)' },
];

/**
 * Start a crawl (full or re-crawl, over SQL or REST), watch it with counts and Cancel, see the snapshot it made.
 * `compact` (in Changes): the re-crawl button and its progress only.
 */
export function CrawlPanel({ compact = false }: { readonly compact?: boolean }) {
  const titleId = useId();
  const status = useMetadataStatus();
  const [source, setSource] = useState<Source>('auto');
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<AppError | undefined>(undefined);
  const task = useTaskShownInPlace(taskId);
  const event = useCrawlEvents(taskId);
  const crawl = useCrawl({
    onSuccess: ({ snapshot, diff }) => {
      const changes = diff ? ` ${diff.new.length} new, ${diff.changed.length} changed, ${diff.dropped.length} dropped.` : '';
      announce(`Crawl finished: ${snapshot.counts.tables.toLocaleString('en')} tables.${changes}`);
    },
    onError: (e) => setFailure(toAppError(e)),
  });
  const snapshot = status.data?.snapshot ?? null;
  const start = (mode: 'full' | 'incremental') => {
    const id = newTaskId({ step: 'register-metadata', subStep: 'crawl' });
    setTaskId(id);
    setFailure(undefined);
    crawl.mutate({ taskId: id, mode, source });
  };
  const running = crawl.isPending;
  return (
    <section className="rm-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="rm-title">
        {compact ? 'Re-crawl' : 'Crawl the metastore'}
      </h2>
      <p>
        {compact
          ? 'Reads only tables altered since the last crawl, and the columns of tables whose column fingerprint changed; dropped objects are found by comparing the two.'
          : 'Reads catalogs, schemas, tables, columns, tags, grants, masks, row filters and lineage in bulk through the integration’s SQL warehouse, one statement per catalog, into a local index on this computer. A cancelled crawl keeps the previous snapshot.'}
      </p>
      <fieldset className="rm-choice" hidden={compact}>
        <legend>Read through</legend>
        {SOURCES.map((s) => (
          <label key={s.value} className="checkbox">
            <input type="radio" name="rm-source" value={s.value} checked={source === s.value} onChange={() => setSource(s.value)} data-testid={`rm-source-${s.value}`} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <div className="rm-actions">
        {compact ? null : (
          <Button className="button button--primary" busy={running} onClick={() => start('full')} data-testid="rm-crawl-full">
            {snapshot ? 'Crawl everything again' : 'Crawl'}
          </Button>
        )}
        <Button
          className={compact ? 'button button--primary' : 'button'}
          busy={running}
          disabledReason={snapshot ? undefined : 'Crawl once first: a re-crawl reads only what changed since the last snapshot.'}
          onClick={() => start('incremental')}
          data-testid="rm-crawl-incremental"
        >
          Re-crawl what changed
        </Button>
      </div>
      {task ? <ProgressView task={task} title="Crawling the metastore" /> : null}
      {event && task?.state === 'running' ? <CrawlCounts event={event} /> : null}
      {failure && failure.code !== 'CANCELLED' ? <ErrorView action="Crawl the metastore" error={failure} onDismiss={() => setFailure(undefined)} /> : null}
      {failure?.code === 'CANCELLED' ? <p className="notice">Crawl cancelled: the previous snapshot is unchanged.</p> : null}
      {compact ? null : snapshot ? <SnapshotStatus snapshot={snapshot} /> : status.isSuccess ? <p data-testid="rm-no-snapshot">Nothing crawled yet for {status.data.workspaceHost}.</p> : null}
    </section>
  );
}
