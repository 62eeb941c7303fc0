import { describe, expect, it } from 'vitest';
import type { RestRoute } from '../contracts';
import { Router } from './router';

const route = (method: RestRoute['method'], pattern: string): RestRoute => ({ method, pattern, handle: async () => ({ status: 200 }) });

describe('Router', () => {
  const byName = route('GET', '/api/2.1/unity-catalog/tables/:full_name');
  const summaries = route('GET', '/api/2.1/unity-catalog/tables/summaries');
  const files = route('PUT', '/api/2.0/fs/files/*');
  const router = new Router([byName, summaries, files]);

  it('captures :name segments URL-decoded', () => {
    const m = router.match('GET', '/api/2.1/unity-catalog/tables/main.s%C3%A9.t%2Fx');
    expect(m).toEqual({ kind: 'found', route: byName, params: { full_name: 'main.sé.t/x' } });
  });

  it('prefers static segments over parameters regardless of order', () => {
    expect(router.match('GET', '/api/2.1/unity-catalog/tables/summaries')).toMatchObject({ route: summaries });
  });

  it('captures the rest of the path with a trailing *', () => {
    expect(router.match('PUT', '/api/2.0/fs/files/Volumes/c/s/v/a%20b.csv')).toMatchObject({ params: { '*': 'Volumes/c/s/v/a b.csv' } });
  });

  it('distinguishes method, length and malformed escapes', () => {
    expect(router.match('POST', '/api/2.1/unity-catalog/tables/x').kind).toBe('not-found');
    expect(router.match('GET', '/api/2.1/unity-catalog/tables/x/y').kind).toBe('not-found');
    expect(router.match('GET', '/api/2.1/unity-catalog/tables/%E0%A4%A').kind).toBe('bad-path');
  });
});
