import type { Translation } from '../../catalogue.ts';
import type en from '../en/ocr.ts';

export default {
  'ocr.captureLanguage': 'Idioma de un escaneo (OCR)',
  'ocr.captureLanguageHint':
    'Para imágenes y PDF escaneados. En automático, una primera lectura elige el idioma.',
  'ocr.auto': 'Automático',
  'ocr.marked': 'Este texto se leyó por OCR a partir del escaneo: compárelo con la página.',
  'ocr.facts': 'OCR',
  'ocr.language': 'Leído en',
  'ocr.languageUser': '{language} (indicado en la captura)',
  'ocr.languageDetected': '{language} (elegido por una primera lectura)',
  'ocr.confidence': 'Confianza media',
  'ocr.confidenceValue': '{value} %',
  'ocr.pages': 'Páginas leídas',
  'ocr.pagesValue': '{read} de {total}',
  'ocr.pageImage': 'Página {page} del escaneo',
  'ocr.previousPage': 'Página anterior',
  'ocr.nextPage': 'Página siguiente',
  'ocr.warnings': 'Notas sobre esta fuente',
  'media.facts': 'Grabación',
  'media.duration': 'Duración',
  'media.container': 'Contenedor',
  'media.streams': 'Flujos',
  'media.video': 'vídeo {codec}, {width} × {height}',
  'media.audio': 'audio {codec}, {sampleRate} Hz, {channels} canal(es)',
  'media.other': '{kind} {codec}',
} satisfies Translation<typeof en>;
