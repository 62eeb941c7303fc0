import { useSyncExternalStore } from 'react';

/**
 * The policy document being edited, shared by the step's parts (the editor writes it, preview reads it) and kept
 * while the user moves between steps. Main validates it; here it is only text.
 */
let text = '';
let format: 'json' | 'yaml' | 'auto' = 'auto';
const listeners = new Set<() => void>();

export function setPolicyText(next: string, nextFormat: 'json' | 'yaml' | 'auto' = 'auto'): void {
  text = next;
  format = nextFormat;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function usePolicyText(): { readonly text: string; readonly format: 'json' | 'yaml' | 'auto' } {
  // The same getter as the server snapshot, so the parts also render to static markup (their unit tests).
  const t = useSyncExternalStore(subscribe, () => text, () => text);
  const f = useSyncExternalStore(subscribe, () => format, () => format);
  return { text: t, format: f };
}
