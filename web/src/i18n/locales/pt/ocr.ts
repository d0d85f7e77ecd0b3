import type { Translation } from '../../catalogue.ts';
import type en from '../en/ocr.ts';

export default {
  'ocr.captureLanguage': 'Idioma de uma digitalização (OCR)',
  'ocr.captureLanguageHint':
    'Para imagens e PDFs digitalizados. Em automático, uma primeira leitura escolhe o idioma.',
  'ocr.auto': 'Automático',
  'ocr.marked': 'Este texto foi lido por OCR a partir da digitalização: confira-o com a página.',
  'ocr.facts': 'OCR',
  'ocr.language': 'Lido em',
  'ocr.languageUser': '{language} (indicado na captura)',
  'ocr.languageDetected': '{language} (escolhido por uma primeira leitura)',
  'ocr.confidence': 'Confiança média',
  'ocr.confidenceValue': '{value} %',
  'ocr.pages': 'Páginas lidas',
  'ocr.pagesValue': '{read} de {total}',
  'ocr.pageImage': 'Página {page} da digitalização',
  'ocr.previousPage': 'Página anterior',
  'ocr.nextPage': 'Página seguinte',
  'ocr.warnings': 'Notas sobre esta fonte',
  'media.facts': 'Gravação',
  'media.duration': 'Duração',
  'media.container': 'Contentor',
  'media.streams': 'Fluxos',
  'media.video': 'vídeo {codec}, {width} × {height}',
  'media.audio': 'áudio {codec}, {sampleRate} Hz, {channels} canal(is)',
  'media.other': '{kind} {codec}',
} satisfies Translation<typeof en>;
