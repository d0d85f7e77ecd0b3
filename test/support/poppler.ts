/**
 * Reading a PDF back as its reader would, with Debian's poppler-utils (.ci/run installs them): its
 * text with pdftotext, one string per page, and its pages as PNG images with pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of every page (pdftotext separates pages with a form feed). */
export function pdfPages(pdfPath: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

/** The whole text with every run of white space as one space, so a wrapped line reads as written. */
export function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

/** Renders every page to `<dir>/<prefix>-N.png` at `dpi`; returns the files in page order. */
export function pdfToPngs(pdfPath: string, dir: string, prefix: string, dpi = 60): string[] {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdfPath, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((file) => file.startsWith(`${prefix}-`) && file.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((file) => join(dir, file));
}

export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
