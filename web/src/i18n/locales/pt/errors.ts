import type { Translation } from '../../catalogue.ts';
import type en from '../en/errors.ts';

export default {
  'error.invalid_input': 'Isto não pode ser aceito como está.',
  'error.invalid_input.field': 'Isto não pode ser aceito: verifique “{field}”.',
  'error.usage': 'O servidor não entende esta solicitação.',
  'error.unauthenticated': 'Você não está conectado, ou sua sessão terminou. Entre novamente.',
  'error.forbidden': 'Seu papel não permite isto.',
  'error.not_found': 'Isto não existe, ou não está mais disponível.',
  'error.conflict': 'Isto entra em conflito com o que já está registrado.',
  'error.rate_limited': 'Tentativas demais. Aguarde um momento e tente de novo.',
  'error.storage_unavailable': 'O banco de dados está inacessível. Tente mais tarde.',
  'error.payload_too_large': 'Isto é grande demais para enviar.',
  'error.unsupported_media_type': 'Este tipo de conteúdo não é aceito aqui.',
  'error.method_not_allowed': 'Esta ação não está disponível aqui.',
  'error.not_acceptable': 'O servidor não consegue responder em um formato que esta página leia.',
  'error.client_error': 'O servidor recusou esta solicitação.',
  'error.internal':
    'O servidor falhou ao fazer isto. Tente de novo; se acontecer outra vez, avise o administrador.',
  'error.network': 'O servidor está inacessível. Verifique sua conexão e tente de novo.',
  'error.unknown': 'A solicitação falhou (HTTP {status}).',
  'error.detail': 'Explicação do servidor (em inglês):',
} satisfies Translation<typeof en>;
