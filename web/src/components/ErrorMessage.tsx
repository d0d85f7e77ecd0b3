import { ApiError } from '../api/client.ts';
import { useFieldLabel } from '../edits/fieldLabel.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { ENGLISH } from '../i18n/catalogues.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

export interface ErrorText {
  /** One sentence in the interface language, chosen by the server's error code. */
  text: string;
  /** The server's own explanation (English), shown apart so no sentence mixes two languages. */
  detail: string | null;
}

const isMessageKey = (key: string): key is MessageKey => key in ENGLISH;

/** Turns an error into words of the current locale: server errors by their code, with the field named. */
export function useErrorText(): (error: unknown) => ErrorText {
  const { t } = useI18n();
  const fieldLabel = useFieldLabel();
  return (error) => {
    if (!(error instanceof ApiError))
      return {
        text: t('app.error', { message: error instanceof Error ? error.message : String(error) }),
        detail: null,
      };
    const key = `error.${error.code}`;
    const text =
      error.code === 'invalid_input' && error.field
        ? t('error.invalid_input.field', { field: fieldLabel(error.field) })
        : isMessageKey(key)
          ? t(key)
          : t('error.unknown', { status: String(error.status) });
    const detail = error.code === 'network' || error.message === error.code ? null : error.message;
    return { text, detail };
  };
}

export function ErrorMessage({ error }: { error: Error }) {
  const { t, locale } = useI18n();
  const { text, detail } = useErrorText()(error);
  return (
    <div className="error" role="alert">
      <p>{text}</p>
      {detail && (
        <p className="error-detail">
          {locale === 'en' ? null : <>{t('error.detail')} </>}
          <span lang="en">{detail}</span>
        </p>
      )}
    </div>
  );
}
