import { describe, expect, it } from 'vitest';
import { paginate } from './pagination';

const q = (s: string) => new URLSearchParams(s);
const items = Array.from({ length: 10 }, (_, i) => i);

describe('Unity Catalog pagination rules', () => {
  it('returns everything without max_results, the server size for 0, and refuses negatives', () => {
    expect(paginate(items, q(''), { serverPageSize: 4, unpaginatedByDefault: true }, 'x')).toEqual({ items, nextPageToken: undefined });
    expect(paginate(items, q('max_results=0'), { serverPageSize: 4 }, 'x').items).toEqual([0, 1, 2, 3]);
    expect(() => paginate(items, q('max_results=-1'), { serverPageSize: 4 }, 'x')).toThrow(/non-negative/);
    expect(() => paginate(items, q('max_results=abc'), { serverPageSize: 4 }, 'x')).toThrow(/non-negative/);
  });

  it('walks pages by token, omitting the token on the last page, and refuses tokens from another listing', () => {
    const first = paginate(items, q('max_results=4'), { serverPageSize: 100 }, 'x');
    const second = paginate(items, q(`max_results=4&page_token=${first.nextPageToken}`), { serverPageSize: 100 }, 'x');
    const third = paginate(items, q(`max_results=4&page_token=${second.nextPageToken}`), { serverPageSize: 100 }, 'x');
    expect([first.items, second.items, third.items, third.nextPageToken]).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9], undefined]);
    expect(() => paginate(items, q(`page_token=${first.nextPageToken}`), { serverPageSize: 4 }, 'other')).toThrow(/page_token/);
  });

  it('cuts pages before filtering, so a page can be empty and still carry a token', () => {
    const page = paginate(items, q('max_results=3'), { serverPageSize: 100 }, 'x', (i) => i > 5);
    expect(page.items).toEqual([]);
    expect(page.nextPageToken).toEqual(expect.any(String));
  });

  it('applies the permissions floor: 1..149 refused, 150 accepted, larger capped', () => {
    const rules = { serverPageSize: 1000, minPageSize: 150, maxPageSize: 1000 };
    const many = Array.from({ length: 2000 }, (_, i) => i);
    expect(() => paginate(many, q('max_results=149'), rules, 'p')).toThrow(/at least 150/);
    expect(paginate(many, q('max_results=150'), rules, 'p').items).toHaveLength(150);
    expect(paginate(many, q('max_results=5000'), rules, 'p').items).toHaveLength(1000);
  });

  it('under the paging fault, pages small and puts an empty page with a token before each page', () => {
    // https://docs.databricks.com/api/workspace/schemas/list: "a page may contain zero results while still providing a
    // next_page_token. Clients must continue reading pages until next_page_token is absent".
    const rules = { serverPageSize: 100, unpaginatedByDefault: true, fault: { pageSize: 4, emptyPages: true } };
    const seen: number[][] = [];
    let token: string | undefined;
    let requests = 0;
    do {
      const page = paginate(items, q(token ? `page_token=${token}` : ''), rules, 'x');
      seen.push([...page.items]);
      token = page.nextPageToken;
      requests++;
    } while (token !== undefined);
    expect(seen).toEqual([[], [0, 1, 2, 3], [], [4, 5, 6, 7], [], [8, 9]]);
    expect(requests).toBe(6);
    expect(paginate(items, q('max_results=2'), { serverPageSize: 100, fault: { pageSize: 4, emptyPages: false } }, 'x').items).toEqual([0, 1]);
  });
});
