import type { Translation } from '../../catalogue.ts';
import type en from '../en/dossier.ts';

export default {
  'dossier.button': 'Dossier',
  'dossier.intro':
    'Un PDF pour un avocat, un tribunal ou un mécanisme de l’ONU : les actes avec leurs nombres et leur statut, les passages qui les étayent, les démentis, les sources avec leur SHA-256, la chaîne de conservation et comment la vérifier.',
  'dossier.level': 'Niveau',
  'dossier.level.partner': 'Partenaire — textes tels qu’enregistrés, avec les empreintes des originaux',
  'dossier.level.public': 'Public — données personnelles retirées, comme dans un export public',
  'dossier.zip': 'Avec les originaux et un manifeste (ZIP ; niveau partenaire seulement)',
  'dossier.download': 'Télécharger le dossier',
} satisfies Translation<typeof en>;
