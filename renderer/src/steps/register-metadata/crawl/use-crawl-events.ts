import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';

export type CrawlEvent = EventPayload<'metadata.crawl'>;

/** The latest `metadata.crawl` counts of one crawl task (catalogs done, tables and columns read, where it is). */
export function useCrawlEvents(taskId: string | undefined): CrawlEvent | undefined {
  const api = useApi();
  const [held, setHeld] = useState<CrawlEvent | undefined>(undefined);
  useEffect(() => {
    if (taskId === undefined) return;
    return api.on('metadata.crawl', (event) => {
      if (event.taskId === taskId) setHeld(event);
    });
  }, [api, taskId]);
  return held?.taskId === taskId ? held : undefined;
}
