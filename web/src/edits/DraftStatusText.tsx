import { useI18n } from '../i18n/I18nContext.tsx';
import type { DraftStatus } from './useDraft.ts';

/** Says, politely to screen readers, whether the work so far is safe on the server. */
export function DraftStatusText({ status }: { status: DraftStatus }) {
  const { t } = useI18n();
  if (status === 'loading') return null;
  return (
    <p className={`draft-status draft-${status}`} role="status" data-testid="draft-status">
      {t(`draft.${status}`)}
    </p>
  );
}
