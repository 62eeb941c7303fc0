import { describe, expect, it } from 'vitest';
import { workspaceHost } from './workspace-host';

describe('workspaceHost', () => {
  it('gives the lower-case host whatever form the URL was typed in', () => {
    expect(workspaceHost('https://ADB-1.2.azuredatabricks.net/?o=1')).toBe('adb-1.2.azuredatabricks.net');
    expect(workspaceHost('www.example-workspace.cloud.databricks.com')).toBe('www.example-workspace.cloud.databricks.com');
    expect(workspaceHost('  https://127.0.0.1:8443/ ')).toBe('127.0.0.1:8443');
  });

  it('keeps text that is no URL, trimmed and lower-cased, never throwing', () => {
    expect(workspaceHost(' Not A URL ')).toBe('not a url');
    expect(workspaceHost('')).toBe('');
    expect(workspaceHost('http://')).toBe('http://');
    // A scheme whose URL has no host keeps the text.
    expect(workspaceHost('Foo:///Bar')).toBe('foo:///bar');
  });

  it('adds the scheme only when the text starts without one (a URL later in the text is no scheme)', () => {
    expect(workspaceHost('ADB-1.2.azuredatabricks.net/?o=1')).toBe('adb-1.2.azuredatabricks.net');
    expect(workspaceHost('adb-1.2.azuredatabricks.net/?next=https://elsewhere.example.com')).toBe('adb-1.2.azuredatabricks.net');
  });
});
