import type { Translation } from '../../catalogue.ts';
import type en from '../en/errors.ts';

export default {
  'error.invalid_input': 'Ceci ne peut pas être accepté tel quel.',
  'error.invalid_input.field': 'Ceci ne peut pas être accepté : vérifiez « {field} ».',
  'error.usage': 'Le serveur ne comprend pas cette requête.',
  'error.unauthenticated': 'Vous n’êtes pas connecté, ou votre session a pris fin. Reconnectez-vous.',
  'error.forbidden': 'Votre rôle ne permet pas ceci.',
  'error.not_found': 'Ceci n’existe pas, ou n’est plus disponible.',
  'error.conflict': 'Ceci contredit ce qui est déjà enregistré.',
  'error.rate_limited': 'Trop de tentatives. Attendez un instant, puis réessayez.',
  'error.storage_unavailable': 'La base de données est inaccessible. Réessayez plus tard.',
  'error.payload_too_large': 'Ceci est trop volumineux pour être envoyé.',
  'error.unsupported_media_type': 'Ce type de contenu n’est pas accepté ici.',
  'error.method_not_allowed': 'Cette action n’est pas disponible ici.',
  'error.not_acceptable': 'Le serveur ne peut pas répondre dans un format que cette page lit.',
  'error.client_error': 'Le serveur a refusé cette requête.',
  'error.internal':
    'Le serveur n’a pas pu le faire. Réessayez ; si cela se reproduit, prévenez votre administrateur.',
  'error.network': 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
  'error.unknown': 'La requête a échoué (HTTP {status}).',
  'error.detail': 'Explication du serveur (en anglais) :',
} satisfies Translation<typeof en>;
