import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone = 'success' | 'danger' | 'warning' | 'neutral' | 'accent';

export interface BadgeProps {
  readonly tone: BadgeTone;
  readonly icon?: LucideIcon;
  readonly children: ReactNode;
  /** Extra attributes tests and styles key on (data-status, data-action…). */
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

/**
 * A status as an icon and a word, never colour alone (the icon is decorative; the word is read).
 *
 *   <Badge tone="success" icon={Check}>Passed</Badge>
 *   <Badge tone="danger" icon={Trash2} data={{ 'data-action': 'drop' }}>Drop</Badge>
 */
export function Badge({ tone, icon: Icon, children, data }: BadgeProps) {
  return (
    <span className={`ui-badge ui-badge--${tone}`} {...data}>
      {Icon ? <Icon size={13} strokeWidth={2.5} className="ui-badge__icon" /> : null}
      {children}
    </span>
  );
}
