import { Popover } from '../../ui/popover';

/** The "Why?" button and its popover beside "Memory only" (secret-storage-fact.tsx loads this module when needed). */
export function SecretStorageWhy({ note }: { readonly note: string }) {
  return (
    <Popover
      label="Why memory only"
      testId="secret-storage-note"
      trigger={
        <button type="button" className="link-button">
          Why?
        </button>
      }
    >
      <p>{note}</p>
    </Popover>
  );
}
