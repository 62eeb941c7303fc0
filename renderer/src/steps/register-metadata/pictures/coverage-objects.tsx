import { X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useCoverageObjects } from '../../../api/hooks/metadata-pictures';
import { toAppError } from '../../../api/client-error';
import { ErrorView } from '../../../errors/error-view';
import { Button } from '../../../ui/button';
import { drillTitle, measureSpec, objectsQuery, type DrillTarget } from './coverage-data';

const PAGE = 100;

/** The objects behind one bar segment, a page at a time; focus moves to its heading when it opens. */
export function CoverageObjects({ target, onClose }: { readonly target: DrillTarget; readonly onClose: () => void }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [offset, setOffset] = useState(0);
  const [shown, setShown] = useState(target);
  if (shown !== target) {
    setShown(target);
    setOffset(0);
  }
  const page = useCoverageObjects(objectsQuery(target, offset, PAGE));
  useEffect(() => heading.current?.focus(), [target]);
  const columns = measureSpec(target.measure).unit === 'columns' ? ['Catalog', 'Schema', 'Table', 'Column'] : ['Catalog', 'Schema', 'Table'];
  const total = page.data?.total;
  const title = drillTitle(target);
  return (
    <section className="pc-objects" aria-labelledby={headingId} data-testid="coverage-objects">
      <div className="pc-objects__head">
        <h4 id={headingId} ref={heading} tabIndex={-1} className="wrap-anywhere">
          {title}
          {total === undefined ? '' : ` (${total})`}
        </h4>
        <Button className="button button--quiet" onClick={onClose} aria-label="Close the list of objects">
          <X size={16} aria-hidden="true" /> Close
        </Button>
      </div>
      {page.error ? <ErrorView action="Coverage objects" error={toAppError(page.error)} /> : null}
      {!page.data && !page.error ? <p className="loading">Listing the objects…</p> : null}
      {page.data && page.data.total === 0 ? <p data-testid="coverage-objects-empty">None.</p> : null}
      {page.data && page.data.total > 0 ? (
        <>
          <div className="table-wrap pc-table-wrap" tabIndex={0} role="region" aria-label={title}>
            <table className="pc-table" data-testid="coverage-objects-table">
              <caption>
                Rows {offset + 1}–{Math.min(offset + PAGE, page.data.total)} of {page.data.total}
              </caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.data.objects.map((o) => (
                  <tr key={o.path.join('\u0000')} data-path={o.path.join('.')}>
                    {o.path.map((p, i) => (
                      <td key={i} className="wrap-anywhere">
                        {p}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.data.total > PAGE ? (
            <div className="pc-actions">
              <Button className="button" disabledReason={offset === 0 ? 'This is the first page.' : undefined} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Previous {PAGE}
              </Button>
              <Button className="button" disabledReason={offset + PAGE >= page.data.total ? 'This is the last page.' : undefined} onClick={() => setOffset(offset + PAGE)}>
                Next {PAGE}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
