import type { Translation } from '../../catalogue.ts';
import type en from '../en/ocr.ts';

export default {
  'ocr.captureLanguage': 'Язык скана (OCR)',
  'ocr.captureLanguageHint':
    'Для изображений и отсканированных PDF. В автоматическом режиме язык выбирается по первому прочтению.',
  'ocr.auto': 'Автоматически',
  'ocr.marked': 'Этот текст распознан (OCR) со скана: сверьте его со страницей.',
  'ocr.facts': 'OCR',
  'ocr.language': 'Язык распознавания',
  'ocr.languageUser': '{language} (указан при сохранении)',
  'ocr.languageDetected': '{language} (выбран по первому прочтению)',
  'ocr.confidence': 'Средняя уверенность',
  'ocr.confidenceValue': '{value} %',
  'ocr.pages': 'Прочитано страниц',
  'ocr.pagesValue': '{read} из {total}',
  'ocr.pageImage': 'Страница {page} скана',
  'ocr.previousPage': 'Предыдущая страница',
  'ocr.nextPage': 'Следующая страница',
  'ocr.warnings': 'Замечания об источнике',
  'media.facts': 'Запись',
  'media.duration': 'Длительность',
  'media.container': 'Контейнер',
  'media.streams': 'Потоки',
  'media.video': 'видео {codec}, {width} × {height}',
  'media.audio': 'аудио {codec}, {sampleRate} Гц, каналов: {channels}',
  'media.other': '{kind} {codec}',
} satisfies Translation<typeof en>;
