import { STATUS_TEXT, StatusIcon, type ProgressStatus } from './status';
import './sub-step-nav.css';

export interface SubStepItem {
  readonly id: string;
  readonly title: string;
  readonly status: ProgressStatus;
}

export interface SubStepNavProps {
  /** The step's title: the nav is named "<title>: parts". */
  readonly stepTitle: string;
  readonly items: readonly SubStepItem[];
  readonly current: string;
  readonly onSelect: (id: string) => void;
}

/**
 * The parts of a step that has several (step 2: Settings → Check → Set up → Manage), as numbered buttons with
 * their status; the current one has aria-current="step". Arrow keys are not needed: every part is one Tab stop,
 * like the main step list. A locked part can still be opened (it says what it needs).
 *
 * A step declares its parts in meta.ts (`subSteps`, `subStepStatus`); the shell then passes `subStep` and
 * `goToSubStep` to the step, shows the parts under the step in the sidebar, and makes Back/Next walk them.
 *
 *   <SubStepNav stepTitle={meta.title} items={items} current={subStep} onSelect={goToSubStep} />
 */
export function SubStepNav({ stepTitle, items, current, onSelect }: SubStepNavProps) {
  return (
    <nav className="ui-substeps" aria-label={`${stepTitle}: parts`}>
      <ol className="ui-substeps__list">
        {items.map((item, i) => {
          const isCurrent = item.id === current;
          return (
            <li key={item.id} className="ui-substeps__item">
              <button
                type="button"
                className={`ui-substeps__button${isCurrent ? ' is-current' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
                data-substep={item.id}
                data-status={item.status}
                onClick={() => onSelect(item.id)}
              >
                <span className="ui-substeps__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="ui-substeps__text">
                  <span className="ui-substeps__title">{item.title}</span>
                  <span className="ui-substeps__state">
                    <StatusIcon status={item.status} size={13} />
                    {STATUS_TEXT[item.status]}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
