import { useI18n } from '../i18n/I18nContext.tsx';
import { useVocabularyLabel } from '../vocabulary.tsx';

/** "5", "at least 100", "up to 20", "3–7", or "not stated": a count is a range, never a guess. */
export function VictimCountText({
  min,
  max,
  group,
}: {
  min: number | null;
  max: number | null;
  group?: string | null;
}) {
  const { t, formatNumber } = useI18n();
  const label = useVocabularyLabel();
  // A group code reads in the interface's language; a group a reviewer wrote is shown as written.
  const groupText = group ? label('victimGroups', group) : null;
  let count: string;
  if (min !== null && max !== null) count = min === max ? formatNumber(min) : t('count.range', { min, max });
  else if (min !== null) count = t('count.atLeast', { min });
  else if (max !== null) count = t('count.atMost', { max });
  else if (groupText) return <>{groupText}</>;
  else count = t('field.unknown');
  return (
    <>
      {count}
      {groupText ? ` ${groupText}` : ''}
    </>
  );
}
