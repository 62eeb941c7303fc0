import { describe, expect, it } from 'vitest';
import { AppFailure, type ErrorCode } from '../../../../shared/result';
import { step } from './apply.test-support';
import { stepFailureCopy } from './failure-copy';

const failure = (code: ErrorCode, message: string, hint?: string) => new AppFailure({ code, message, ...(hint ? { hint } : {}) });
const s = { ...step('grant:sp'), purpose: '  Let the service principal read the catalog  ' };

describe('the summary of a failed step', () => {
  it('a refused statement: what the step was for, what the warehouse said, its hint or where to look', () => {
    expect(stepFailureCopy(s, failure('SQL_ERROR', 'PERMISSION_DENIED: no MANAGE'))).toEqual({
      message: 'Let the service principal read the catalog: the warehouse refused the statement. PERMISSION_DENIED: no MANAGE',
      hint: 'Fix what the message says (often a missing privilege: see the least-privilege table), then apply again. Steps already done are kept and will not run again.',
    });
    expect(stepFailureCopy(s, failure('SQL_ERROR', 'x', 'Ask a metastore admin.')).hint).toBe('Ask a metastore admin.');
  });

  it.each(['RATE_LIMITED', 'UNAVAILABLE', 'NETWORK', 'TIMEOUT'] as const)('%s after the retries: says it kept failing, never "try again later" alone', (code) => {
    expect(stepFailureCopy(s, failure(code, 'The warehouse is busy.'))).toEqual({
      message: 'Let the service principal read the catalog: The warehouse is busy. (it kept failing after several attempts)',
      hint: 'Check the warehouse and your network. Then apply again: steps already done are kept and will not run again.',
    });
    expect(stepFailureCopy(s, failure(code, 'm', 'Start the warehouse.')).hint).toBe('Start the warehouse. Then apply again: steps already done are kept and will not run again.');
  });

  it('any other failure keeps its message and hint; none is made up', () => {
    expect(stepFailureCopy(s, failure('STORAGE', 'Could not save.', 'Free some disk.'))).toEqual({ message: 'Let the service principal read the catalog: Could not save.', hint: 'Free some disk.' });
    expect(stepFailureCopy(s, failure('CANCELLED', 'Cancelled.'))).toEqual({ message: 'Let the service principal read the catalog: Cancelled.' });
  });

  it('an unexpected error stays out of the summary (it may hold anything); a step without a purpose is named by its id', () => {
    const copy = stepFailureCopy({ ...s, purpose: ' ' }, new Error('token=dapi0123456789abcdef'));
    expect(copy).toEqual({ message: 'grant:sp: ucbridge hit an unexpected error.', hint: 'Copy the details for support from the log, then apply again.' });
  });
});
