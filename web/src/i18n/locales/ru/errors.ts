import type { Translation } from '../../catalogue.ts';
import type en from '../en/errors.ts';

export default {
  'error.invalid_input': 'Это нельзя принять в таком виде.',
  'error.invalid_input.field': 'Это нельзя принять: проверьте «{field}».',
  'error.usage': 'Сервер не понимает этот запрос.',
  'error.unauthenticated': 'Вы не вошли в систему или сеанс завершился. Войдите снова.',
  'error.forbidden': 'Ваша роль не позволяет это сделать.',
  'error.not_found': 'Этого не существует или оно больше недоступно.',
  'error.conflict': 'Это противоречит уже записанным данным.',
  'error.rate_limited': 'Слишком много попыток. Подождите немного и попробуйте снова.',
  'error.storage_unavailable': 'База данных недоступна. Попробуйте позже.',
  'error.payload_too_large': 'Это слишком большое для отправки.',
  'error.unsupported_media_type': 'Такое содержимое здесь не принимается.',
  'error.method_not_allowed': 'Это действие здесь недоступно.',
  'error.not_acceptable': 'Сервер не может ответить в формате, который читает эта страница.',
  'error.client_error': 'Сервер отклонил этот запрос.',
  'error.internal':
    'Сервер не смог это выполнить. Попробуйте снова; если ошибка повторится, сообщите администратору.',
  'error.network': 'Сервер недоступен. Проверьте подключение и попробуйте снова.',
  'error.unknown': 'Запрос не выполнен (HTTP {status}).',
  'error.detail': 'Пояснение сервера (на английском):',
} satisfies Translation<typeof en>;
