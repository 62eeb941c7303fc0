import { describe, expect, it } from 'vitest';
import type { StepContext } from '../step-types';
import { isRegisterSubStep, REGISTER_SUB_STEPS, registerMetadataStatus, registerMetadataSubStepStatus } from './status';

const ctx = (signedIn: boolean, metadata?: { crawled: boolean; selectedTables: number }): StepContext => ({ session: undefined, signedIn, facts: metadata ? { metadata } : {} });

describe('step 4 status', () => {
  it('is locked before sign-in, every part too', () => {
    expect(registerMetadataStatus(ctx(false))).toBe('locked');
    for (const s of REGISTER_SUB_STEPS) expect(registerMetadataSubStepStatus(ctx(false), s.id)).toBe('locked');
  });

  it('before a crawl: nothing started; the crawl part is the way in', () => {
    expect(registerMetadataStatus(ctx(true))).toBe('not-started');
    expect(registerMetadataStatus(ctx(true, { crawled: false, selectedTables: 0 }))).toBe('not-started');
    for (const s of REGISTER_SUB_STEPS) expect(registerMetadataSubStepStatus(ctx(true, { crawled: false, selectedTables: 0 }), s.id)).toBe('not-started');
  });

  it('after a crawl: the crawl is done; selecting is in progress once the rules take a table', () => {
    const crawled = ctx(true, { crawled: true, selectedTables: 0 });
    expect(registerMetadataStatus(crawled)).toBe('in-progress');
    expect(registerMetadataSubStepStatus(crawled, 'crawl')).toBe('done');
    expect(registerMetadataSubStepStatus(crawled, 'select')).toBe('not-started');
    expect(registerMetadataSubStepStatus(ctx(true, { crawled: true, selectedTables: 3 }), 'select')).toBe('in-progress');
    for (const id of ['changes', 'tags', 'pictures']) expect(registerMetadataSubStepStatus(crawled, id)).toBe('in-progress');
    expect(registerMetadataSubStepStatus(crawled, 'nope')).toBe('not-started');
  });

  it('knows its part ids', () => {
    expect(REGISTER_SUB_STEPS.map((s) => s.id)).toEqual(['crawl', 'select', 'changes', 'tags', 'pictures']);
    expect(isRegisterSubStep('pictures')).toBe(true);
    expect(isRegisterSubStep('policies')).toBe(false);
    expect(isRegisterSubStep(undefined)).toBe(false);
  });
});
