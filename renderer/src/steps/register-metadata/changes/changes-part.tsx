import type { MetadataStatus } from '../../../../../shared/contract/metadata';
import { useDiff } from '../../../api/hooks/metadata';
import { CrawlPanel } from '../crawl/crawl-panel';
import { RegistrationPanel } from '../register/registration-panel';
import { DiffView } from './diff-view';

/** Sub-step "Changes": re-crawl, see what changed since the crawl before, and update the registry to match. */
export function ChangesPart({ status }: { readonly status: MetadataStatus }) {
  const diff = useDiff(status.snapshot !== null);
  return (
    <>
      <section className="rm-panel" aria-labelledby="rm-changes-title">
        <h2 id="rm-changes-title" className="rm-title">
          What changed
        </h2>
        {status.snapshot === null ? (
          <p>Crawl first: changes are found by comparing a crawl with the one before it.</p>
        ) : diff.isPending ? (
          <p className="rm-muted">Reading the changes…</p>
        ) : diff.isError ? (
          <p className="notice">The changes could not be read: {diff.error.message}</p>
        ) : (
          <DiffView diff={diff.data} />
        )}
      </section>
      <CrawlPanel compact />
      <RegistrationPanel
        title="Apply the changes to the registry"
        previewLabel="Preview the registry update"
        blocked={status.snapshot === null ? 'Crawl first.' : undefined}
        testId="rm-apply-diff"
      />
    </>
  );
}
