import { useI18n } from '../i18n/I18nContext.tsx';

export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <p className="error" role="alert">
      {t('app.error', { message: error.message })}
    </p>
  );
}
