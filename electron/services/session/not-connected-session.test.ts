import { describe, expect, it } from 'vitest';
import { SessionStateSchema } from '../../../shared/contract/session';
import { createNotConnectedSession } from './not-connected-session';

describe('createNotConnectedSession', () => {
  const session = createNotConnectedSession();

  it('answers the empty state, which matches the contract', async () => {
    const state = await session.state();
    expect(SessionStateSchema.parse(state)).toEqual({
      workspace: null,
      identity: null,
      authMethod: null,
      token: { state: 'none' },
      persistence: 'none',
    });
  });

  it('refuses disconnect and re-authenticate with NOT_CONNECTED and a hint', async () => {
    for (const call of [() => session.disconnect({ uninstall: false }), () => session.reauthenticate()]) {
      await expect(call()).rejects.toMatchObject({
        error: { code: 'NOT_CONNECTED', hint: expect.stringContaining('Sign in') },
      });
    }
  });
});
