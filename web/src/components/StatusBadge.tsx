import type { IncidentStatus } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}
