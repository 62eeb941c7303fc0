import type { SessionState } from '../../../shared/contract/session';
import type { IntegrationStatus } from '../../../shared/contract/integration';
import type { ValidationStatus } from '../../../shared/integration/validation-types';
import type { ProgressStatus } from '../ui/status';

export type StepId = 'authenticate' | 'configure-integration' | 'map-users-policies' | 'register-metadata';

/** Locked, Not started, In progress, Needs attention, Done (ui/status.tsx has the words and icons). */
export type StepStatus = ProgressStatus;

/**
 * Facts about the workspace the steps' status rules read, gathered once by the shell (shell/use-step-facts.ts)
 * so the sidebar is right whichever step is open. A step that needs more adds a field here and fetches it there.
 */
export interface StepFacts {
  /** Step 2, once signed in and loaded. */
  readonly integration?: {
    readonly status: IntegrationStatus;
    /** Settings are saved (the plan is made from them). */
    readonly saved: boolean;
    /** The last validation's overall result, if any. */
    readonly validation: ValidationStatus | null;
    /** An interrupted apply left a journal to resume. */
    readonly resumable: 'setup' | 'uninstall' | null;
  };
  /** Step 4: whether the local index holds a snapshot, and how many tables the selection rules take. */
  readonly metadata?: {
    readonly crawled: boolean;
    readonly selectedTables: number;
  };
}

/** What a step may look at to decide its status. */
export interface StepContext {
  readonly session: SessionState | undefined;
  readonly signedIn: boolean;
  readonly facts: StepFacts;
}

/** A part of a step with several (shown by SubStepNav, listed under the step in the sidebar). */
export interface SubStepMeta {
  readonly id: string;
  readonly title: string;
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
  /** The step's parts, in order, if it has several. */
  readonly subSteps?: readonly SubStepMeta[];
  readonly subStepStatus?: (context: StepContext, subStep: string) => StepStatus;
}

/** The props the shell gives a step's component. */
export interface StepProps {
  readonly meta: StepMeta;
  readonly status: StepStatus;
  readonly context: StepContext;
  readonly goTo: (id: StepId) => void;
  /** The current part, for a step with `subSteps` (the first one until the user moves). */
  readonly subStep: string | undefined;
  readonly goToSubStep: (id: string) => void;
}
