import { describe, expect, it } from 'vitest';
import { searchPrincipals } from './principal-search';
import { principal } from './users-view.test-support';

const DIRECTORY = [
  principal({ id: '1', type: 'user', name: 'siobhan.obrien@lakeside.example', displayName: "Siobhán O'Brien", emails: ['siobhan.obrien@lakeside.example'] }),
  principal({ id: '2', type: 'user', name: 'jose.nunez@lakeside.example', displayName: 'José Núñez', emails: ['finance@lakeside.example'] }),
  principal({ id: '3', type: 'group', name: 'finance-analysts' }),
  principal({ id: '4', type: 'servicePrincipal', name: '0b5e-app-id', displayName: 'bi-dashboards', active: false }),
];

describe('searchPrincipals', () => {
  it('matches name, display name and email, case-insensitively, starts first', () => {
    expect(searchPrincipals(DIRECTORY, 'FINANCE', undefined, 10).map((c) => c.principal)).toEqual(['finance-analysts', 'jose.nunez@lakeside.example']);
    expect(searchPrincipals(DIRECTORY, "o'brien", undefined, 10).map((c) => c.principal)).toEqual(['siobhan.obrien@lakeside.example']);
    expect(searchPrincipals(DIRECTORY, 'dashboards', undefined, 10)).toEqual([{ principal: '0b5e-app-id', principalType: 'servicePrincipal', displayName: 'bi-dashboards', active: false }]);
  });

  it('keeps one type when asked, everything for an empty query, and the limit', () => {
    expect(searchPrincipals(DIRECTORY, 'finance', 'user', 10).map((c) => c.principal)).toEqual(['jose.nunez@lakeside.example']);
    expect(searchPrincipals(DIRECTORY, '  ', undefined, 10)).toHaveLength(4);
    expect(searchPrincipals(DIRECTORY, '', undefined, 2).map((c) => c.principal)).toEqual(['0b5e-app-id', 'finance-analysts']);
  });
});
