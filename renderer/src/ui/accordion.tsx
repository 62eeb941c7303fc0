import * as A from 'radix-ui/accordion';
import { ChevronRight } from 'lucide-react';
import type { ReactNode } from 'react';
import './disclosure.css';

// Its own module, not disclosure.tsx's: Radix Accordion brings Radix Collection, and every start renders a
// Disclosure (step 1), so beside it the accordion's code was in the first render's script without being used there.

export interface AccordionItem {
  readonly value: string;
  readonly title: ReactNode;
  readonly content: ReactNode;
}

/**
 * Several disclosures of which any number may be open (Radix Accordion, type "multiple"; headings are h4, and
 * arrow keys move between the triggers).
 *
 *   <Accordion items={[{ value: 'guide', title: 'How do I get a client id?', content: <Guide /> }, …]} />
 */
export function Accordion({ items, defaultOpen = [] }: { readonly items: readonly AccordionItem[]; readonly defaultOpen?: readonly string[] }) {
  return (
    <A.Root type="multiple" className="ui-accordion" defaultValue={[...defaultOpen]}>
      {items.map((item) => (
        <A.Item key={item.value} value={item.value} className="ui-accordion__item">
          <A.Header asChild>
            <h4 className="ui-accordion__header">
              <A.Trigger className="ui-disclosure__trigger">
                <ChevronRight size={16} className="ui-disclosure__chevron" />
                <span>{item.title}</span>
              </A.Trigger>
            </h4>
          </A.Header>
          <A.Content className="ui-disclosure__content">{item.content}</A.Content>
        </A.Item>
      ))}
    </A.Root>
  );
}
