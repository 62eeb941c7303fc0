import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { leastPrivilegeRows } from '../../../../shared/integration/least-privilege';
import { config } from '../../../../shared/integration/planner.test-support';
import { LeastPrivilegeTable, privilegeSummary } from './least-privilege-table';

describe('LeastPrivilegeTable', () => {
  const c = config({ governedCatalogs: ['hr', 'finance'], audit: { enabled: true } });

  it('starts collapsed: the summary counts the rows for each side, and no table is rendered', () => {
    const html = renderToStaticMarkup(<LeastPrivilegeTable config={c} />);
    const rows = leastPrivilegeRows(c);
    const mine = rows.filter((r) => r.who === 'installer').length;
    expect(html).toContain(`${rows.length} privileges: ${mine} for you (installer), ${rows.length - mine} for the service principal`);
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('<table');
  });

  it('says one privilege, not "1 privileges"', () => {
    expect(privilegeSummary([{ who: 'installer', privilege: 'CREATE CATALOG', on: 'metastore', why: 'w', target: 'main' }])).toMatch(/^1 privilege: 1 for you/);
  });
});
