import { useId, useMemo } from 'react';
import { BOX_HEIGHT, diagramLayout, fitLabel, type DiagramInput } from './setup-diagram-layout';

/** A small picture of what will be created and granted, drawn from the form as it is typed. */
export function SetupDiagram(input: DiagramInput) {
  const titleId = useId();
  const descId = useId();
  const { catalog, servicePrincipal, audit } = input;
  const governedKey = input.governedCatalogs.join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- governedKey stands for the array's contents
  const layout = useMemo(() => diagramLayout(input), [catalog, servicePrincipal, audit, governedKey]);
  return (
    <figure className="ci-diagram" data-testid="ci-diagram">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} className="ci-diagram__picture" role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>What the set-up creates and grants</title>
        <desc id={descId}>{layout.description}</desc>
        {layout.links.map((l, i) => (
          <path key={i} className="ci-diagram__link" d={`M${l.x} ${l.fromY} V${l.toY} H${l.toX}`} />
        ))}
        {layout.boxes.map((b, i) => (
          <g key={i} className={`ci-diagram__box ci-diagram__box--${b.kind}`}>
            {/* A cut name is shown in full on hover (the figure's description has every name for screen readers). */}
            {fitLabel(b) === b.label ? null : <title>{b.label}</title>}
            <rect x={b.x} y={b.y} width={b.width} height={BOX_HEIGHT} rx={5} />
            <text x={b.x + 8} y={b.y + 18.5} className="ci-diagram__label">
              {fitLabel(b)}
            </text>
            <text x={b.x + b.width - 8} y={b.y + 18.5} textAnchor="end" className="ci-diagram__note">
              {b.note}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
