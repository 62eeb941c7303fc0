import * as T from 'radix-ui/tooltip';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import './truncated-text.css';

export interface TruncatedTextProps {
  readonly text: string;
  /** Lines shown before the cut (1: one line with an ellipsis). */
  readonly lines?: number;
  readonly className?: string;
  readonly testId?: string;
}

/**
 * Long names (catalogs, principals, URLs) never cut without a way to read them: the text is clamped to `lines`,
 * and only when it actually overflows it becomes focusable and shows the full text in a tooltip on hover and focus.
 * Screen readers always get the whole text (clamping is visual only).
 *
 *   <TruncatedText text={workspace.url} />            one line, ellipsis
 *   <TruncatedText text={principal.displayName} lines={2} />
 *
 * Where wrapping is fine (a sentence, a table cell with room to grow), prefer the `wrap-anywhere` class instead.
 * The parent must let it shrink (a flex or grid child needs min-width: 0).
 */
export function TruncatedText({ text, lines = 1, className, testId }: TruncatedTextProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  const [open, setOpen] = useState(false);
  // Measured when the browser lays the page out anyway: a ResizeObserver reports each element once it has a size
  // (and again when it changes), after layout and before paint. Measuring in a layout effect forced a layout of
  // the whole page during React's first commit, once per name in the header.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setCut(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, lines]);
  const style = lines > 1 ? ({ WebkitLineClamp: lines } as CSSProperties) : undefined;
  return (
    <T.Root open={open && cut} onOpenChange={setOpen}>
      <T.Trigger asChild>
        <span
          ref={ref}
          className={`ui-truncate ${lines > 1 ? 'ui-truncate--lines' : 'ui-truncate--line'}${className ? ` ${className}` : ''}`}
          style={style}
          tabIndex={cut ? 0 : undefined}
          data-truncated={cut || undefined}
          data-testid={testId}
        >
          {text}
        </span>
      </T.Trigger>
      <T.Portal>
        <T.Content className="ui-tooltip" sideOffset={6} collisionPadding={8}>
          {text}
        </T.Content>
      </T.Portal>
    </T.Root>
  );
}
