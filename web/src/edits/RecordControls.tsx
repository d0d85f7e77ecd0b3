import { type ReactNode, useState } from 'react';
import type { RecordKind } from '../api/edits.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';

interface Props {
  kind: RecordKind;
  id: string;
  /** The edit form; `done(true)` after a save opens the history, which then shows the new version. */
  edit: (done: (saved: boolean) => void) => ReactNode;
  /** One more toggle (deleting an act). */
  extra?: { label: string; render: () => ReactNode };
}

/** Edit, History (and an extra action) under one record on the incident page. */
export function RecordControls({ kind, id, edit, extra }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'none' | 'edit' | 'history' | 'extra'>('none');
  const [refresh, setRefresh] = useState(0);
  const toggle = (which: 'edit' | 'history' | 'extra') => setOpen(open === which ? 'none' : which);
  const done = (saved: boolean) => {
    setOpen(saved ? 'history' : 'none');
    if (saved) setRefresh((n) => n + 1);
  };
  return (
    <div className="act-controls">
      <div className="button-row">
        <button type="button" aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>
          {t('edit.edit')}
        </button>
        <button type="button" aria-expanded={open === 'history'} onClick={() => toggle('history')}>
          {t('edit.history')}
        </button>
        {extra ? (
          <button type="button" aria-expanded={open === 'extra'} onClick={() => toggle('extra')}>
            {extra.label}
          </button>
        ) : null}
      </div>
      {open === 'edit' ? edit(done) : null}
      {open === 'history' ? <HistoryPanel kind={kind} id={id} refresh={refresh} /> : null}
      {open === 'extra' && extra ? extra.render() : null}
    </div>
  );
}
