import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { LineageGraph } from '../../../../shared/metadata/index-views';
import { useApi } from '../api-context';
import { callChannel, channelKey, type ChannelInput } from '../channel-call';
import type { ClientError } from '../client-error';
import { useChannelQuery } from '../use-channel-query';

/**
 * Step 4's pictures (lineage graph, coverage chart) read the local index only: answers stay valid until the next
 * crawl, which invalidates the `['metadata']` prefix. Hence no refetching on a timer.
 */
const INDEX = { staleTime: 5 * 60_000 } as const;

/** The snapshot held for the signed-in workspace (null before the first crawl). Same key as the step's own status hook. */
export const useMetadataSnapshot = () => useChannelQuery('metadata', 'status', {}, INDEX);

/** Tables whose name, comment or tags match `query` (empty: no request); the last answer stays while typing. */
export function useTableSearch(query: string) {
  const api = useApi();
  const input: ChannelInput<'metadata', 'search'> = { query: query.trim(), kinds: ['TABLE'], limit: 20 };
  return useQuery({
    queryKey: channelKey('metadata', 'search', input),
    queryFn: () => callChannel(api, 'metadata', 'search', input),
    enabled: input.query !== '',
    placeholderData: keepPreviousData,
    ...INDEX,
  });
}

export interface LineageAnswers {
  /** One per table asked around, in the order asked; missing while it loads or when it failed. */
  readonly answers: readonly { readonly around: string; readonly graph: LineageGraph }[];
  readonly pending: readonly string[];
  readonly errors: readonly { readonly around: string; readonly error: ClientError }[];
}

/** The graph around each asked table (`depth` hops each way), table lineage only. */
export function useLineageAround(asks: readonly { readonly table: string; readonly depth: number }[]): LineageAnswers {
  const api = useApi();
  const tables = asks.map((a) => a.table);
  return useQueries({
    queries: asks.map(({ table, depth }) => {
      const input: ChannelInput<'metadata', 'lineage'> = { table, depth, columns: false };
      return { queryKey: channelKey('metadata', 'lineage', input), queryFn: () => callChannel(api, 'metadata', 'lineage', input), ...INDEX };
    }),
    combine: (results) => ({
      answers: results.flatMap((r, i) => (r.data ? [{ around: tables[i]!, graph: r.data }] : [])),
      pending: results.flatMap((r, i) => (r.isPending ? [tables[i]!] : [])),
      errors: results.flatMap((r, i) => (r.error ? [{ around: tables[i]!, error: r.error as ClientError }] : [])),
    }),
  });
}

/** Column lineage of the edges touching `table`, asked only when the user wants it (`table` undefined: nothing). */
export const useColumnLineage = (table: string | undefined) =>
  useChannelQuery('metadata', 'lineage', { table: table ?? '', depth: 1, columns: true }, { enabled: table !== undefined, ...INDEX });

/** Coverage per catalog, or per schema of `catalog`, with the default sensitive tags. */
export const useCoverage = (catalog: string | undefined) => useChannelQuery('metadata', 'coverage', catalog === undefined ? {} : { catalog }, INDEX);

/** One page of the objects behind a coverage segment (undefined: nothing asked). */
export function useCoverageObjects(input: ChannelInput<'metadata', 'coverageObjects'> | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: channelKey('metadata', 'coverageObjects', input ?? { catalog: '', measure: 'registered' }),
    queryFn: () => callChannel(api, 'metadata', 'coverageObjects', input!),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
    ...INDEX,
  });
}
