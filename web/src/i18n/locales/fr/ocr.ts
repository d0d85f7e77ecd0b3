import type { Translation } from '../../catalogue.ts';
import type en from '../en/ocr.ts';

export default {
  'ocr.captureLanguage': 'Langue d’un document numérisé (OCR)',
  'ocr.captureLanguageHint':
    'Pour les images et les PDF numérisés. En automatique, une première lecture choisit la langue.',
  'ocr.auto': 'Automatique',
  'ocr.marked': 'Ce texte a été lu par OCR sur le document numérisé : vérifiez-le avec la page.',
  'ocr.facts': 'OCR',
  'ocr.language': 'Lu en',
  'ocr.languageUser': '{language} (indiquée à la capture)',
  'ocr.languageDetected': '{language} (choisie par une première lecture)',
  'ocr.confidence': 'Confiance moyenne',
  'ocr.confidenceValue': '{value} %',
  'ocr.pages': 'Pages lues',
  'ocr.pagesValue': '{read} sur {total}',
  'ocr.pageImage': 'Page {page} du document numérisé',
  'ocr.previousPage': 'Page précédente',
  'ocr.nextPage': 'Page suivante',
  'ocr.warnings': 'Remarques sur cette source',
  'media.facts': 'Enregistrement',
  'media.duration': 'Durée',
  'media.container': 'Conteneur',
  'media.streams': 'Flux',
  'media.video': 'vidéo {codec}, {width} × {height}',
  'media.audio': 'audio {codec}, {sampleRate} Hz, {channels} canal(aux)',
  'media.other': '{kind} {codec}',
} satisfies Translation<typeof en>;
