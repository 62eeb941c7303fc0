import { CircleMinus, CirclePlus, PenLine } from 'lucide-react';
import type { Diff } from '../../../../../shared/metadata/diff';
import { Badge } from '../../../ui/badge';
import { changeGroup, changeText } from './change-text';

const SHOWN = 500;

function NameList({ items, testId }: { readonly items: Diff['new']; readonly testId: string }) {
  return (
    <ul className="rm-diff__list" data-testid={testId}>
      {items.slice(0, SHOWN).map((o) => (
        <li key={`${o.objectType}:${o.fullName}`} data-name={o.fullName}>
          <code className="wrap-anywhere">{o.fullName}</code> <span className="rm-muted">{o.objectType.toLowerCase()}</span>
        </li>
      ))}
      {items.length > SHOWN ? <li className="rm-muted">…and {(items.length - SHOWN).toLocaleString('en')} more.</li> : null}
    </ul>
  );
}

/** New, changed (which columns, types, tags) and dropped objects between the last two crawls. */
export function DiffView({ diff }: { readonly diff: Diff }) {
  const total = diff.new.length + diff.changed.length + diff.dropped.length;
  if (total === 0) return <p data-testid="rm-diff-empty">No changes: the last crawl found the metastore as the one before it.</p>;
  return (
    <div className="rm-diff" data-testid="rm-diff">
      <section aria-labelledby="rm-diff-new">
        <h4 id="rm-diff-new" className="rm-rule-list__title">
          <Badge tone="success" icon={CirclePlus}>
            New
          </Badge>{' '}
          {diff.new.length.toLocaleString('en')}
        </h4>
        <NameList items={diff.new} testId="rm-diff-new-list" />
      </section>
      <section aria-labelledby="rm-diff-changed">
        <h4 id="rm-diff-changed" className="rm-rule-list__title">
          <Badge tone="warning" icon={PenLine}>
            Changed
          </Badge>{' '}
          {diff.changed.length.toLocaleString('en')}
        </h4>
        <ul className="rm-diff__list" data-testid="rm-diff-changed-list">
          {diff.changed.slice(0, SHOWN).map((o) => (
            <li key={o.fullName} data-name={o.fullName}>
              <code className="wrap-anywhere">{o.fullName}</code>
              <ul>
                {o.changes.map((c, i) => (
                  <li key={i} data-group={changeGroup(c)}>
                    {changeText(c)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {diff.changed.length > SHOWN ? <li className="rm-muted">…and {(diff.changed.length - SHOWN).toLocaleString('en')} more.</li> : null}
        </ul>
      </section>
      <section aria-labelledby="rm-diff-dropped">
        <h4 id="rm-diff-dropped" className="rm-rule-list__title">
          <Badge tone="danger" icon={CircleMinus}>
            Dropped
          </Badge>{' '}
          {diff.dropped.length.toLocaleString('en')}
        </h4>
        <NameList items={diff.dropped} testId="rm-diff-dropped-list" />
      </section>
    </div>
  );
}
