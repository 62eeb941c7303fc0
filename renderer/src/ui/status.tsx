import { Circle, CircleCheck, CircleDot, Lock, TriangleAlert } from 'lucide-react';

/**
 * Where a step or sub-step stands, in the words the wizard uses everywhere (sidebar, sub-step nav, panel):
 * `locked` — it needs something first (sign-in); `not-started`; `in-progress`; `needs-attention` — something
 * failed or must be redone; `done` — its goal is reached (for step 2: set up and verified).
 */
export type ProgressStatus = 'locked' | 'not-started' | 'in-progress' | 'needs-attention' | 'done';

export const STATUS_TEXT: Readonly<Record<ProgressStatus, string>> = {
  locked: 'Locked — sign in first',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'needs-attention': 'Needs attention',
  done: 'Done',
};

/** The status's icon (decorative: the text beside it says the same). */
export function StatusIcon({ status, size = 16 }: { readonly status: ProgressStatus; readonly size?: number }) {
  const props = { size, className: `ui-status-icon ui-status-icon--${status}` } as const;
  switch (status) {
    case 'locked':
      return <Lock {...props} />;
    case 'not-started':
      return <Circle {...props} />;
    case 'in-progress':
      return <CircleDot {...props} />;
    case 'needs-attention':
      return <TriangleAlert {...props} />;
    case 'done':
      return <CircleCheck {...props} />;
  }
}
