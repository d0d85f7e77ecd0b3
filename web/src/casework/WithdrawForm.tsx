/**
 * Withdrawing an involvement entered by mistake: a reason is required (the history must say why a
 * link stopped counting), and the answer says what the act still counts, since its own figure may
 * have been raised for this very link.
 */
import { type FormEvent, useState } from 'react';
import { type Involvement, type InvolvementCorrection, withdrawInvolvement } from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';

export function WithdrawForm({
  row,
  onWithdrawn,
}: {
  row: Involvement;
  onWithdrawn: (result: InvolvementCorrection) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => onWithdrawn(await withdrawInvolvement(row.id, row.version, reason.trim())));
  };
  return (
    <form className="edit-form" aria-label={t('involvement.withdraw')} onSubmit={(e) => void submit(e)}>
      <p className="hint">{t('involvement.withdrawExplain')}</p>
      <FormField label={t('involvement.withdrawReason')}>
        {({ id }) => <input id={id} required value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <button type="submit" disabled={action.busy || reason.trim() === ''}>
        {t('involvement.withdraw')}
      </button>
    </form>
  );
}
