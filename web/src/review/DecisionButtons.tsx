import type { Decision } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** Accept / edit / reject as toggle buttons: pressed state is announced, and the label names the item. */
export function DecisionButtons({
  value,
  onChange,
  itemLabel,
}: {
  value: Decision | null;
  onChange: (decision: Decision) => void;
  itemLabel: string;
}) {
  const { t } = useI18n();
  const options: Array<[Decision, string]> = [
    ['accept', t('review.accept')],
    ['edit', t('review.edit')],
    ['reject', t('review.reject')],
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset.
    <div className="decision-buttons" role="group" aria-label={itemLabel}>
      {options.map(([decision, label]) => (
        <button
          key={decision}
          type="button"
          className={`decision decision-${decision}`}
          aria-pressed={value === decision}
          onClick={() => onChange(decision)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
