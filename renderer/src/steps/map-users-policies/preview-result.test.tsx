import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PolicyPreview } from '../../../../shared/contract/policies';
import { PreviewResult } from './preview-result';

const base: PolicyPreview = {
  table: 'main.sales.kinds',
  principal: 'ana@x.example',
  groups: ['finance-analysts'],
  columns: ['id', 'email', 'region'],
  maskedColumns: ['region'],
  rows: [[3, null, '****']],
  installerRows: [[1, 'e0f1', 'EMEA'], [3, '9a8b', 'APAC']],
  hiddenRows: 2,
  totalRows: 3,
  policies: ['hash-a', 'by-region'],
  notes: ['ana@x.example sees email in clear, but the mask applies to you: its values show as NULL here.'],
  source: 'deployed',
};

describe('PreviewResult', () => {
  it('says who, the hidden rows and the columns masked for that principal, lists the notes, and marks masked cells only', () => {
    const html = renderToStaticMarkup(<PreviewResult result={base} />);
    expect(html).toContain('As <strong>ana@x.example</strong> (in finance-analysts): <strong>2</strong> of 3 rows hidden by the row filter; masked: region. Computed through the applied policy functions.');
    expect(html).toContain('<li>ana@x.example sees email in clear, but the mask applies to you: its values show as NULL here.</li>');
    const principal = html.slice(html.indexOf('data-testid="mp-preview-principal-rows"'), html.indexOf('data-testid="mp-preview-installer-rows"'));
    expect(principal.match(/data-masked="true"/g)).toHaveLength(1);
    expect(principal).toContain('<td class="is-masked" data-masked="true">****</td>');
    expect(principal).toContain('<td>NULL</td>');
    // Your own rows carry no mark.
    expect(html.slice(html.indexOf('data-testid="mp-preview-installer-rows"'))).not.toContain('data-masked');
  });

  it('says a plan preview is not applied yet, and lists no notes when there are none', () => {
    const html = renderToStaticMarkup(<PreviewResult result={{ ...base, source: 'plan', notes: [], maskedColumns: [], groups: [] }} />);
    expect(html).toContain('(in no group)');
    expect(html).toContain('no column masked. Computed from the plan: not applied yet.');
    expect(html).not.toContain('mp-preview-notes');
  });
});
