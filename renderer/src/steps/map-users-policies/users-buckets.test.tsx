import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UsersBuckets } from './users-buckets';
import { formatFor } from './users-file-format';

const counts = { matched: 5, unmatched: 1, ambiguous: 2, orphan: 14, inactive: 0 };

describe('UsersBuckets', () => {
  it('says each count in words (a button per bucket, the pressed one is the filter) and draws only non-empty parts', () => {
    const html = renderToStaticMarkup(<UsersBuckets counts={counts} total={22} selected="ambiguous" onSelect={() => undefined} />);
    expect(html).toMatch(/data-testid="us-bucket-all"[^>]*>.*All <strong>22<\/strong>/u);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="us-bucket-ambiguous" data-count="2"/u);
    expect(html).toMatch(/aria-pressed="false"[^>]*data-testid="us-bucket-all"/u);
    expect(html).toContain('Orphans <strong>14</strong>');
    expect(html).toContain('Inactive <strong>0</strong>');
    expect(html.match(/us-buckets__part/gu)).toHaveLength(4);
    expect(html).toMatch(/<div class="us-buckets__bar" aria-hidden="true">/u);
  });
});

describe('formatFor', () => {
  it('takes the format from the file name, else leaves it to main', () => {
    expect(formatFor('People.JSON')).toBe('json');
    expect(formatFor('users.csv')).toBe('csv');
    expect(formatFor('users.txt')).toBe('auto');
  });
});
