import type { Translation } from '../../catalogue.ts';
import type en from '../en/dossier.ts';

export default {
  'dossier.button': 'Expediente',
  'dossier.intro':
    'Un PDF para un abogado, un tribunal o un mecanismo de la ONU: los actos con sus cifras y estado, los pasajes que los sustentan, los desmentidos, las fuentes con su SHA-256, la cadena de custodia y cómo verificarla.',
  'dossier.level': 'Nivel',
  'dossier.level.partner': 'Socio — textos tal como se registraron, con los hashes de los originales',
  'dossier.level.public': 'Público — datos personales eliminados, como en una exportación pública',
  'dossier.zip': 'Con los originales y un manifiesto (ZIP; solo nivel socio)',
  'dossier.download': 'Descargar expediente',
} satisfies Translation<typeof en>;
