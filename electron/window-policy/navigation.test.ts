import { describe, expect, it } from 'vitest';
import { decideNavigation, windowOpenDecision } from './navigation';

const APP = 'app://ucbridge/index.html';

describe('decideNavigation', () => {
  it.each([APP, `${APP}#/step/2`, `${APP}?x=1`])('allows the app itself: %s', (url) => {
    expect(decideNavigation(url, APP)).toBe('allow');
  });

  it.each([
    'https://evil.example/',
    'https://docs.databricks.com/',
    'app://ucbridge/other.html',
    'app://other/index.html',
    'app://user:pw@ucbridge/index.html',
    'file:///etc/passwd',
    'http://127.0.0.1:8020/callback',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
  ])('denies %s', (url) => {
    expect(decideNavigation(url, APP)).toBe('deny');
  });

  it('follows the dev server URL when that is the app', () => {
    expect(decideNavigation('http://localhost:5173/', 'http://localhost:5173/')).toBe('allow');
    expect(decideNavigation('http://localhost:5174/', 'http://localhost:5173/')).toBe('deny');
  });
});

describe('windowOpenDecision', () => {
  it('always denies', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});
