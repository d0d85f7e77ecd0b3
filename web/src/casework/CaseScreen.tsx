/**
 * One case, opened for a member: its workflow, risk and caseworker, tasks, consent, notes,
 * attachments and referrals. Each section posts one change and reloads the case from the server,
 * which audits the read.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  addConsent,
  addNote,
  addTask,
  attachmentUrl,
  type CaseDetail,
  changeCaseStatus,
  completeTask,
  getCase,
  RISK_LEVELS,
  type RiskLevel,
  SHAREABLE_FIELDS,
  type ShareableField,
  updateCase,
  uploadAttachment,
  withdrawConsent,
} from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { CaseReferrals } from './CaseReferrals.tsx';

const isShareable = (field: string): field is ShareableField =>
  (SHAREABLE_FIELDS as readonly string[]).includes(field);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="case-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function CaseScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(() => getCase(id), [id]);
  usePageTitle(data ? t('case.title', { code: data.code }) : undefined);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('app.loading')}</p>;
  return (
    <article aria-labelledby="case-title">
      <h1 id="case-title">{t('case.title', { code: data.code })}</h1>
      <dl className="facts">
        <dt>{t('case.type')}</dt>
        <dd>{t(`caseType.${data.type}`)}</dd>
        <dt>{t('case.persons')}</dt>
        <dd>
          {data.persons.map((code, index) => (
            <span key={code}>
              {index > 0 ? ', ' : ''}
              <Link to={`/persons/${code}`}>{code}</Link>
            </span>
          ))}
        </dd>
        <dt>{t('case.assigned')}</dt>
        <dd>{data.assignedTo ?? t('case.unassigned')}</dd>
      </dl>
      <Workflow detail={data} onChanged={reload} />
      <RiskAndAssignment detail={data} onChanged={reload} />
      <Tasks detail={data} onChanged={reload} />
      <Consents detail={data} onChanged={reload} />
      <Notes detail={data} onChanged={reload} />
      <Attachments detail={data} onChanged={reload} />
      <CaseReferrals detail={data} />
    </article>
  );
}

interface Part {
  detail: CaseDetail;
  onChanged: () => void;
}

function Workflow({ detail, onChanged }: Part) {
  const { t, formatDateTime } = useI18n();
  const [note, setNote] = useState('');
  const action = useAction();
  const move = async (status: CaseDetail['status']) => {
    if (
      await action.run(async () => void (await changeCaseStatus(detail.id, status, note.trim() || undefined)))
    ) {
      setNote('');
      onChanged();
    }
  };
  return (
    <Section id="case-status" title={t('case.status')}>
      <p data-testid="case-status">
        <strong>{t(`caseStatus.${detail.status}`)}</strong>
      </p>
      <FormField label={t('case.transitionNote')}>
        {({ id }) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <div className="button-row">
        {detail.allowedTransitions.map((status) => (
          <button key={status} type="button" disabled={action.busy} onClick={() => void move(status)}>
            {t('case.moveTo', { status: t(`caseStatus.${status}`) })}
          </button>
        ))}
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <h3>{t('case.history')}</h3>
      <ol className="history">
        {detail.transitions.map((entry) => (
          <li key={`${entry.at}-${entry.to}`}>
            {t('case.historyEntry', {
              from: entry.from ? t(`caseStatus.${entry.from}`) : '—',
              to: t(`caseStatus.${entry.to}`),
              by: entry.by,
              at: formatDateTime(entry.at),
            })}
            {entry.note ? <span className="text-body"> — {entry.note}</span> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function RiskAndAssignment({ detail, onChanged }: Part) {
  const { t } = useI18n();
  const [risk, setRisk] = useState<RiskLevel>(detail.risk);
  const [assignTo, setAssignTo] = useState('');
  const action = useAction();
  const save = async (change: { risk?: RiskLevel; assignTo?: string }) => {
    if (await action.run(async () => void (await updateCase(detail.id, change)))) onChanged();
  };
  return (
    <Section id="case-risk" title={t('case.risk')}>
      <div className="inline-form">
        <FormField label={t('case.risk')}>
          {({ id }) => (
            <select id={id} value={risk} onChange={(e) => setRisk(e.target.value as RiskLevel)}>
              {RISK_LEVELS.map((code) => (
                <option key={code} value={code}>
                  {t(`risk.${code}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="button" disabled={risk === detail.risk} onClick={() => void save({ risk })}>
          {t('case.saveRisk')}
        </button>
        <FormField label={t('cases.assignTo')}>
          {({ id }) => (
            <input id={id} type="email" value={assignTo} onChange={(e) => setAssignTo(e.target.value)} />
          )}
        </FormField>
        <button
          type="button"
          disabled={!assignTo.trim()}
          onClick={() => void save({ assignTo: assignTo.trim() })}
        >
          {t('case.assign')}
        </button>
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </Section>
  );
}

function Tasks({ detail, onChanged }: Part) {
  const { t, formatDate } = useI18n();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(async () => void (await addTask(detail.id, title.trim(), due || null)))) {
      setTitle('');
      setDue('');
      onChanged();
    }
  };
  const done = async (taskId: string) => {
    if (await action.run(() => completeTask(detail.id, taskId))) onChanged();
  };
  return (
    <Section id="case-tasks" title={t('case.tasks')}>
      {detail.tasks.length === 0 ? <p>{t('case.noTasks')}</p> : null}
      <ul className="task-list" data-testid="case-tasks">
        {detail.tasks.map((task) => (
          <li key={task.id} className={task.overdue ? 'overdue' : undefined}>
            <span className="text-body">{task.title}</span>
            {task.dueOn ? ` · ${t('case.due')} ${formatDate(task.dueOn)}` : null}
            {task.overdue ? <strong className="overdue"> · {t('case.overdue')}</strong> : null}
            {task.done ? (
              ` · ${t('case.done')}`
            ) : (
              <button type="button" className="small" onClick={() => void done(task.id)}>
                {t('case.markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void submit(e)} autoComplete="off">
        <FormField label={t('case.taskTitle')}>
          {({ id }) => (
            <input
              id={id}
              name="task-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
            />
          )}
        </FormField>
        <FormField label={t('case.due')}>
          {({ id }) => (
            <input id={id} name="task-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          )}
        </FormField>
        <button type="submit" disabled={action.busy}>
          {t('case.addTask')}
        </button>
      </form>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </Section>
  );
}

function Consents({ detail, onChanged }: Part) {
  const { t, formatDate, formatDateTime } = useI18n();
  const [person, setPerson] = useState(detail.persons[0] ?? '');
  const [fields, setFields] = useState<ShareableField[]>([]);
  const [recipient, setRecipient] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(
        async () => void (await addConsent(detail.id, { person, fields, recipient: recipient.trim() })),
      )
    ) {
      setFields([]);
      setRecipient('');
      onChanged();
    }
  };
  const withdraw = async (consentId: string) => {
    if (await action.run(() => withdrawConsent(detail.id, consentId))) onChanged();
  };
  return (
    <Section id="case-consents" title={t('case.consents')}>
      <ul data-testid="case-consents">
        {detail.consents.map((consent) => (
          <li key={consent.id}>
            {t('case.consentEntry', {
              person: consent.person,
              date: formatDate(consent.givenOn),
              // Stored consents keep field names as text: one this interface does not know is shown as it is.
              fields: consent.fields
                .map((field) => (isShareable(field) ? t(`personField.${field}`) : field))
                .join(', '),
              recipient: consent.recipient,
            })}
            {consent.withdrawnAt ? (
              ` (${t('case.withdrawn', { date: formatDateTime(consent.withdrawnAt) })})`
            ) : (
              <button type="button" className="small" onClick={() => void withdraw(consent.id)}>
                {t('case.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void submit(e)} autoComplete="off">
        <FormField label={t('case.consentPerson')}>
          {({ id }) => (
            <select id={id} value={person} onChange={(e) => setPerson(e.target.value)}>
              {detail.persons.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset>
          <legend>{t('case.consentFields')}</legend>
          {SHAREABLE_FIELDS.map((field) => (
            <label key={field} className="check">
              <input
                type="checkbox"
                name={`consent-${field}`}
                checked={fields.includes(field)}
                onChange={(e) =>
                  setFields((current) =>
                    e.target.checked ? [...current, field] : current.filter((f) => f !== field),
                  )
                }
              />{' '}
              {t(`personField.${field}`)}
            </label>
          ))}
        </fieldset>
        <FormField label={t('case.recipient')}>
          {({ id }) => (
            <input id={id} value={recipient} onChange={(e) => setRecipient(e.target.value)} required />
          )}
        </FormField>
        <button type="submit" disabled={action.busy || fields.length === 0}>
          {t('case.addConsent')}
        </button>
      </form>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </Section>
  );
}

function Notes({ detail, onChanged }: Part) {
  const { t, formatDateTime } = useI18n();
  const [text, setText] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(async () => void (await addNote(detail.id, text)))) {
      setText('');
      onChanged();
    }
  };
  return (
    <Section id="case-notes" title={t('case.notes')}>
      {detail.notes.length === 0 ? <p>{t('case.noEntries')}</p> : null}
      <ol className="timeline-notes">
        {detail.notes.map((note) => (
          <li key={note.id}>
            <p className="hint">
              {formatDateTime(note.at)} · {note.by}
            </p>
            <p className="text-body">{note.text}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void submit(e)}>
        <FormField label={t('case.addNote')}>
          {({ id }) => (
            <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
          )}
        </FormField>
        <button type="submit" disabled={action.busy}>
          {t('case.addNote')}
        </button>
      </form>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </Section>
  );
}

function Attachments({ detail, onChanged }: Part) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file && (await action.run(async () => void (await uploadAttachment(detail.id, file))))) {
      setFile(null);
      onChanged();
    }
  };
  return (
    <Section id="case-attachments" title={t('case.attachments')}>
      <ul>
        {detail.attachments.map((attachment) => (
          <li key={attachment.id}>
            <a href={attachmentUrl(detail.id, attachment.id)} download>
              {attachment.name}
            </a>{' '}
            ({formatNumber(attachment.byteSize)} B, {attachment.by})
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <FormField label={t('case.attach')}>
          {({ id }) => <input id={id} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </FormField>
        <button type="submit" disabled={!file || action.busy}>
          {t('case.upload')}
        </button>
      </form>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </Section>
  );
}
