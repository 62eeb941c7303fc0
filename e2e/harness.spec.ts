import { expect, type WebSocket } from '@playwright/test';
import { FIRST_RENDER_MARK } from '../renderer/src/perf/first-render';
import { SHELL_SCENARIOS } from './scenarios';
import { CHROMIUM_MISSING, hasChromium } from './support/environment';
import { expectNoSeriousA11yViolations } from './support/axe';
import { test } from './support/harness-fixture';

/** A Chrome trace event (the fields read here). */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
}

/** Trace events that run page script (a module's evaluation, a task or callback, microtasks). */
const SCRIPT_EVENTS: ReadonlySet<string> = new Set(['v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame']);

// Without /usr/bin/chromium global-setup prints the one reason line (and fails the run under CI=true).
test.skip(!hasChromium(), CHROMIUM_MISSING);

test.describe('wizard shell in Debian chromium through the browser harness', () => {
  for (const scenario of SHELL_SCENARIOS) {
    test(scenario.title, async ({ page, host }) => {
      await scenario.run(page, host);
    });
  }

  test('the served page carries the CSP in its header, and the same minus frame-ancestors in its meta fallback', async ({ page, harness }) => {
    const response = await page.request.get(harness.url);
    const header = response.headers()['content-security-policy'];
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(header).toContain("frame-ancestors 'none'");
    expect(meta).toBe(header!.split('; ').filter((d) => !d.startsWith('frame-ancestors ')).join('; '));
    // Under that policy the app still reached main over its same-origin socket: it shows main's session state.
    await expect(page.getByTestId('fact-identity')).toContainText('Not signed in');
  });

  test('one socket to main, opened by the early script before the app, carries the first render’s calls once each', async ({ page }) => {
    const sockets: WebSocket[] = [];
    const sent: string[] = [];
    page.on('websocket', (ws) => {
      sockets.push(ws);
      ws.on('framesent', (frame) => sent.push(String(frame.payload)));
    });
    await page.reload();
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK);
    await expect(page.getByTestId('fact-identity')).toContainText('Not signed in');
    // The app took the early script's socket over (one module, one link) instead of opening its own.
    expect(sockets.map((ws) => new URL(ws.url()).pathname)).toEqual(['/ipc']);
    const channels = sent.map((payload) => (JSON.parse(payload) as { channel: string }).channel);
    // renderer/src/api/harness-link.ts, FIRST_CALLS: sent by the early script as soon as the socket opened.
    expect(channels.slice(0, 4)).toEqual(['session.state', 'app.info', 'auth.choices', 'app.caTrust']);
    // The app's own first asks for the header's data were answered from those calls, not sent again.
    expect(channels.filter((c) => c === 'session.state' || c === 'app.info')).toEqual(['session.state', 'app.info']);
  });

  test('React’s first render makes the browser compute no style or layout from inside a script before the first-render mark', async ({ page, browser }) => {
    // A style or layout pass inside a script task is forced (a layout effect reading sizes, Radix measuring a closed
    // Collapsible): it stops the first commit until the whole page is laid out, instead of leaving that to the frame.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
    await page.reload();
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_RENDER_MARK);
    const startTime = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, FIRST_RENDER_MARK);
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const mark = events.find((e) => e.name === FIRST_RENDER_MARK)!;
    const navigationStart = mark.ts - startTime * 1000;
    const before = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= navigationStart && e.ts <= mark.ts);
    const scripts = before.filter((e) => SCRIPT_EVENTS.has(e.name));
    expect(scripts.length, 'the trace has the page’s script tasks').toBeGreaterThan(0);
    const forced = before
      .filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree')
      .filter((e) => scripts.some((s) => s.ts <= e.ts && e.ts + (e.dur ?? 0) <= s.ts + (s.dur ?? 0)))
      .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms at ${((e.ts - navigationStart) / 1000).toFixed(0)} ms`);
    expect(forced).toEqual([]);
  });

  test('a page with neither the preload nor the harness says what to open instead', async ({ page, harness }) => {
    // The same built page, minus the harness's secret: as if index.html were opened on its own.
    await page.route(harness.url, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta name="ucbridge-harness"[^>]*>/, '');
      await route.fulfill({ response, body });
    });
    await page.reload();
    const view = page.getByTestId('bridge-unavailable');
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('This window is not connected to ucbridge');
    await expect(view).toContainText('npm run dev:browser');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'bridge unavailable');
  });
});
