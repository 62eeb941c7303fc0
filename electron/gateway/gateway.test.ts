import { describe, expect, it } from 'vitest';
import { AppFailure, err, ok } from '../../shared/result';
import { createLogger, type LogRecord } from '../logging/logger';
import { redactText } from '../logging/redact-text';
import { EMPTY_SESSION_STATE } from '../services/session/session-service';
import { createGateway } from './gateway';
import type { Handlers } from './handlers';
import type { SenderInfo, SenderPolicy } from './sender-policy';

const sender: SenderInfo = { id: 1, isMainFrame: true, url: 'app://ucbridge/index.html' };
const policy = (): SenderPolicy => ({ trustedIds: new Set([1]), origins: [{ protocol: 'app:', host: 'ucbridge' }] });
const SECRET = 'dapi0123456789abcdef0123456789abcdef';

function gatewayWith(overrides: Partial<{ [K in keyof Handlers]: Partial<Handlers[K]> }> = {}) {
  const records: LogRecord[] = [];
  const calls: unknown[] = [];
  const handlers = {
    app: {
      info: async () => ok({ name: 'ucbridge', version: '1', userAgent: 'ua', host: 'harness', platform: 'linux', secretStorage: 'keychain', startupNotices: [] }),
      recentLogs: async (input: unknown) => (calls.push(input), ok([])),
      ...overrides.app,
    },
    session: {
      state: async () => ok(EMPTY_SESSION_STATE),
      disconnect: async () => err('NOT_CONNECTED', 'no'),
      reauthenticate: async () => err('NOT_CONNECTED', 'no'),
      ...overrides.session,
    },
    task: { cancel: async () => ok({ cancelled: false }), ...overrides.task },
  } as Handlers;
  const logger = createLogger({ sinks: [(r) => records.push(r)] });
  return { gateway: createGateway({ handlers, policy, logger, redact: redactText }), records, calls };
}

describe('createGateway', () => {
  it('routes a valid request and applies input defaults', async () => {
    const { gateway, calls } = gatewayWith();
    expect(await gateway.dispatch(sender, 'app.recentLogs', {})).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ limit: 200 }]);
  });

  it('answers FORBIDDEN to an untrusted sender without running the handler, and logs who it was', async () => {
    const { gateway, calls, records } = gatewayWith();
    const result = await gateway.dispatch({ ...sender, isMainFrame: false }, 'app.recentLogs', {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from the ucbridge window.' } });
    expect(calls).toEqual([]);
    expect(records.map((r) => [r.level, r.message, r.fields])).toEqual([
      ['warn', 'dropped a request from an untrusted sender', { channel: 'app.recentLogs', sender: 1, url: sender.url }],
    ]);
  });

  it('names an unknown channel in its answer, cut to 80 characters (the name comes from the renderer)', async () => {
    const { gateway } = gatewayWith();
    expect(await gateway.dispatch(sender, 'app.nope', {})).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown channel "app.nope".' } });
    const long = `x${'y'.repeat(200)}`;
    expect(await gateway.dispatch(sender, long, {})).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: `Unknown channel "${long.slice(0, 80)}".` } });
  });

  it('answers UNSUPPORTED for a contract channel this host has no handler for (a domain or a method missing)', async () => {
    const { gateway } = gatewayWith();
    expect(await gateway.dispatch(sender, 'users.status', {})).toEqual({ ok: false, error: { code: 'UNSUPPORTED', message: 'No handler for "users.status".' } });
    const noMethod = gatewayWith({ app: { recentLogs: undefined } as never });
    expect(await noMethod.gateway.dispatch(sender, 'app.recentLogs', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('hands the handler the sender the request came from', async () => {
    const seen: unknown[] = [];
    const { gateway } = gatewayWith({ app: { recentLogs: async (_input: unknown, ctx: unknown) => (seen.push(ctx), ok([])) } as never });
    await gateway.dispatch(sender, 'app.recentLogs', {});
    expect(seen).toEqual([{ sender }]);
  });

  it.each([
    ['unknown channel', 'app.nope', {}],
    ['wrong type', 'app.recentLogs', { limit: 'many' }],
    ['out of range', 'app.recentLogs', { limit: 100_000 }],
    ['extra field (strict)', 'app.recentLogs', { limit: 1, channel: 'x' }],
    ['not an object', 'task.cancel', 'task-1'],
    ['bad task id', 'task.cancel', { taskId: '../../etc' }],
  ])('answers BAD_REQUEST for %s', async (_name, channel, input) => {
    const { gateway, calls } = gatewayWith();
    expect(await gateway.dispatch(sender, channel, input)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toEqual([]);
  });

  it('turns a thrown error into INTERNAL with no stack or secret, and logs it redacted', async () => {
    const { gateway, records } = gatewayWith({
      session: { state: async () => Promise.reject(new Error(`boom with ${SECRET}`)) },
    });
    const result = await gateway.dispatch(sender, 'session.state', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/boom|dapi|at /);
    expect(records.map((r) => [r.level, r.message, r.fields?.channel])).toEqual([['error', 'a handler threw', 'session.state']]);
    expect(JSON.stringify(records)).toContain('boom');
    expect(JSON.stringify(records)).not.toContain(SECRET);
  });

  it('turns a thrown AppFailure into its error value, redacted', async () => {
    const { gateway } = gatewayWith({
      session: {
        state: async () => {
          throw new AppFailure({ code: 'AUTH_FAILED', message: `refused ${SECRET}`, hint: `token=${SECRET}` });
        },
      },
    });
    const result = await gateway.dispatch(sender, 'session.state', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('redacts an error a handler returns (not throws): message and hint, keeping the code and the rest of the text', async () => {
    const { gateway } = gatewayWith({
      session: { disconnect: async () => ({ ok: false, error: { code: 'AUTH_FAILED', message: `refused ${SECRET} by the host`, hint: `retry without token=${SECRET}` } }) },
    });
    const result = await gateway.dispatch(sender, 'session.disconnect', {});
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result).toEqual({ ok: false, error: { code: 'AUTH_FAILED', message: 'refused [REDACTED PAT] by the host', hint: 'retry without token=[REDACTED]' } });
    // A returned error without a hint gets none, and carries nothing it did not declare.
    const bare = gatewayWith({ session: { disconnect: async () => ({ ok: false, error: { code: 'NOT_CONNECTED', message: `no ${SECRET}`, stack: 'at x', cause: SECRET } as never }) } });
    expect(await bare.gateway.dispatch(sender, 'session.disconnect', {})).toEqual({ ok: false, error: { code: 'NOT_CONNECTED', message: 'no [REDACTED PAT]' } });
  });

  it('strips fields the contract does not declare, and refuses output outside it', async () => {
    const leaky = gatewayWith({ task: { cancel: async () => ok({ cancelled: true, refreshToken: SECRET } as never) } });
    expect(await leaky.gateway.dispatch(sender, 'task.cancel', { taskId: 'task-0001' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const wrong = gatewayWith({ task: { cancel: async () => ok({ cancelled: 'yes' } as never) } });
    expect(await wrong.gateway.dispatch(sender, 'task.cancel', { taskId: 'task-0001' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(wrong.records.map((r) => [r.level, r.message, r.fields?.channel])).toEqual([['error', 'a handler answered outside its contract', 'task.cancel']]);
    expect(wrong.records[0]?.fields?.issues).toMatch(/cancelled/);
  });
});
