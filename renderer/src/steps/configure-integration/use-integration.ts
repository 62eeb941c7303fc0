import { useQueryClient } from '@tanstack/react-query';
import type { IntegrationView } from '../../../../shared/contract/integration';
import type { PlanKind } from '../../../../shared/integration/plan-types';
import { channelKey } from '../../api/channel-call';
import { useChannelMutation, type ChannelMutationOptions } from '../../api/use-channel-mutation';
import { useChannelQuery } from '../../api/use-channel-query';

/**
 * Step 2's calls to main. Every channel that answers with the integration view refreshes the cached view, and
 * anything that changes the workspace (apply, enabling a system schema) makes the next plan ask again.
 */
export const integrationViewKey = channelKey('integration', 'view', {});

/**
 * Saved settings, status and journal. While main says an apply is running (a cancelled one still unwinding, or
 * one started elsewhere) it is asked again every second, so the status and the Resume offer settle by themselves.
 */
export function useIntegrationView() {
  const cached = useQueryClient().getQueryData<IntegrationView>(integrationViewKey);
  return useChannelQuery('integration', 'view', {}, { staleTime: 0, refetchInterval: cached?.status === 'applying' ? 1_000 : false });
}

export const useWarehouses = () => useChannelQuery('integration', 'listWarehouses', {}, { staleTime: 0 });

/** The catalogs the user can see: suggestions for the catalog fields (any other name can still be typed). */
export const useCatalogs = () => useChannelQuery('integration', 'listCatalogs', {}, { staleTime: 60_000 });

export const useServicePrincipals = (search: string) =>
  useChannelQuery('integration', 'listServicePrincipals', search ? { search } : {}, { staleTime: 30_000 });

/** The plan against the workspace as it is now; fetched only once the user asks for it. */
export const usePlan = (kind: PlanKind, requested: boolean) =>
  useChannelQuery('integration', 'plan', { kind }, { enabled: requested, staleTime: 0 });

type ViewMethod = 'saveSettings' | 'setMode' | 'forget';

/** A mutation whose answer is the new integration view. */
export function useViewMutation<M extends ViewMethod>(method: M, options: ChannelMutationOptions<'integration', M> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('integration', method, {
    ...options,
    onSuccess: (view, input) => {
      queryClient.setQueryData(integrationViewKey, view);
      void queryClient.invalidateQueries({ queryKey: ['integration', 'plan'] });
      options.onSuccess?.(view, input);
    },
  });
}

type WorkspaceChangingMethod = 'apply' | 'enableSystemSchema' | 'startWarehouse' | 'createServicePrincipal' | 'validate' | 'verify';

/** A mutation after which the view (status, last validation, resumable journal) and the plan may have changed. */
export function useChangingMutation<M extends WorkspaceChangingMethod>(method: M, options: ChannelMutationOptions<'integration', M> = {}) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: integrationViewKey });
    if (method === 'apply' || method === 'enableSystemSchema') void queryClient.invalidateQueries({ queryKey: ['integration', 'plan'] });
    if (method === 'startWarehouse') void queryClient.invalidateQueries({ queryKey: ['integration', 'listWarehouses'] });
    if (method === 'createServicePrincipal') void queryClient.invalidateQueries({ queryKey: ['integration', 'listServicePrincipals'] });
  };
  return useChannelMutation('integration', method, {
    onSuccess: (value, input) => {
      refresh();
      options.onSuccess?.(value, input);
    },
    onError: (error, input) => {
      // A cancelled or failed apply still changed things (and left a journal to resume).
      refresh();
      options.onError?.(error, input);
    },
  });
}

export const useExportScripts = (options: ChannelMutationOptions<'integration', 'exportScripts'> = {}) =>
  useChannelMutation('integration', 'exportScripts', options);

export const useExportPayload = (options: ChannelMutationOptions<'integration', 'exportPayload'> = {}) =>
  useChannelMutation('integration', 'exportPayload', options);
