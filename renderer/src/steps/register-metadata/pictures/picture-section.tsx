import { useId, type ReactNode, type Ref } from 'react';
import './pictures.css';

export interface PictureSectionProps {
  readonly title: string;
  readonly lead: ReactNode;
  readonly testId: string;
  readonly headingRef?: Ref<HTMLHeadingElement>;
  readonly children: ReactNode;
}

/** One headed picture (Lineage, Policy coverage): a landmark a screen reader can jump to by its heading. */
export function PictureSection({ title, lead, testId, headingRef, children }: PictureSectionProps) {
  const headingId = useId();
  return (
    <section className="pc-section" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId} className="pc-section__title" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      <p className="pc-section__lead">{lead}</p>
      {children}
    </section>
  );
}
