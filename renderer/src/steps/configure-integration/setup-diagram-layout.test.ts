import { describe, expect, it } from 'vitest';
import { diagramLayout, fitLabel } from './setup-diagram-layout';

describe('diagramLayout', () => {
  it('draws the integration catalog with its schemas and staging volume, and what the principal may reach', () => {
    const d = diagramLayout({ catalog: 'ucbridge', servicePrincipal: 'governance-sync', governedCatalogs: ['sales', 'hr'], audit: true });
    expect(d.boxes.filter((b) => b.kind === 'schema').map((b) => b.label)).toEqual(['entitlements', 'policies', 'registry']);
    expect(d.boxes.filter((b) => b.kind === 'volume').map((b) => b.label)).toEqual(['staging']);
    expect(d.boxes.filter((b) => b.kind === 'grant').map((b) => `${b.label}:${b.note}`)).toEqual([
      'ucbridge:read, write',
      'sales:govern',
      'hr:govern',
      'system.access.audit:read',
      'system.access.table_lineage:read',
      'system.access.column_lineage:read',
      'system.query.history:read',
    ]);
    expect(d.links).toHaveLength(d.boxes.length - 2);
    expect(d.height).toBe(10 + 8 * 40);
    expect(d.description).toContain('governs sales, hr, and reads the audit system tables');
  });

  it('without audit or governed catalogs it is just the catalog tree and one grant', () => {
    const d = diagramLayout({ catalog: '', servicePrincipal: '', governedCatalogs: [], audit: false });
    expect(d.boxes.filter((b) => b.kind === 'grant')).toHaveLength(1);
    expect(d.height).toBe(10 + 5 * 40);
    expect(d.description).toContain('governs no catalog yet');
  });
});

describe('fitLabel', () => {
  it('cuts a long label before it reaches the note, and leaves a short one alone', () => {
    expect(fitLabel({ label: 'finance', note: 'govern', width: 250 })).toBe('finance');
    const cut = fitLabel({ label: 'x'.repeat(80), note: 'read, write', width: 250 });
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(25);
  });
});
