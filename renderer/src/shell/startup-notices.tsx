import { useAppInfo } from '../api/hooks/app';

/** Problems main found with local state at start-up (a corrupt file moved aside, say), said once, plainly. */
export function StartupNotices() {
  const notices = useAppInfo().data?.startupNotices ?? [];
  if (notices.length === 0) return null;
  return (
    <section className="banner banner--info" aria-label="At start-up" data-testid="startup-notices">
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
    </section>
  );
}
