export default {
  'dossier.button': 'Dossier',
  'dossier.intro':
    'A PDF for a lawyer, a court or a UN mechanism: the acts with their counts and status, the supporting passages, the denials, the sources with their SHA-256, the chain of custody and how to verify it.',
  'dossier.level': 'Level',
  'dossier.level.partner': 'Partner — texts as recorded, with the hashes of the originals',
  'dossier.level.public': 'Public — personal data removed, as in a public export',
  'dossier.zip': 'With the originals and a manifest (ZIP; partner level only)',
  'dossier.download': 'Download dossier',
};
