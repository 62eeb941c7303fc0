import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createExternalUrlAllowList } from '../window-policy/external-urls';
import { createShellOpener } from './shell-opener';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async (_url: string, _options?: unknown) => undefined) }));
vi.mock('electron', () => ({ shell }));

beforeEach(() => {
  shell.openExternal.mockReset().mockResolvedValue(undefined);
});

describe('createShellOpener', () => {
  it('opens allow-listed https URLs with shell.openExternal', async () => {
    await createShellOpener(createExternalUrlAllowList()).open('https://docs.databricks.com/x');
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.databricks.com/x', { activate: true });
  });

  it.each(['https://evil.example/', 'http://docs.databricks.com/', 'file:///etc/passwd', 'smb://host/share'])(
    'never passes %s to the OS',
    async (url) => {
      await expect(createShellOpener(createExternalUrlAllowList()).open(url)).rejects.toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('opens a sign-in authorize URL only while it is registered', async () => {
    const list = createExternalUrlAllowList();
    const opener = createShellOpener(list);
    const url = 'https://127.0.0.1:8443/oidc/v1/authorize?state=s';
    const release = list.allow('https://127.0.0.1:8443/oidc/v1/authorize');
    await opener.open(url);
    release();
    await expect(opener.open(url)).rejects.toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('reports an OS failure as UNSUPPORTED with a hint', async () => {
    shell.openExternal.mockRejectedValue(new Error('no handler'));
    await expect(createShellOpener(createExternalUrlAllowList()).open('https://docs.databricks.com/')).rejects.toMatchObject({
      error: { code: 'UNSUPPORTED', hint: expect.stringContaining('Copy the link') },
    });
  });
});
