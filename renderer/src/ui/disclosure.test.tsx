import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Disclosure } from './disclosure';

const html = (props: Partial<Parameters<typeof Disclosure>[0]>) =>
  renderToStaticMarkup(
    <Disclosure summary="Recent log" testId="log" {...props}>
      <p>the lines</p>
    </Disclosure>,
  );

describe('Disclosure', () => {
  it('renders only its trigger while closed: no content element for the browser to style and measure', () => {
    const closed = html({});
    expect(closed).toMatch(/<button[^>]*aria-expanded="false"[^>]*>/u);
    expect(closed).toContain('Recent log');
    expect(closed).not.toContain('ui-disclosure__content');
    expect(closed).not.toContain('the lines');
    expect(html({ open: false, defaultOpen: true })).not.toContain('ui-disclosure__content');
  });

  it('renders the content, named by the trigger’s aria-controls, when open or opened by default', () => {
    for (const open of [html({ defaultOpen: true }), html({ open: true })]) {
      const controls = /aria-controls="([^"]+)"/u.exec(open)?.[1];
      expect(open).toMatch(/<button[^>]*aria-expanded="true"[^>]*>/u);
      expect(controls).toBeDefined();
      expect(open).toMatch(new RegExp(`<div[^>]*id="${controls}"[^>]*class="ui-disclosure__content"[^>]*><p>the lines</p></div>|<div[^>]*class="ui-disclosure__content"[^>]*id="${controls}"[^>]*><p>the lines</p></div>`, 'u'));
    }
  });
});
