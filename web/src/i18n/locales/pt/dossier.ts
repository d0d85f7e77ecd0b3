import type { Translation } from '../../catalogue.ts';
import type en from '../en/dossier.ts';

export default {
  'dossier.button': 'Dossiê',
  'dossier.intro':
    'Um PDF para um advogado, um tribunal ou um mecanismo da ONU: os atos com suas contagens e status, as passagens que os sustentam, os desmentidos, as fontes com seu SHA-256, a cadeia de custódia e como verificá-la.',
  'dossier.level': 'Nível',
  'dossier.level.partner': 'Parceiro — textos tal como registrados, com os hashes dos originais',
  'dossier.level.public': 'Público — dados pessoais removidos, como numa exportação pública',
  'dossier.zip': 'Com os originais e um manifesto (ZIP; só nível parceiro)',
  'dossier.download': 'Baixar dossiê',
} satisfies Translation<typeof en>;
