import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEV_USER_DATA_NAME, separateUnpackagedUserData } from './user-data';

const { app } = await vi.hoisted(async () => {
  const { createFakeApp } = await import('./fake-electron-app.test-support');
  return { app: createFakeApp() };
});
vi.mock('electron', () => ({ app }));

beforeEach(() => app.reset());

describe('userData of an app run from source', () => {
  it('is <appData>/ucbridge-dev, not the installed app’s folder', () => {
    separateUnpackagedUserData();
    expect(DEV_USER_DATA_NAME).toBe('ucbridge-dev');
    expect(app.getPath('userData')).toBe('/home/user/.config/ucbridge-dev');
  });

  it('is left alone in the installed (packaged) app', () => {
    app.isPackaged = true;
    separateUnpackagedUserData();
    expect(app.setPath).not.toHaveBeenCalled();
    expect(app.getPath('userData')).toBe('/home/user/.config/ucbridge');
  });

  it('is left alone when --user-data-dir chose one (the e2e run)', () => {
    app.commandLine.appendSwitch('user-data-dir');
    separateUnpackagedUserData();
    expect(app.setPath).not.toHaveBeenCalled();
  });
});
