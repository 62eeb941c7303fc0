import { describe, expect, it } from 'vitest';
import { preloadStep, stepComponent, STEPS } from './registry';

describe('the step registry', () => {
  it('renders a step lazily until its chunk is here, then directly (no Suspense, no "Loading…", no reveal delay)', async () => {
    const entry = STEPS[0]!;
    expect(stepComponent(entry)).toBe(entry.Component);
    await preloadStep('authenticate');
    const loaded = stepComponent(entry);
    expect(loaded).not.toBe(entry.Component);
    expect(loaded).toBe((await import('./authenticate/authenticate-step')).default);
    // Other steps are not loaded by loading the first.
    expect(stepComponent(STEPS[3]!)).toBe(STEPS[3]!.Component);
  });
});
