import type { ReactNode } from 'react';
import { getRecord, type RecordKind, type VersionedRecord } from '../api/edits.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';

/** The stored record, loaded when a form opens: its version is what the save must name. */
export function StoredRecord({
  kind,
  id,
  render,
}: {
  kind: Exclude<RecordKind, 'incident' | 'person' | 'involvement'>;
  id: string;
  render: (record: VersionedRecord) => ReactNode;
}) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => getRecord(kind, id), [kind, id]);
  if (error) return <ErrorMessage error={error} />;
  return data ? render(data) : <p>{t('app.loading')}</p>;
}
