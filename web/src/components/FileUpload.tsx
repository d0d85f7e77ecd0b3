import { type DragEvent, useId, useState } from 'react';
import { uploadFile } from '../api/client.ts';
import { OCR_LANGUAGES } from '../api/scans.ts';
import type { CaptureResult } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { CaptureResultNotice } from './CaptureResultNotice.tsx';
import { useLanguageName } from './CountryName.tsx';
import { useErrorText } from './ErrorMessage.tsx';
import { FormField } from './FormField.tsx';
import { NOT_SEALED, SealChoice, type Sealing, sealingFields } from './SealChoice.tsx';

interface Upload {
  key: string;
  name: string;
  progress: number;
  result: CaptureResult | null;
  error: unknown;
}

/** Files chosen or dropped are sent one after another, so a slow link is not split many ways. */
export function FileUpload() {
  const { t } = useI18n();
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  // The same facts a paste takes; left empty, an HTML page's own title and date are used.
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [sealing, setSealing] = useState<Sealing>(NOT_SEALED);
  const [ocrLanguage, setOcrLanguage] = useState('');
  const languageName = useLanguageName();

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const send = async (files: File[]) => {
    const batch = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setUploads((list) => [
      ...batch.map(({ file, key }) => ({ key, name: file.name, progress: 0, result: null, error: null })),
      ...list,
    ]);
    for (const { file, key } of batch) {
      try {
        const result = await uploadFile(
          file,
          { title, url, published, ocrLanguage, ...sealingFields(sealing) },
          (progress) => update(key, { progress }),
        );
        update(key, { result, progress: 1 });
      } catch (reason) {
        update(key, { error: reason ?? new Error('failed') });
      }
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void send([...event.dataTransfer.files]);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the keyboard path.
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>{t('capture.drop')}</p>
      <FormField label={t('capture.fileTitle')}>
        {({ id }) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <FormField label={t('capture.fileUrl')}>
        {({ id }) => (
          <input id={id} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} />
        )}
      </FormField>
      <FormField label={t('capture.filePublished')} hint={t('capture.filePublishedHint')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="date"
            aria-describedby={describedBy}
            value={published}
            onChange={(e) => setPublished(e.target.value)}
          />
        )}
      </FormField>
      <SealChoice value={sealing} onChange={setSealing} />
      <FormField label={t('ocr.captureLanguage')} hint={t('ocr.captureLanguageHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={ocrLanguage}
            onChange={(e) => setOcrLanguage(e.target.value)}
          >
            <option value="">{t('ocr.auto')}</option>
            {OCR_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label htmlFor={inputId}>{t('capture.files')}</label>
      <input
        id={inputId}
        type="file"
        multiple
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) void send(files);
        }}
      />
      <ul className="uploads">
        {uploads.map((u) => (
          <li key={u.key}>
            {u.result ? (
              <CaptureResultNotice result={u.result} />
            ) : u.error ? (
              <UploadFailure name={u.name} error={u.error} />
            ) : (
              <>
                <span>{t('capture.uploading', { name: u.name })}</span>
                <progress max={1} value={u.progress} aria-label={t('capture.progress')} />
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function UploadFailure({ name, error }: { name: string; error: unknown }) {
  const { t } = useI18n();
  const { text, detail } = useErrorText()(error);
  return (
    <p className="error" role="alert">
      {t('capture.failed', { name, message: text })}
      {detail && (
        <>
          {' '}
          <span className="error-detail" lang="en">
            {detail}
          </span>
        </>
      )}
    </p>
  );
}
