import type { Translation } from '../../catalogue.ts';
import type en from '../en/errors.ts';

export default {
  'error.invalid_input': 'Esto no se puede aceptar tal como está.',
  'error.invalid_input.field': 'Esto no se puede aceptar: revise «{field}».',
  'error.usage': 'El servidor no entiende esta solicitud.',
  'error.unauthenticated': 'No ha iniciado sesión, o su sesión ha terminado. Inicie sesión de nuevo.',
  'error.forbidden': 'Su rol no permite esto.',
  'error.not_found': 'Esto no existe, o ya no está disponible.',
  'error.conflict': 'Esto choca con lo que ya está registrado.',
  'error.rate_limited': 'Demasiados intentos. Espere un momento y vuelva a intentarlo.',
  'error.storage_unavailable': 'No se puede acceder a la base de datos. Inténtelo más tarde.',
  'error.payload_too_large': 'Esto es demasiado grande para enviarlo.',
  'error.unsupported_media_type': 'Este tipo de contenido no se acepta aquí.',
  'error.method_not_allowed': 'Esta acción no está disponible aquí.',
  'error.not_acceptable': 'El servidor no puede responder en un formato que esta página lea.',
  'error.client_error': 'El servidor rechazó esta solicitud.',
  'error.internal':
    'El servidor no pudo hacerlo. Vuelva a intentarlo; si vuelve a ocurrir, avise a su administrador.',
  'error.network': 'No se puede contactar con el servidor. Revise su conexión y vuelva a intentarlo.',
  'error.unknown': 'La solicitud falló (HTTP {status}).',
  'error.detail': 'Explicación del servidor (en inglés):',
} satisfies Translation<typeof en>;
