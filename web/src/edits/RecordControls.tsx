import { type ReactNode, useState } from 'react';
import type { RecordKind } from '../api/edits.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';

interface Props {
  kind: RecordKind;
  id: string;
  /** The edit form; `done(true)` after a save opens the history, which then shows the new version. */
  edit: (done: (saved: boolean) => void) => ReactNode;
  /** More toggles (moving or deleting an act). */
  extras?: Array<{ key: string; label: string; render: () => ReactNode }>;
}

/** Edit, History (and an extra action) under one record on the incident page. */
export function RecordControls({ kind, id, edit, extras = [] }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState('none');
  const [refresh, setRefresh] = useState(0);
  const toggle = (which: string) => setOpen(open === which ? 'none' : which);
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
        {extras.map((extra) => (
          <button
            key={extra.key}
            type="button"
            aria-expanded={open === extra.key}
            onClick={() => toggle(extra.key)}
          >
            {extra.label}
          </button>
        ))}
      </div>
      {open === 'edit' ? edit(done) : null}
      {open === 'history' ? <HistoryPanel kind={kind} id={id} refresh={refresh} /> : null}
      {extras.find((extra) => extra.key === open)?.render() ?? null}
    </div>
  );
}
