import { describe, expect, it } from 'vitest';
import { formatDetails } from './copy-details';

describe('formatDetails', () => {
  it('puts action, code, message, hint, then the log lines oldest first', () => {
    const text = formatDetails({
      action: 'Disconnect',
      error: { code: 'NOT_CONNECTED', message: 'Not connected.', hint: 'Sign in first.' },
      logs: [
        { time: Date.UTC(2026, 0, 1, 0, 0, 0), level: 'info', message: '[main] ready' },
        { time: Date.UTC(2026, 0, 1, 0, 0, 1), level: 'warn', message: '[gateway] dropped' },
      ],
      version: '1.2.3',
      host: 'harness',
    });
    expect(text.split('\n')).toEqual([
      'ucbridge 1.2.3 (harness)',
      'Action: Disconnect',
      'Code: NOT_CONNECTED',
      'Message: Not connected.',
      'Hint: Sign in first.',
      '',
      'Recent log (2 lines, redacted):',
      '2026-01-01T00:00:00.000Z INFO  [main] ready',
      '2026-01-01T00:00:01.000Z WARN  [gateway] dropped',
    ]);
  });

  it('leaves out a missing hint and says when the log is empty', () => {
    const text = formatDetails({ action: 'Cancel', error: { code: 'INTERNAL', message: 'Oops.' }, logs: [] });
    expect(text).not.toContain('Hint:');
    expect(text).toContain('ucbridge (version unknown)');
    expect(text.endsWith('Recent log: (empty)')).toBe(true);
  });
});
