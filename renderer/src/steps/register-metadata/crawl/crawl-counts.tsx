import type { CrawlEvent } from './use-crawl-events';

const PHASE_TEXT: Readonly<Record<CrawlEvent['phase'], string>> = {
  catalogs: 'Listing catalogs',
  catalog: 'Reading catalogs',
  lineage: 'Reading lineage',
  audit: 'Reading the query audit',
  policies: 'Reading ABAC policies',
  details: 'Reading grants, masks and filters',
  index: 'Building the search index',
};

const n = (v: number): string => v.toLocaleString('en');

/** What a running crawl has read so far, under its progress bar. */
export function CrawlCounts({ event }: { readonly event: CrawlEvent }) {
  return (
    <p className="rm-crawl__counts" data-testid="rm-crawl-counts" aria-live="off">
      {PHASE_TEXT[event.phase]}
      {event.current ? <> ({event.current})</> : null}: {n(event.catalogsDone)} of {n(event.catalogsTotal)} catalogs, {n(event.tables)} tables,{' '}
      {n(event.columns)} columns.
    </p>
  );
}
