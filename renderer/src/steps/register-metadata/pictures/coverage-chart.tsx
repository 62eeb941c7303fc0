import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { MEASURES, type ChartRow, type MeasureId } from './coverage-data';

export interface CoverageChartProps {
  readonly rows: readonly ChartRow[];
  /** "Catalogs" or "Schemas of main": names the chart. */
  readonly label: string;
  readonly onDrill: (name: string, measure: MeasureId, part: 'covered' | 'uncovered') => void;
}

const BAR = 11;
const ROW_HEIGHT = MEASURES.length * (BAR + 3) + 18;
const shorten = (name: string, max = 18): string => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/** Each segment is drawn here so it carries what it stands for (a click drills to its objects; tests find it). */
function segment(measure: MeasureId, part: 'covered' | 'uncovered', onDrill: CoverageChartProps['onDrill']) {
  return (props: BarShapeProps) => {
    const row = props.payload as ChartRow;
    if (!(props.width > 0)) return <g />;
    return (
      <rect
        x={props.x}
        y={props.y}
        width={props.width}
        height={props.height}
        className={`pc-bar__rect pc-bar__rect--${part === 'covered' ? measure : 'gap'}`}
        data-testid="coverage-bar"
        data-name={row.name}
        data-measure={measure}
        data-part={part}
        onClick={() => onDrill(row.name, measure, part)}
      />
    );
  };
}

function CoverageTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="pc-tooltip">
      <strong>{row.name}</strong>
      <ul>
        {MEASURES.map((m) => {
          const base = row.covered[m.id].count + row.uncovered[m.id].count;
          return (
            <li key={m.id}>
              {m.title}: {row.covered[m.id].count} of {base} {m.unit}
              {base > 0 ? ` (${row.covered[m.id].percent} %)` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The coverage chart (Recharts): per catalog or schema, four stacked bars — registered of all tables; of registered
 * tables, those with a grant and those with a row filter; sensitive columns under a mask — each split into covered
 * (its colour) and not covered (grey), as shares so tables and columns share one axis. The data table beside it
 * (coverage-table.tsx) is the keyboard and screen-reader way to the same numbers and drill-downs, so the drawing
 * itself is one image to assistive technology.
 */
export function CoverageChart({ rows, label, onDrill }: CoverageChartProps) {
  const height = rows.length * ROW_HEIGHT + 36;
  return (
    <figure className="pc-chart" data-testid="coverage-chart">
      <div role="img" aria-label={`${label}: coverage chart; the same numbers are in the Table tab`} className="pc-chart__canvas" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows as ChartRow[]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barSize={BAR} barGap={3} barCategoryGap={9} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit=" %" className="pc-chart__axis" />
            <YAxis type="category" dataKey="name" width={132} className="pc-chart__axis" tickFormatter={(n: string) => shorten(n)} />
            <Tooltip content={CoverageTooltip} cursor={{ className: 'pc-chart__cursor' }} isAnimationActive={false} />
            {MEASURES.flatMap((m) => [
              <Bar key={`${m.id}-c`} dataKey={(r: ChartRow) => r.covered[m.id].percent} stackId={m.id} name={m.title} shape={segment(m.id, 'covered', onDrill)} isAnimationActive={false} />,
              <Bar key={`${m.id}-u`} dataKey={(r: ChartRow) => r.uncovered[m.id].percent} stackId={m.id} name={`${m.title}: not`} shape={segment(m.id, 'uncovered', onDrill)} isAnimationActive={false} />,
            ])}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul className="pc-legend" aria-label="Legend">
          {MEASURES.map((m) => (
            <li key={m.id}>
              <span className={`pc-swatch pc-swatch--${m.id}`} aria-hidden="true" /> {m.title} ({m.unit})
            </li>
          ))}
          <li>
            <span className="pc-swatch pc-swatch--gap" aria-hidden="true" /> Not covered
          </li>
        </ul>
        <p className="pc-chart__hint">Click a segment to list the objects behind it, or use the Table tab.</p>
      </figcaption>
    </figure>
  );
}
