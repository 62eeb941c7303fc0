import { EyeOff, Info } from 'lucide-react';
import type { SnapshotRecord } from '../../../../../shared/metadata/snapshot';

const n = (v: number): string => v.toLocaleString('en');
const when = (ms: number): string => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * What the index holds: when and how it was crawled, the counts, and what the crawl could not see.
 * information_schema answers only what the caller may see (reference §2), so the note is always shown.
 */
export function SnapshotStatus({ snapshot }: { readonly snapshot: SnapshotRecord }) {
  const c = snapshot.counts;
  const seconds = Math.max(0, (snapshot.finishedAt - snapshot.startedAt) / 1000);
  return (
    <section className="rm-snapshot" aria-labelledby="rm-snapshot-title" data-testid="rm-snapshot">
      <h2 id="rm-snapshot-title" className="rm-title">
        Snapshot
      </h2>
      <p>
        {snapshot.mode === 'full' ? 'Full crawl' : 'Re-crawl'} over {snapshot.source === 'sql' ? 'the SQL warehouse' : 'the REST API'} by{' '}
        <strong>{snapshot.crawledBy}</strong>, finished {when(snapshot.finishedAt)} in {seconds.toFixed(1)} s ({n(snapshot.statements)} statements,{' '}
        {n(snapshot.requests)} requests).
      </p>
      <dl className="rm-counts" data-testid="rm-snapshot-counts">
        {(
          [
            ['Catalogs', c.catalogs],
            ['Schemas', c.schemas],
            ['Tables', c.tables],
            ['Columns', c.columns],
            ['Tags', c.tags],
            ['Grants', c.grants],
            ['Masks', c.masks],
            ['Row filters', c.rowFilters],
            ['ABAC policies', c.policies],
            ['Lineage edges', c.lineageEdges],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rm-counts__item">
            <dt>{label}</dt>
            <dd data-count={label}>{n(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="notice rm-note">
        <Info size={16} aria-hidden="true" /> Unity Catalog’s information_schema shows only what the identity that crawls may see. Objects hidden from{' '}
        {snapshot.crawledBy} are not in this snapshot; crawl as a metastore admin to see everything.
      </p>
      {snapshot.blindSpots.length > 0 ? (
        <div className="rm-blind" data-testid="rm-blind-spots">
          <h3 className="rm-subtitle">
            <EyeOff size={16} aria-hidden="true" /> What this crawl could not see
          </h3>
          <ul>
            {snapshot.blindSpots.map((b) => (
              <li key={`${b.code}-${b.catalog ?? ''}`} data-code={b.code}>
                {b.catalog ? <strong>{b.catalog}: </strong> : null}
                {b.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p data-testid="rm-no-blind-spots">No blind spots detected beyond what this identity may see.</p>
      )}
    </section>
  );
}
