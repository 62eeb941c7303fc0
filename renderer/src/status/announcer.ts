import { createStore } from '../lib/store';

export interface Announcement {
  readonly id: number;
  readonly message: string;
}

export const announcements = createStore<Announcement>({ id: 0, message: '' });

/** Says something once to screen-reader users (and shows it in the status line) without moving focus. */
export function announce(message: string): void {
  announcements.set((current) => ({ id: current.id + 1, message }));
}
