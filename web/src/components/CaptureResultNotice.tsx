import type { CaptureResult } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';

export function CaptureResultNotice({ result }: { result: CaptureResult }) {
  const { t } = useI18n();
  const title = result.title ?? result.sha256.slice(0, 12);
  return (
    <p className="notice" role="status">
      {result.sealed
        ? t('sealed.saved', { code: result.sealed.compartment })
        : result.duplicate
          ? t('capture.duplicate', { title })
          : t('capture.saved', { title })}{' '}
      <Link to={`/review/${result.id}`}>{t('capture.review')}</Link>
    </p>
  );
}
