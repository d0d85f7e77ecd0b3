import { forwardRef, type ReactNode } from 'react';

export interface ChartBar {
  key: string;
  label: string;
  /** null: suppressed (drawn as an empty outline, labelled as such). */
  value: number | null;
  /** The figure as the table shows it (a range, "suppressed"). */
  display: string;
}

// Colours as attributes, not CSS classes: the PNG download draws the SVG on its own, without the
// page's style sheet, and must look the same.
const INK = '#1b1f24';
const MUTED = '#4a5561';
const BAR = '#0b5cad';
const GRID = '#c9d1d9';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Liberation Sans, sans-serif';

/**
 * A bar chart drawn as inline SVG, nothing fetched: horizontal bars for categories, vertical
 * columns for months (`columns`). `role="img"` with a <title> and <desc>; the table beside it
 * carries the figures for screen readers and for copying.
 */
export const BarChart = forwardRef<
  SVGSVGElement,
  { title: string; description: string; bars: ChartBar[]; columns?: boolean; suppressedLabel: string }
>(function BarChart({ title, description, bars, columns = false, suppressedLabel }, ref) {
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  if (columns) {
    const width = 640;
    const height = 260;
    const top = 24;
    const bottom = 44;
    const slot = (width - 16) / Math.max(bars.length, 6);
    const labelEvery = Math.ceil(bars.length / 12);
    return (
      <ChartFrame ref={ref} {...{ title, description, width, height }}>
        <line x1={8} x2={width - 8} y1={height - bottom} y2={height - bottom} stroke={GRID} />
        {bars.map((bar, index) => {
          const h = ((bar.value ?? 0) / max) * (height - top - bottom);
          const x = 8 + index * slot + slot * 0.15;
          return (
            <g key={bar.key}>
              {bar.value === null ? (
                <rect
                  x={x}
                  y={top}
                  width={slot * 0.7}
                  height={height - top - bottom}
                  fill="none"
                  stroke={MUTED}
                  strokeDasharray="3 3"
                />
              ) : (
                <rect x={x} y={height - bottom - h} width={slot * 0.7} height={h} fill={BAR} />
              )}
              <title>{`${bar.label}: ${bar.value === null ? suppressedLabel : bar.display}`}</title>
              {index % labelEvery === 0 ? (
                <text
                  x={x + slot * 0.35}
                  y={height - bottom + 16}
                  fontSize={11}
                  fill={MUTED}
                  textAnchor="middle"
                >
                  {bar.label}
                </text>
              ) : null}
              {bars.length <= 24 && bar.value !== null ? (
                <text
                  x={x + slot * 0.35}
                  y={height - bottom - h - 4}
                  fontSize={11}
                  fill={INK}
                  textAnchor="middle"
                >
                  {bar.display.split(' ')[0]}
                </text>
              ) : null}
            </g>
          );
        })}
      </ChartFrame>
    );
  }
  const rowHeight = 26;
  const labelWidth = 190;
  const width = 640;
  const height = bars.length * rowHeight + 16;
  const room = width - labelWidth - 90;
  return (
    <ChartFrame ref={ref} {...{ title, description, width, height }}>
      {bars.map((bar, index) => {
        const y = 8 + index * rowHeight;
        const w = ((bar.value ?? 0) / max) * room;
        const label = bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label;
        return (
          <g key={bar.key}>
            <text x={labelWidth - 8} y={y + 17} fontSize={13} fill={INK} textAnchor="end">
              {label}
            </text>
            {bar.value === null ? (
              <rect
                x={labelWidth}
                y={y + 3}
                width={room}
                height={rowHeight - 8}
                fill="none"
                stroke={MUTED}
                strokeDasharray="3 3"
              />
            ) : (
              <rect x={labelWidth} y={y + 3} width={Math.max(w, 1)} height={rowHeight - 8} fill={BAR} />
            )}
            <text
              x={bar.value === null ? labelWidth + 6 : labelWidth + w + 6}
              y={y + 17}
              fontSize={12}
              fill={bar.value === null ? MUTED : INK}
            >
              {bar.value === null ? suppressedLabel : bar.display}
            </text>
            <title>{`${bar.label}: ${bar.value === null ? suppressedLabel : bar.display}`}</title>
          </g>
        );
      })}
    </ChartFrame>
  );
});

/**
 * The chart's <svg>: accessible name and description, and a white ground so the PNG download (drawn
 * without the page) looks like the page.
 */
const ChartFrame = forwardRef<
  SVGSVGElement,
  { title: string; description: string; width: number; height: number; children: ReactNode }
>(function ChartFrame({ title, description, width, height, children }, ref) {
  const titleId = `chart-${title.replace(/\W+/g, '-')}`;
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId}-t ${titleId}-d`}
      className="stat-chart"
      fontFamily={FONT}
    >
      <title id={`${titleId}-t`}>{title}</title>
      <desc id={`${titleId}-d`}>{description}</desc>
      <rect width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );
});
