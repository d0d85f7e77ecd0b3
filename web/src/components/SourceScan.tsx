import { type ReactNode, useState } from 'react';
import { getSourceScan, pageImageUrl, type SourceScan } from '../api/scans.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { useLanguageName } from './CountryName.tsx';

/** How the source's text was read (OCR) or its recording described, once loaded. */
export function useSourceScan(sourceId: string): SourceScan | null {
  const { data } = useLoad(() => getSourceScan(sourceId), [sourceId]);
  return data ?? null;
}

/** OCR and recording facts, and the notes decoding left (such as "no text: OCR not installed"). */
export function ScanFacts({ scan, warnings }: { scan: SourceScan | null; warnings: string[] }) {
  const { t, formatNumber } = useI18n();
  const languageName = useLanguageName();
  const ocr = scan?.ocr;
  const media = scan?.media;
  return (
    <>
      {ocr ? (
        <section aria-labelledby="ocr-facts" className="panel">
          <h2 id="ocr-facts">{t('ocr.facts')}</h2>
          <dl className="facts details">
            <dt>{t('ocr.language')}</dt>
            <dd>
              {ocr.language
                ? t(ocr.languageFrom === 'user' ? 'ocr.languageUser' : 'ocr.languageDetected', {
                    language: languageName(ocr.language),
                  })
                : t('field.unknown')}
            </dd>
            <dt>{t('ocr.confidence')}</dt>
            <dd data-testid="ocr-confidence">
              {ocr.confidence === null
                ? t('field.unknown')
                : t('ocr.confidenceValue', { value: formatNumber(Math.round(ocr.confidence)) })}
            </dd>
            <dt>{t('ocr.pages')}</dt>
            <dd>
              {t('ocr.pagesValue', { read: formatNumber(ocr.pagesRead), total: formatNumber(ocr.pages) })}
            </dd>
          </dl>
        </section>
      ) : null}
      {media ? (
        <section aria-labelledby="media-facts" className="panel">
          <h2 id="media-facts">{t('media.facts')}</h2>
          <dl className="facts details">
            {media.durationSeconds !== null ? (
              <>
                <dt>{t('media.duration')}</dt>
                <dd data-testid="media-duration">{duration(media.durationSeconds)}</dd>
              </>
            ) : null}
            {media.container ? (
              <>
                <dt>{t('media.container')}</dt>
                <dd>{media.container}</dd>
              </>
            ) : null}
            <dt>{t('media.streams')}</dt>
            <dd>
              <ul className="plain">
                {media.streams.map((stream, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: streams are listed in the file's order and never reordered.
                  <li key={index}>
                    {stream.kind === 'video' && stream.width && stream.height
                      ? t('media.video', {
                          codec: stream.codec ?? '?',
                          width: stream.width,
                          height: stream.height,
                        })
                      : stream.kind === 'audio' && stream.sampleRate && stream.channels
                        ? t('media.audio', {
                            codec: stream.codec ?? '?',
                            sampleRate: formatNumber(stream.sampleRate),
                            channels: stream.channels,
                          })
                        : t('media.other', { kind: stream.kind, codec: stream.codec ?? '?' })}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
      ) : null}
      {warnings.length ? (
        <section aria-labelledby="source-notes" className="panel">
          <h2 id="source-notes">{t('ocr.warnings')}</h2>
          <ul className="plain">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** h:mm:ss or m:ss: durations are read as clock times in every locale. */
function duration(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = `${whole % 60}`.padStart(2, '0');
  return h > 0 ? `${h}:${`${m}`.padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The text beside the page it was read from, for a source whose text came from OCR: a reviewer
 * checks the reading against the scan. Other sources show their text alone.
 */
export function ScanBeside({
  sourceId,
  scan,
  children,
}: {
  sourceId: string;
  scan: SourceScan | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  if (!scan?.ocr || scan.pageImages === 0) return <>{children}</>;
  const pages = scan.pageImages;
  return (
    <>
      <p className="notice" role="note">
        {t('ocr.marked')}
      </p>
      <div className="scan-beside">
        <figure className="scan-page">
          <img src={pageImageUrl(sourceId, page)} alt={t('ocr.pageImage', { page })} />
          <figcaption>
            {pages > 1 ? (
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('ocr.previousPage')}
              </button>
            ) : null}{' '}
            {t('ocr.pageImage', { page })}{' '}
            {pages > 1 ? (
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('ocr.nextPage')}
              </button>
            ) : null}
          </figcaption>
        </figure>
        <div>{children}</div>
      </div>
    </>
  );
}
