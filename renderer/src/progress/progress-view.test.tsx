import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../shared/contract/task';
import { BridgeContext, type Bridge } from '../api/api-context';
import { ProgressView } from './progress-view';

const html = (task: TaskProgress) =>
  renderToStaticMarkup(
    <BridgeContext.Provider value={{} as Bridge /* rendering only: nothing is called */}>
      <QueryClientProvider client={new QueryClient()}>
        <ProgressView task={task} />
      </QueryClientProvider>
    </BridgeContext.Provider>,
  );
const task = (over: Partial<TaskProgress>): TaskProgress => ({ taskId: 'task-12345678', label: 'Signing in', done: 0, total: 0, state: 'running', cancellable: true, ...over });

describe('ProgressView', () => {
  it('shows the moving (indeterminate) bar only while a task without a count runs', () => {
    expect(html(task({}))).toMatch(/<progress class="progress-view__bar"[^>]*aria-labelledby="[^"]+"\/?>/u);
    expect(html(task({}))).not.toMatch(/<progress[^>]*value=/u);
    expect(html(task({ state: 'succeeded' }))).toMatch(/<progress[^>]*value="1"[^>]*max="1"/u);
    expect(html(task({ state: 'failed' }))).toMatch(/<progress[^>]*value="0"[^>]*max="1"/u);
  });

  it('shows the count and Cancel while a counted task runs', () => {
    const out = html(task({ done: 3, total: 4 }));
    expect(out).toContain('3 of 4 (75%)');
    expect(out).toContain('>Cancel<');
  });
});
