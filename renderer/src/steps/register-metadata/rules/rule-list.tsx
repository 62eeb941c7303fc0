import { X } from 'lucide-react';

export interface RuleListProps {
  readonly title: string;
  readonly items: readonly string[];
  readonly empty: string;
  readonly onRemove: (item: string) => void;
  readonly testId: string;
}

/** One list of rules (patterns or tags), each removable. */
export function RuleList({ title, items, empty, onRemove, testId }: RuleListProps) {
  return (
    <div className="rm-rule-list" data-testid={testId}>
      <h4 className="rm-rule-list__title">{title}</h4>
      {items.length === 0 ? (
        <p className="rm-muted">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item} className="rm-rule-list__item">
              <code className="wrap-anywhere">{item}</code>
              <button type="button" className="button button--quiet button--icon" aria-label={`Remove ${item} from ${title.toLowerCase()}`} onClick={() => onRemove(item)}>
                <X size={14} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
