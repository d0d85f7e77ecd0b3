import type { Translation } from '../../catalogue.ts';
import type en from '../en/sealed.ts';

export default {
  'sealed.searchResults': 'Sources scellées de vos compartiments : {count}',
  'sealed.searchTruncated': 'Seules les 2 000 sources scellées les plus récentes ont été cherchées.',
  'sealed.choice': 'Sensible — sceller cette source',
  'sealed.choiceHint':
    'Pour un témoignage, un rapport médical ou tout ce qui nomme une personne en danger : l’original, le titre et le texte sont chiffrés avec la clé du compartiment, lisibles par ses seuls membres, chaque lecture inscrite au journal d’audit, jamais exportés. Rien de ce qui est saisi n’est enregistré comme brouillon tant que cette case est cochée.',
  'sealed.compartment': 'Compartiment',
  'sealed.organisation': '{code} (organisation)',
  'sealed.badge': 'Scellée',
  'sealed.inCompartment': 'Scellée dans le compartiment {code}',
  'sealed.readAudited':
    'Seuls les membres de ce compartiment peuvent la lire ; cette lecture a été inscrite au journal d’audit.',
  'sealed.notMember':
    'Cette source est scellée, ou votre rôle ne permet pas de lire les sources. Seuls les membres de son compartiment peuvent lire une source scellée.',
  'sealed.saved': 'Source scellée enregistrée dans le compartiment {code}.',
  'sealed.listTitle': 'Source scellée ({code})',
} satisfies Translation<typeof en>;
