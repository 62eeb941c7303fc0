import { TriangleAlert } from 'lucide-react';
import './form-problems.css';

export interface FormProblem {
  /** The field's label, as the user sees it. */
  readonly label: string;
  /** The id of the control to focus. */
  readonly controlId?: string;
}

/**
 * Next to a form's submit button, after a refused submit: how many fields need attention and which, each a link
 * that moves focus to the field (the problem itself is under the field). Nothing when there are none.
 *
 *   <div className="form-actions">
 *     <button className="button button--primary">Save and validate</button>
 *     <FormProblems problems={[{ label: 'Integration catalog', controlId: catalogId }]} />
 *   </div>
 */
export function FormProblems({ problems, testId }: { readonly problems: readonly FormProblem[]; readonly testId?: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="form-problems" role="alert" data-testid={testId ?? 'form-problems'}>
      <TriangleAlert size={16} className="form-problems__icon" />
      <span>
        {problems.length === 1 ? '1 field needs attention: ' : `${problems.length} fields need attention: `}
        {problems.map((p, i) => (
          <span key={p.label}>
            {i > 0 ? ', ' : ''}
            {p.controlId ? (
              <a
                href={`#${p.controlId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.controlId ?? '')?.focus();
                }}
              >
                {p.label}
              </a>
            ) : (
              p.label
            )}
          </span>
        ))}
        .
      </span>
    </div>
  );
}
