import { describe, expect, it } from 'vitest';
import { callbackPage } from './callback-page';

describe('callbackPage', () => {
  it('is a complete page with the title as heading and each line as a paragraph', () => {
    const page = callbackPage('Signed in', ['You can close this tab.', 'ucbridge has your sign-in.']);
    expect(page.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<title>Signed in</title><style>body{font:16px system-ui');
    expect(page).toContain('h1{font-size:1.4rem}</style></head>');
    expect(page).toContain('<body><main><h1>Signed in</h1><p>You can close this tab.</p><p>ucbridge has your sign-in.</p></main></body></html>');
  });

  it('escapes everything it shows, and only what needs it', () => {
    const page = callbackPage('<script>"x"</script>', [`Tom & Jerry's <img src=x onerror=alert(1)>`, 'plain text 1/2']);
    expect(page).toContain('<title>&lt;script&gt;&quot;x&quot;&lt;/script&gt;</title>');
    expect(page).toContain('<p>Tom &amp; Jerry&#39;s &lt;img src=x onerror=alert(1)&gt;</p><p>plain text 1/2</p>');
    expect(page).not.toContain('<script>');
  });
});
