import { useChannelQuery } from '../api/use-channel-query';
import type { StepFacts } from '../steps/step-types';

/**
 * The facts the steps' status rules read (steps/step-types.ts StepFacts), fetched once for the whole window so the
 * sidebar tells the truth whichever step is open. Nothing is asked before sign-in.
 */
export function useStepFacts(signedIn: boolean): StepFacts {
  const view = useChannelQuery('integration', 'view', {}, { enabled: signedIn, staleTime: 0 });
  const metadata = useChannelQuery('metadata', 'status', {}, { enabled: signedIn, staleTime: 0 });
  const v = signedIn ? view.data : undefined;
  const m = signedIn ? metadata.data : undefined;
  return {
    ...(v ? { integration: { status: v.status, saved: v.settings !== null, validation: v.lastValidation?.status ?? null, resumable: v.resumable } } : {}),
    ...(m ? { metadata: { crawled: m.snapshot !== null, selectedTables: m.selected.tables } } : {}),
  };
}
