/**
 * An UpSet chart (Lex et al. 2014), drawn locally in SVG: one column per observed intersection,
 * largest first — a bar of how many people are on exactly those lists, and below it a matrix of
 * dots with the lists it includes filled and joined; on the left each list's size. Beside it (in the
 * screen) the same numbers as tables, for screen readers and for checking.
 */
import { useI18n } from '../i18n/I18nContext.tsx';
import type { EstimationOverlaps } from './estimationApi.ts';

/** Columns drawn; the tables beside the chart list every intersection. */
export const MAX_COLUMNS = 40;

const ROW = 26;
const COLUMN = 30;
const BAR_AREA = 150;
const SIZE_AREA = 110;
const NAME_AREA = 170;
// Room above the tallest bar for its count, and above that for the caption.
const TOP = 36;

export function UpSetChart({ overlaps, describedBy }: { overlaps: EstimationOverlaps; describedBy: string }) {
  const { t, formatNumber } = useI18n();
  const columns = overlaps.intersections.slice(0, MAX_COLUMNS);
  const lists = overlaps.lists;
  const maxCount = Math.max(1, ...columns.map((column) => column.count));
  const maxSize = Math.max(1, ...lists.map((list) => list.size));
  const matrixLeft = SIZE_AREA + NAME_AREA;
  const matrixTop = TOP + BAR_AREA + 8;
  const width = matrixLeft + Math.max(columns.length, 1) * COLUMN + 10;
  const height = matrixTop + lists.length * ROW + 24;
  const rowY = (i: number) => matrixTop + i * ROW + ROW / 2;
  const columnX = (j: number) => matrixLeft + j * COLUMN + COLUMN / 2;
  const names = (indexes: number[]) => indexes.map((i) => lists[i]!.name).join(' ∩ ');
  return (
    <svg
      className="upset"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      role="img"
      aria-describedby={describedBy}
      data-testid="upset-chart"
    >
      <title>{t('estimation.upsetTitle')}</title>
      {lists.map((list, i) =>
        i % 2 === 0 ? (
          <rect
            key={`band-${list.name}`}
            className="upset-band"
            x={SIZE_AREA}
            y={matrixTop + i * ROW}
            width={width - SIZE_AREA}
            height={ROW}
          />
        ) : null,
      )}
      {columns.map((column, j) => {
        const h = (column.count / maxCount) * BAR_AREA;
        const members = column.lists;
        const first = Math.min(...members);
        const last = Math.max(...members);
        return (
          <g key={column.pattern} data-testid="upset-column" data-lists={members.join(',')}>
            <rect
              className="upset-bar"
              x={columnX(j) - COLUMN * 0.35}
              y={TOP + BAR_AREA - h}
              width={COLUMN * 0.7}
              height={h}
            >
              <title>{`${names(members)}: ${formatNumber(column.count)}`}</title>
            </rect>
            <text className="upset-count" x={columnX(j)} y={TOP + BAR_AREA - h - 4}>
              {formatNumber(column.count)}
            </text>
            {lists.map((list, i) => (
              <circle
                key={list.name}
                className={members.includes(i) ? 'upset-dot on' : 'upset-dot'}
                cx={columnX(j)}
                cy={rowY(i)}
                r={7}
              />
            ))}
            {members.length > 1 ? (
              <line className="upset-link" x1={columnX(j)} x2={columnX(j)} y1={rowY(first)} y2={rowY(last)} />
            ) : null}
          </g>
        );
      })}
      {lists.map((list, i) => {
        const w = (list.size / maxSize) * (SIZE_AREA - 44);
        return (
          <g key={list.name}>
            <rect className="upset-size" x={SIZE_AREA - 8 - w} y={rowY(i) - 8} width={w} height={16}>
              <title>{`${list.name}: ${formatNumber(list.size)}`}</title>
            </rect>
            <text className="upset-size-count" x={SIZE_AREA - 12 - w} y={rowY(i) + 4}>
              {formatNumber(list.size)}
            </text>
            <text className="upset-name" x={matrixLeft - 8} y={rowY(i) + 4}>
              {list.name.length > 24 ? `${list.name.slice(0, 23)}…` : list.name}
            </text>
          </g>
        );
      })}
      <text className="axis-caption" x={SIZE_AREA - 8} y={height - 6} textAnchor="end">
        {t('estimation.listSize')}
      </text>
      <text className="axis-caption" x={matrixLeft} y={12}>
        {t('estimation.exactlyOn')}
      </text>
    </svg>
  );
}
