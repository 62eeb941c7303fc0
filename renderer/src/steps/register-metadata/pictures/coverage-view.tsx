import { ChevronRight } from 'lucide-react';
import { useMemo, useState } from 'react';
import { DEFAULT_SENSITIVE_TAGS } from '../../../../../shared/metadata/index-views';
import { useCoverage, useMetadataSnapshot } from '../../../api/hooks/metadata-pictures';
import { toAppError } from '../../../api/client-error';
import { ErrorView } from '../../../errors/error-view';
import { Tabs } from '../../../ui/tabs';
import { CoverageChart } from './coverage-chart';
import { describeSensitive, drillTarget, toChartRows, type DrillTarget, type MeasureId } from './coverage-data';
import { CoverageObjects } from './coverage-objects';
import { CoverageTable } from './coverage-table';
import { PictureSection } from './picture-section';
import './coverage.css';

/**
 * Policy coverage per catalog, then per schema of one catalog: registered tables, and among them those readable
 * through a grant and those with a row filter; sensitive-tagged columns under a mask (table-level or ABAC). Every bar
 * segment and every count opens the objects behind it.
 */
export function CoverageView() {
  const status = useMetadataSnapshot();
  const [catalog, setCatalog] = useState<string | undefined>(undefined);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const coverage = useCoverage(catalog);
  const rows = useMemo(() => toChartRows(coverage.data ?? []), [coverage.data]);
  const level = catalog === undefined ? {} : { catalog };
  const onDrill = (name: string, measure: MeasureId, part: 'covered' | 'uncovered') => setDrill(drillTarget(level, name, measure, part));
  const open = (name: string | undefined) => {
    setCatalog(name);
    setDrill(null);
  };
  const label = catalog === undefined ? 'Catalogs' : `Schemas of ${catalog}`;
  return (
    <PictureSection
      title="Policy coverage"
      testId="coverage-view"
      lead={`How much of what is registered is governed: grants, row filters, and masks on sensitive columns (tagged ${describeSensitive(DEFAULT_SENSITIVE_TAGS)}), table-level or by ABAC policy. From the last crawl and the current selection rules.`}
    >
      {status.data && status.data.snapshot === null ? (
        <p className="notice" data-testid="coverage-needs-crawl">
          Crawl the workspace first (Crawl): coverage is computed from the crawl.
        </p>
      ) : null}
      <nav aria-label="Coverage level" className="pc-crumbs">
        <ol>
          <li>
            {catalog === undefined ? (
              <span aria-current="location">All catalogs</span>
            ) : (
              <button type="button" className="pc-link" onClick={() => open(undefined)} data-testid="coverage-back">
                All catalogs
              </button>
            )}
          </li>
          {catalog !== undefined ? (
            <li>
              <ChevronRight size={14} aria-hidden="true" />
              <span aria-current="location">{catalog}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      {coverage.error ? <ErrorView action="Coverage" error={toAppError(coverage.error)} /> : null}
      {!coverage.data && !coverage.error ? <p className="loading">Computing coverage…</p> : null}
      {coverage.data && rows.length === 0 ? <p data-testid="coverage-empty">Nothing in the crawl here.</p> : null}
      {rows.length > 0 ? (
        <Tabs
          label="Coverage as"
          value={view}
          onValueChange={setView}
          items={[
            { value: 'chart', label: 'Chart', testId: 'coverage-tab-chart', content: <CoverageChart rows={rows} label={label} onDrill={onDrill} /> },
            {
              value: 'table',
              label: 'Table',
              testId: 'coverage-tab-table',
              content: <CoverageTable rows={rows} nameHeader={catalog === undefined ? 'Catalog' : 'Schema'} caption={`Coverage: ${label.toLowerCase()}`} onDrill={onDrill} onOpen={catalog === undefined ? open : undefined} />,
            },
          ]}
        />
      ) : null}
      {catalog === undefined && rows.length > 0 ? (
        <div className="pc-open-catalog">
          <span>Per schema of:</span>
          {rows.map((r) => (
            <button key={r.name} type="button" className="pc-chip" onClick={() => open(r.name)} data-testid="coverage-catalog" data-name={r.name}>
              {r.name}
            </button>
          ))}
        </div>
      ) : null}
      {drill ? <CoverageObjects target={drill} onClose={() => setDrill(null)} /> : null}
    </PictureSection>
  );
}
