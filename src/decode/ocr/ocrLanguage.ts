/**
 * The languages OCR reads: the organisation's five working languages. Attest names languages by
 * ISO 639-1 code (as language detection and search do); Tesseract's packs are named by ISO 639-2.
 */
export const OCR_LANGUAGES = ['pt', 'en', 'es', 'ru', 'fr'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

const TESSERACT_PACKS: Readonly<Record<OcrLanguage, string>> = {
  pt: 'por',
  en: 'eng',
  es: 'spa',
  ru: 'rus',
  fr: 'fra',
};

export function tesseractPack(language: OcrLanguage): string {
  return TESSERACT_PACKS[language];
}

export function isOcrLanguage(code: string): code is OcrLanguage {
  return (OCR_LANGUAGES as readonly string[]).includes(code);
}

/**
 * A language someone gave (`--ocr-language`, the capture form): ISO 639-1 or Tesseract's 639-2
 * name, any case; null when it is not one of the five.
 */
export function parseOcrLanguage(value: string): OcrLanguage | null {
  const code = value.trim().toLowerCase();
  if (isOcrLanguage(code)) return code;
  const byPack = OCR_LANGUAGES.find((language) => TESSERACT_PACKS[language] === code);
  return byPack ?? null;
}
