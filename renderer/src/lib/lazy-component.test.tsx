import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { Lazy, lazyComponent, type LazyComponent } from './lazy-component';

const Hello = ({ name }: { readonly name: string }) => <p>hello {name}</p>;

function Host({ lazy, wanted }: { readonly lazy: LazyComponent<{ name: string }>; readonly wanted: boolean }) {
  return (
    <div>
      <Lazy component={lazy} wanted={wanted} props={{ name: 'ada' }} onError={() => undefined} />
    </div>
  );
}

describe('lazyComponent', () => {
  it('imports its module once, however often it is asked for, and keeps the component', async () => {
    const importer = vi.fn(async () => Hello);
    const lazy = lazyComponent(importer);
    expect(lazy.loaded()).toBeUndefined();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    await lazy.load();
    expect(importer).toHaveBeenCalledTimes(1);
    expect(a).toBe(Hello);
    expect(b).toBe(Hello);
    expect(lazy.loaded()).toBe(Hello);
  });

  it('tries again after a failed import (a chunk that could not be fetched)', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(Hello);
    const lazy = lazyComponent(importer);
    await expect(lazy.load()).rejects.toThrow('offline');
    expect(lazy.loaded()).toBeUndefined();
    await expect(lazy.load()).resolves.toBe(Hello);
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('renders nothing of the component before its module has loaded, and the component at once when it has', async () => {
    const lazy = lazyComponent(async () => Hello);
    expect(renderToStaticMarkup(<Host lazy={lazy} wanted />)).toBe('<div></div>');
    await lazy.load();
    expect(renderToStaticMarkup(<Host lazy={lazy} wanted={false} />)).toBe('<div><p>hello ada</p></div>');
  });
});
