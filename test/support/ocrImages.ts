/**
 * Scans made in the test: known text in each working language, rendered by Debian's Chromium
 * into a PNG (a clean "scan") or into a PDF holding only that picture (a scanned document with no
 * text layer). The texts were written for these tests; nothing is downloaded.
 */
import type { Browser } from 'playwright-core';

export const OCR_TEXTS = {
  pt: 'No dia 12 de maio de 2017, a polícia deteve quinze manifestantes na praça central da cidade. As famílias não receberam informação sobre o paradeiro dos detidos durante três dias.',
  en: 'On 12 May 2017 the police detained fifteen protesters in the central square of the city. Their families received no information about where they were held for three days.',
  es: 'El 12 de mayo de 2017 la policía detuvo a quince manifestantes en la plaza central de la ciudad. Las familias no recibieron información sobre el paradero de los detenidos durante tres días.',
  ru: 'Двенадцатого мая 2017 года полиция задержала пятнадцать участников акции на центральной площади города. Родственники три дня не получали никаких сведений о том, где находятся задержанные.',
  fr: 'Le 12 mai 2017, la police a arrêté quinze manifestants sur la place centrale de la ville. Les familles n’ont reçu aucune information sur le lieu de détention pendant trois jours.',
} as const;

export type OcrTextLanguage = keyof typeof OCR_TEXTS;

const pageHtml = (text: string) =>
  `<!doctype html><meta charset="utf-8"><body style="margin:40px;background:#fff;color:#000;` +
  `font:28px/1.5 'DejaVu Serif',serif;width:1000px">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</body>`;

/** A PNG of `text` in black on white, as a flatbed scan at about 300 dpi would show a printed page. */
export async function renderTextPng(browser: Browser, text: string): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 400 } });
  try {
    await page.setContent(pageHtml(text));
    return new Uint8Array(await page.screenshot({ fullPage: true, type: 'png' }));
  } finally {
    await page.close();
  }
}

/** A PDF with `pages` copies of the picture `png` and no text layer: what a scanner produces. */
export async function renderScannedPdf(browser: Browser, png: Uint8Array, pages = 1): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    const src = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const img = `<div style="page-break-after:always"><img src="${src}" style="width:180mm"></div>`;
    await page.setContent(`<!doctype html><body style="margin:0">${img.repeat(pages)}</body>`);
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await page.close();
  }
}

/** Character error rate: edit distance between the texts (whitespace runs as one space) over the reference length. */
export function characterErrorRate(reference: string, recognised: string): number {
  const a = [...reference.replace(/\s+/g, ' ').trim()];
  const b = [...recognised.replace(/\s+/g, ' ').trim()];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]! / a.length;
}
