import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AppInfo, LogEntry } from '../../../shared/contract/app';
import type { AppError } from '../../../shared/result';
import { useApi } from '../api/api-context';
import { callChannel, channelKey } from '../api/channel-call';
import { formatDetails, writeClipboard } from './copy-details';

const LOG_LINES = 50;

export interface CopyOutcome {
  readonly text: string;
  readonly copied: boolean;
}

/** Gathers code, message, hint and the latest redacted log lines from main, and copies them. */
export function useCopyDetails(): (action: string, error: AppError) => Promise<CopyOutcome> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async (action, error) => {
      const logs: readonly LogEntry[] = await queryClient
        .fetchQuery({
          queryKey: channelKey('app', 'recentLogs', { limit: LOG_LINES }),
          queryFn: () => callChannel(api, 'app', 'recentLogs', { limit: LOG_LINES }),
          staleTime: 0,
        })
        .catch(() => []);
      const info = queryClient.getQueryData<AppInfo>(channelKey('app', 'info', {}));
      const text = formatDetails({ action, error, logs, version: info?.version, host: info?.host });
      return { text, copied: await writeClipboard(text) };
    },
    [api, queryClient],
  );
}
