import { describe, expect, it } from 'vitest';
import { missingPrivileges } from './mark';
import { observation } from './policies.test-support';
import type { GrantTarget } from './targets';

describe('privileges held on another kind of securable', () => {
  it('do not count: ALL PRIVILEGES on a volume says nothing of a table of the same name', () => {
    const target: GrantTarget = { securable: 'TABLE', name: ['main', 'sales', 'files'], principal: 'x', privileges: ['SELECT'], policies: ['p'] };
    const obs = observation([], { grants: [{ securable: 'VOLUME', name: ['main', 'sales', 'files'], principal: 'x', privileges: ['ALL PRIVILEGES'] }] });
    expect(missingPrivileges(obs, target)).toEqual(['SELECT']);
  });
});
