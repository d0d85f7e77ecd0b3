/**
 * The waterfall of one pair (drawn here, no chart library): from the prior log-odds of a match,
 * each compared field's weight moves the running score up (evidence for) or down (against); the
 * last bar is the final score with its probability. The same figures follow as a table, for screen
 * readers and for anyone who wants the numbers.
 */
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { LinkagePair } from './linkageApi.ts';

export function useLinkageWords() {
  const { t, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale === 'pt' ? 'pt-BR' : locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat(locale === 'pt' ? 'pt-BR' : locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
    signDisplay: 'exceptZero',
  });
  const known = (key: string): key is MessageKey => key in LABEL_KEYS;
  return {
    percent: (p: number) => percent.format(p),
    signed: (w: number) => signed.format(w),
    fieldName: (name: string) => {
      const key = `linkage.fieldName.${name}`;
      return known(key) ? t(key) : name;
    },
    level: (level: string | null) => {
      if (level === null) return t('linkage.missing');
      const key = `linkage.level.${level}`;
      return known(key) ? t(key) : level;
    },
  };
}

// The message keys this file composes, listed once so a missing one fails the type check.
const LABEL_KEYS: Partial<Record<MessageKey, true>> = {
  'linkage.fieldName.given': true,
  'linkage.fieldName.surname': true,
  'linkage.fieldName.name': true,
  'linkage.fieldName.middleName': true,
  'linkage.fieldName.birthDate': true,
  'linkage.fieldName.sex': true,
  'linkage.level.exact': true,
  'linkage.level.phonetic': true,
  'linkage.level.similar': true,
  'linkage.level.weak': true,
  'linkage.level.different': true,
  'linkage.level.near': true,
  'linkage.level.year': true,
  'linkage.level.same': true,
  'linkage.level.typo': true,
};

const ROW = 28;
const LABEL_WIDTH = 230;
const PLOT_WIDTH = 360;
const VALUE_WIDTH = 80;

export function Waterfall({ explanation }: { explanation: LinkagePair['explanation'] }) {
  const { t } = useI18n();
  const words = useLinkageWords();
  const start = explanation.priorLogOdds;
  const end = start + explanation.weight;
  type Bar = {
    key: string;
    label: string;
    from: number;
    to: number;
    kind: 'prior' | 'for' | 'against' | 'none' | 'final';
    value: string;
  };
  const bars: Bar[] = [
    {
      key: 'prior',
      label: t('linkage.prior'),
      from: 0,
      to: start,
      kind: 'prior',
      value: words.signed(start),
    },
  ];
  let running = start;
  for (const c of explanation.contributions) {
    bars.push({
      key: `field-${c.field}`,
      label: `${words.fieldName(c.field)}: ${words.level(c.level)}`,
      from: running,
      to: running + c.weight,
      kind: c.weight > 0 ? 'for' : c.weight < 0 ? 'against' : 'none',
      value: words.signed(c.weight),
    });
    running += c.weight;
  }
  bars.push({
    key: 'final',
    label: `${t('linkage.final')}: ${words.percent(explanation.probability)}`,
    from: 0,
    to: end,
    kind: 'final',
    value: words.signed(end),
  });
  const values = bars.flatMap((bar) => [bar.from, bar.to]);
  const lo = Math.min(0, ...values) - 0.5;
  const hi = Math.max(0, ...values) + 0.5;
  const x = (v: number) => LABEL_WIDTH + ((v - lo) / (hi - lo)) * PLOT_WIDTH;
  const height = bars.length * ROW + 10;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  return (
    <figure className="waterfall" data-testid="waterfall">
      <figcaption>
        <strong>{t('linkage.waterfall')}</strong> — {t('linkage.waterfallDesc')}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${t('linkage.waterfall')}: ${bars.map((bar) => `${bar.label} ${bar.value}`).join('; ')}`}
      >
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} className="waterfall-zero" />
        {bars.map((bar, i) => {
          const y = i * ROW + 5;
          const left = Math.min(x(bar.from), x(bar.to));
          const w = Math.max(2, Math.abs(x(bar.to) - x(bar.from)));
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end" className="waterfall-label">
                {bar.label}
              </text>
              <rect
                x={left}
                y={y + 4}
                width={w}
                height={ROW - 8}
                className={`waterfall-bar waterfall-${bar.kind}`}
              />
              {i > 0 && i < bars.length - 1 ? (
                <line x1={x(bar.from)} x2={x(bar.from)} y1={y - 4} y2={y + 4} className="waterfall-step" />
              ) : null}
              <text x={LABEL_WIDTH + PLOT_WIDTH + 6} y={y + ROW / 2 + 4} className="waterfall-value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="data-table waterfall-table">
        <thead>
          <tr>
            <th scope="col">{t('linkage.field')}</th>
            <th scope="col">{t('linkage.agreement')}</th>
            <th scope="col">{t('linkage.weight')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('linkage.prior')}</th>
            <td />
            <td>{words.signed(start)}</td>
          </tr>
          {explanation.contributions.map((c) => (
            <tr key={c.field}>
              <th scope="row">{words.fieldName(c.field)}</th>
              <td>{words.level(c.level)}</td>
              <td>{words.signed(c.weight)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('linkage.final')}</th>
            <td>{words.percent(explanation.probability)}</td>
            <td>{words.signed(end)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
