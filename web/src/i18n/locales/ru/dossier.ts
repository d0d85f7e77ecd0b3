import type { Translation } from '../../catalogue.ts';
import type en from '../en/dossier.ts';

export default {
  'dossier.button': 'Досье',
  'dossier.intro':
    'PDF для юриста, суда или механизма ООН: нарушения с их числами и статусом, подтверждающие отрывки, опровержения, источники с их SHA-256, цепочка хранения и как её проверить.',
  'dossier.level': 'Уровень',
  'dossier.level.partner': 'Партнёрский — тексты как записаны, с хешами оригиналов',
  'dossier.level.public': 'Публичный — персональные данные удалены, как в публичном экспорте',
  'dossier.zip': 'С оригиналами и манифестом (ZIP; только партнёрский уровень)',
  'dossier.download': 'Скачать досье',
} satisfies Translation<typeof en>;
