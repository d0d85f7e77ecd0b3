/**
 * Downloads made in the browser from what the page shows, with nothing sent anywhere: a chart's
 * table as CSV (the project's one CSV writer, formulas escaped for spreadsheets) and the chart
 * itself as PNG (the SVG drawn on a canvas).
 */
import { formatCsv } from '../../../src/core/csvFormat.ts';

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A UTF-8 CSV with a byte-order mark, so spreadsheets read Cyrillic and accents right. */
export function downloadCsv(rows: string[][], fileName: string): void {
  save(
    new Blob(['\uFEFF', formatCsv(rows, { spreadsheet: true })], { type: 'text/csv;charset=utf-8' }),
    fileName,
  );
}

/** The chart at twice its drawn size, on white. */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const box = svg.viewBox.baseVal;
  const scale = 2;
  const text = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be drawn');
  save(blob, fileName);
}
