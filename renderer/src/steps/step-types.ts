import type { SessionState } from '../../../shared/contract/session';

export type StepId = 'authenticate' | 'configure-integration' | 'map-users-policies' | 'register-metadata';

/** `locked`: visible (it says what it will do) but it cannot act yet, because it needs sign-in first. */
export type StepStatus = 'locked' | 'available' | 'complete';

/** What a step may look at to decide its status; later steps extend this with their own facts. */
export interface StepContext {
  readonly session: SessionState | undefined;
  readonly signedIn: boolean;
}

/** Everything the shell knows about a step without loading its code (the code is a lazy chunk). */
export interface StepMeta {
  readonly id: StepId;
  readonly title: string;
  /** One sentence under the heading. */
  readonly summary: string;
  /** What the step will do, in the user's words. */
  readonly willDo: readonly string[];
  readonly status: (context: StepContext) => StepStatus;
}

/** The props the shell gives a step's component. */
export interface StepProps {
  readonly meta: StepMeta;
  readonly status: StepStatus;
  readonly context: StepContext;
  readonly goTo: (id: StepId) => void;
}
