import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';
import { boundedStepId, MAX_STEP_ID } from './step-id';

/** Step ids key the journal (resume): an id that fits is kept as written, a longer one gets a stable bounded form. */
describe('boundedStepId', () => {
  it('keeps an id of up to 512 characters as it is', () => {
    const exact = `grant:${'c'.repeat(MAX_STEP_ID - 6)}`;
    expect(exact).toHaveLength(512);
    expect(boundedStepId(exact)).toBe(exact);
    expect(boundedStepId('catalog')).toBe('catalog');
  });

  it('bounds a longer one to 512: its head, then a hash of the whole', () => {
    const long = `grant:${'c'.repeat(600)}`;
    const id = boundedStepId(long);
    expect(id).toHaveLength(512);
    expect(id).toBe(`${long.slice(0, 495)}~${sha256Hex(long).slice(0, 16)}`);
    expect(boundedStepId(`${long}x`)).not.toBe(id);
  });
});
