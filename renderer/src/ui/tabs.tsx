import * as T from 'radix-ui/tabs';
import type { ReactNode } from 'react';
import './tabs.css';

export interface TabItem<V extends string> {
  readonly value: V;
  readonly label: ReactNode;
  readonly content: ReactNode;
  readonly testId?: string;
}

export interface TabsProps<V extends string> {
  readonly label: string;
  readonly items: readonly TabItem<V>[];
  readonly value: V;
  readonly onValueChange: (value: V) => void;
}

/**
 * Radix Tabs (WAI-ARIA tabs: arrow keys move between tabs, Tab moves into the panel). Only the selected panel is
 * mounted.
 *
 *   <Tabs label="How to set up" value={mode} onValueChange={setMode} items={[
 *     { value: 'automatic', label: 'Run it here', content: <ApplyPanel … /> },
 *     { value: 'manual', label: 'Export a script', content: <ExportScripts … /> },
 *   ]} />
 *
 * Use tabs for alternative views of one thing; for a sequence use SubStepNav (sub-step-nav.tsx).
 */
export function Tabs<V extends string>({ label, items, value, onValueChange }: TabsProps<V>) {
  return (
    <T.Root className="ui-tabs" value={value} onValueChange={(v) => onValueChange(v as V)}>
      <T.List className="ui-tabs__list" aria-label={label}>
        {items.map((item) => (
          <T.Trigger key={item.value} value={item.value} className="ui-tabs__tab" data-testid={item.testId}>
            {item.label}
          </T.Trigger>
        ))}
      </T.List>
      {items.map((item) => (
        <T.Content key={item.value} value={item.value} className="ui-tabs__panel">
          {item.content}
        </T.Content>
      ))}
    </T.Root>
  );
}
