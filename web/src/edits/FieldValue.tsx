import { useI18n } from '../i18n/I18nContext.tsx';

/** A stored field value as a person reads it: names of perpetrators, lists joined, empty as "not stated". */
export function FieldValue({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined || value === '')
    return <span className="meta">{t('field.unknown')}</span>;
  if (Array.isArray(value))
    return (
      <>
        {value
          .map((item) =>
            item && typeof item === 'object' && 'name' in item ? String(item.name) : String(item),
          )
          .join(', ')}
      </>
    );
  return <>{String(value)}</>;
}
