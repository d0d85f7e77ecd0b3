/**
 * The estimate on a number line from zero: the people documented (on at least one list) marked, the
 * 95% interval (credible or confidence) as a band and the estimate as a point, so the reader sees at once how many are
 * estimated undocumented and how uncertain that is. The numbers are also in the table beside it.
 */
import { useI18n } from '../i18n/I18nContext.tsx';

const WIDTH = 640;
const LEFT = 16;
const RIGHT = 24;
const AXIS_Y = 92;

/** About five round ticks (1, 2 or 5 × a power of ten) from zero to at least `max`. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value <= max + step / 2; value += step) ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

export function IntervalChart({
  observed,
  estimate,
  ci95,
  interval,
  describedBy,
}: {
  observed: number;
  estimate: number;
  ci95: [number, number] | null;
  /** The interval's name: credible (Bayesian) or confidence (log-linear). */
  interval: string;
  describedBy: string;
}) {
  const { t, formatNumber } = useI18n();
  const top = Math.max(observed, estimate, ci95?.[1] ?? 0) * 1.08;
  const ticks = niceTicks(top);
  const end = ticks[ticks.length - 1]!;
  const x = (value: number) => LEFT + (value / end) * (WIDTH - LEFT - RIGHT);
  const round = (value: number) => formatNumber(Math.round(value));
  return (
    <svg
      className="interval-chart"
      viewBox={`0 0 ${WIDTH} 120`}
      role="img"
      aria-describedby={describedBy}
      data-testid="interval-chart"
    >
      <title>{t('estimation.intervalTitle', { interval })}</title>
      <line className="axis" x1={LEFT} x2={WIDTH - RIGHT} y1={AXIS_Y} y2={AXIS_Y} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="axis" x1={x(tick)} x2={x(tick)} y1={AXIS_Y} y2={AXIS_Y + 5} />
          <text className="axis-label" x={x(tick)} y={AXIS_Y + 18}>
            {formatNumber(tick)}
          </text>
        </g>
      ))}
      <rect className="documented" x={x(0)} y={AXIS_Y - 14} width={x(observed) - x(0)} height={8}>
        <title>{t('estimation.documentedMark', { count: observed })}</title>
      </rect>
      <line className="observed-mark" x1={x(observed)} x2={x(observed)} y1={14} y2={AXIS_Y} />
      <text className="mark-label" x={x(observed)} y={12} textAnchor="middle">
        {t('estimation.documentedMark', { count: observed })}
      </text>
      {ci95 ? (
        <rect
          className="interval-band"
          x={x(ci95[0])}
          y={46}
          width={Math.max(2, x(ci95[1]) - x(ci95[0]))}
          height={16}
        >
          <title>
            {t('estimation.intervalRange', { interval, lower: round(ci95[0]), upper: round(ci95[1]) })}
          </title>
        </rect>
      ) : null}
      <circle className="estimate-point" cx={x(estimate)} cy={54} r={7}>
        <title>{t('estimation.estimateMark', { value: round(estimate) })}</title>
      </circle>
      <text className="mark-label" x={x(estimate)} y={36} textAnchor="middle">
        {t('estimation.estimateMark', { value: round(estimate) })}
      </text>
    </svg>
  );
}
