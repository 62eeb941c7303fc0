import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVE_TAGS, type CoverageRow } from '../../../../../shared/metadata/index-views';
import { describeSensitive, drillTarget, drillTitle, MEASURES, objectsQuery, toChartRows } from './coverage-data';

const row = (name: string, o: Partial<CoverageRow> = {}): CoverageRow => ({ name, tables: 10, registered: 8, granted: 6, filtered: 1, sensitiveColumns: 3, maskedSensitiveColumns: 2, ...o });

describe('toChartRows', () => {
  it('splits each bar into covered and not covered, as counts and as shares of its own base', () => {
    const [r] = toChartRows([row('main')]);
    expect(r!.name).toBe('main');
    expect(r!.covered).toEqual({ registration: { count: 8, percent: 80 }, grants: { count: 6, percent: 75 }, filters: { count: 1, percent: 12.5 }, masks: { count: 2, percent: 66.7 } });
    expect(r!.uncovered).toEqual({ registration: { count: 2, percent: 20 }, grants: { count: 2, percent: 25 }, filters: { count: 7, percent: 87.5 }, masks: { count: 1, percent: 33.3 } });
  });

  it('draws empty bars for an empty base (nothing registered, no sensitive column), never NaN', () => {
    const [r] = toChartRows([row('raw', { tables: 4, registered: 0, granted: 0, filtered: 0, sensitiveColumns: 0, maskedSensitiveColumns: 0 })]);
    for (const m of MEASURES.slice(1)) {
      expect(r!.covered[m.id]).toEqual({ count: 0, percent: 0 });
      expect(r!.uncovered[m.id]).toEqual({ count: 0, percent: 0 });
    }
    expect(r!.uncovered.registration).toEqual({ count: 4, percent: 100 });
  });

  it('keeps the two segments adding up to 100 whatever the rounding, and keeps the rows in order', () => {
    const rows = toChartRows([row('a', { tables: 3, registered: 1 }), row('b', { tables: 7, registered: 2 })]);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
    for (const r of rows) for (const m of MEASURES) if (m.base(r.row) > 0) expect(r.covered[m.id].percent + r.uncovered[m.id].percent).toBeCloseTo(100, 6);
  });
});

describe('drill-down', () => {
  it('maps a segment at the catalog level and at the schema level to the coverageObjects input', () => {
    const top = drillTarget({}, 'main', 'grants', 'uncovered');
    expect(top).toEqual({ catalog: 'main', measure: 'grants', part: 'uncovered' });
    expect(objectsQuery(top, 0, 100)).toEqual({ catalog: 'main', measure: 'ungranted', offset: 0, limit: 100 });
    const inner = drillTarget({ catalog: 'main' }, 'sales', 'masks', 'covered');
    expect(objectsQuery(inner, 100, 100)).toEqual({ catalog: 'main', schema: 'sales', measure: 'masked-sensitive', offset: 100, limit: 100 });
    expect(drillTitle(inner)).toBe('Sensitive columns under a mask in main.sales');
    expect(drillTitle(top)).toBe('Registered tables without a grant in main');
  });

  it('has one covered and one uncovered coverageObjects measure per bar, all different', () => {
    const all = MEASURES.flatMap((m) => [m.covered, m.uncovered]);
    expect(new Set(all).size).toBe(8);
    expect(objectsQuery(drillTarget({}, 'hr', 'filters', 'covered'), 0, 5).measure).toBe('filtered');
    expect(objectsQuery(drillTarget({}, 'hr', 'registration', 'uncovered'), 0, 5).measure).toBe('unregistered');
  });

  it('says which tags make a column sensitive', () => {
    expect(describeSensitive(DEFAULT_SENSITIVE_TAGS)).toBe('pii, phi, pci, or class = restricted or confidential');
    expect(describeSensitive([{ key: 'pii' }])).toBe('pii');
  });
});
