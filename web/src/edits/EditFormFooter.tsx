import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';

interface Props {
  reason: string;
  onReason: (reason: string) => void;
  error: Error | null;
  canSave: boolean;
  onCancel: () => void;
  saveLabel?: string;
}

/** The end of every edit form: why (kept in the history), what went wrong, save or cancel. */
export function EditFormFooter({ reason, onReason, error, canSave, onCancel, saveLabel }: Props) {
  const { t } = useI18n();
  return (
    <>
      <FormField label={t('edit.reason')}>
        {({ id }) => <input id={id} value={reason} onChange={(e) => onReason(e.target.value)} />}
      </FormField>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={!canSave}>
          {saveLabel ?? t('edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </>
  );
}
