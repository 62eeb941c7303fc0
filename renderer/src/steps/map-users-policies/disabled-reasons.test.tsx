import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BridgeContext, type Bridge } from '../../api/api-context';
import { TooltipProvider } from '../../ui/tooltip';
import { PolicyPlanPanel } from './policy-plan-panel';
import { setPolicyText } from './policy-text';
import { PreviewPanel } from './preview-panel';
import { UsersWritePanel } from './users-write-panel';

const html = (node: ReactNode) =>
  renderToStaticMarkup(
    <BridgeContext.Provider value={{} as Bridge /* rendering only: nothing is called */}>
      <QueryClientProvider client={new QueryClient()}>
        <TooltipProvider>{node}</TooltipProvider>
      </QueryClientProvider>
    </BridgeContext.Provider>,
  );

/** The button's tag, and the text of the elements its aria-describedby names (what a screen reader reads after its name). */
function described(markup: string, testId: string): { readonly tag: string; readonly description: string } {
  const tag = new RegExp(`<button[^>]*data-testid="${testId}"[^>]*>`, 'u').exec(markup)?.[0];
  if (!tag) throw new Error(`no button ${testId}`);
  const ids = /aria-describedby="([^"]*)"/u.exec(tag)?.[1]?.split(' ') ?? [];
  const description = ids.map((id) => new RegExp(`id="${id.replaceAll(/[^\w-]/gu, (c) => `\\${c}`)}"[^>]*>([^<]*)<`, 'u').exec(markup)?.[1] ?? '').join(' ');
  return { tag, description };
}

/** Disabled the accessible way: focusable (no `disabled`), aria-disabled, the reason as its description and a Radix tooltip trigger, no `title`. */
function expectReason(markup: string, testId: string, reason: string): void {
  const { tag, description } = described(markup, testId);
  expect(tag).toContain('aria-disabled="true"');
  expect(tag).not.toMatch(/\sdisabled=|\stitle=/u);
  expect(tag).toContain('data-state="closed"'); // the Radix Tooltip trigger (the tip opens on hover and focus)
  expect(description).toBe(reason);
}

describe("step 3's disabled buttons say why, to the eye (tooltip) and to screen readers", () => {
  it('Policies: preview and export wait for policy text', () => {
    setPolicyText('');
    const markup = html(<PolicyPlanPanel />);
    for (const id of ['mp-plan', 'mp-plan-uninstall', 'mp-export']) expectReason(markup, id, 'Write or import the policies first.');
    setPolicyText('{"policies": []}', 'json');
    expect(described(html(<PolicyPlanPanel />), 'mp-plan').tag).not.toContain('aria-disabled');
  });

  it('Preview as a user: policies first, then a principal and a table', () => {
    setPolicyText('');
    expectReason(html(<PreviewPanel />), 'mp-preview-run', 'Write or import the policies first (Policies).');
    setPolicyText('{"policies": []}', 'json');
    expectReason(html(<PreviewPanel />), 'mp-preview-run', 'Give a principal and a table.');
  });

  it('Users: writing the mapping says what is missing, and is enabled once nothing is', () => {
    expectReason(html(<UsersWritePanel ready="Import the users file first (1)." />), 'us-plan', 'Import the users file first (1).');
    expect(described(html(<UsersWritePanel ready={undefined} />), 'us-plan').tag).not.toContain('aria-disabled');
  });
});
