import { describe, expect, it } from 'vitest';
import { dataUrlOf } from './download-file';

describe('dataUrlOf', () => {
  it('keeps every character of the file, newlines, quotes and non-ASCII included', () => {
    const content = "-- ucbridge setup\nCREATE CATALOG IF NOT EXISTS `a#b%c` COMMENT 'Åsa\\'s';\n";
    const url = dataUrlOf({ name: 'setup.sql', mediaType: 'application/sql', content });
    expect(url.startsWith('data:application/sql;charset=utf-8,')).toBe(true);
    expect(url).not.toMatch(/[\s#%](?![0-9A-F]{2})/);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(content);
  });
});
