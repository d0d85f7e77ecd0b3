/**
 * Strings of the evidence dossier on the incident page, in the five working languages; merged into
 * MESSAGES (messages.ts), so `t` knows them like any other key. The PDF itself is in English.
 */
const en = {
  'dossier.button': 'Dossier',
  'dossier.intro':
    'A PDF for a lawyer, a court or a UN mechanism: the acts with their counts and status, the supporting passages, the denials, the sources with their SHA-256, the chain of custody and how to verify it.',
  'dossier.level': 'Level',
  'dossier.level.partner': 'Partner — texts as recorded, with the hashes of the originals',
  'dossier.level.public': 'Public — personal data removed, as in a public export',
  'dossier.zip': 'With the originals and a manifest (ZIP; partner level only)',
  'dossier.download': 'Download dossier',
};

export type DossierMessageKey = keyof typeof en;

const pt: Record<DossierMessageKey, string> = {
  'dossier.button': 'Dossiê',
  'dossier.intro':
    'Um PDF para um advogado, um tribunal ou um mecanismo da ONU: os atos com as suas contagens e estado, as passagens que os sustentam, os desmentidos, as fontes com o seu SHA-256, a cadeia de custódia e como verificá-la.',
  'dossier.level': 'Nível',
  'dossier.level.partner': 'Parceiro — textos tal como registados, com os hashes dos originais',
  'dossier.level.public': 'Público — dados pessoais removidos, como numa exportação pública',
  'dossier.zip': 'Com os originais e um manifesto (ZIP; só nível parceiro)',
  'dossier.download': 'Descarregar dossiê',
};

const es: Record<DossierMessageKey, string> = {
  'dossier.button': 'Expediente',
  'dossier.intro':
    'Un PDF para un abogado, un tribunal o un mecanismo de la ONU: los actos con sus cifras y estado, los pasajes que los sustentan, los desmentidos, las fuentes con su SHA-256, la cadena de custodia y cómo verificarla.',
  'dossier.level': 'Nivel',
  'dossier.level.partner': 'Socio — textos tal como se registraron, con los hashes de los originales',
  'dossier.level.public': 'Público — datos personales eliminados, como en una exportación pública',
  'dossier.zip': 'Con los originales y un manifiesto (ZIP; solo nivel socio)',
  'dossier.download': 'Descargar expediente',
};

const ru: Record<DossierMessageKey, string> = {
  'dossier.button': 'Досье',
  'dossier.intro':
    'PDF для юриста, суда или механизма ООН: нарушения с их числами и статусом, подтверждающие отрывки, опровержения, источники с их SHA-256, цепочка хранения и как её проверить.',
  'dossier.level': 'Уровень',
  'dossier.level.partner': 'Партнёрский — тексты как записаны, с хешами оригиналов',
  'dossier.level.public': 'Публичный — персональные данные удалены, как в публичном экспорте',
  'dossier.zip': 'С оригиналами и манифестом (ZIP; только партнёрский уровень)',
  'dossier.download': 'Скачать досье',
};

const fr: Record<DossierMessageKey, string> = {
  'dossier.button': 'Dossier',
  'dossier.intro':
    'Un PDF pour un avocat, un tribunal ou un mécanisme de l’ONU : les actes avec leurs nombres et leur statut, les passages qui les étayent, les démentis, les sources avec leur SHA-256, la chaîne de conservation et comment la vérifier.',
  'dossier.level': 'Niveau',
  'dossier.level.partner': 'Partenaire — textes tels qu’enregistrés, avec les empreintes des originaux',
  'dossier.level.public': 'Public — données personnelles retirées, comme dans un export public',
  'dossier.zip': 'Avec les originaux et un manifeste (ZIP ; niveau partenaire seulement)',
  'dossier.download': 'Télécharger le dossier',
};

export const DOSSIER_MESSAGES = { en, pt, es, ru, fr };
