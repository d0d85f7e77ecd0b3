import type { Translation } from '../../catalogue.ts';
import type en from '../en/capture.ts';

export default {
  'webCapture.heading': 'Capturer une page web',
  'webCapture.intro':
    'Le serveur charge la page et en préserve les octets et les en-têtes, une capture d’écran de la page entière, un PDF et une archive MHTML, chacun avec son SHA-256. Le propriétaire de la page voit une visite de ce serveur.',
  'webCapture.url': 'Adresse de la page (http ou https)',
  'webCapture.submit': 'Capturer',
  'webCapture.queued': 'En attente de la capture précédente…',
  'webCapture.step.fetching': 'Récupération de la page…',
  'webCapture.step.rendering': 'Affichage de la page dans le navigateur…',
  'webCapture.step.screenshot': 'Capture de la page entière…',
  'webCapture.step.pdf': 'Impression en PDF…',
  'webCapture.step.archive': 'Enregistrement de l’archive MHTML…',
  'webCapture.step.extracting': 'Extraction du texte…',
  'webCapture.step.storing': 'Enregistrement des fichiers…',
  'webCapture.done': 'Capturée et préservée.',
  'webCapture.doneAgain':
    'Capturée de nouveau : la page n’a pas changé, cette capture a été ajoutée à sa source.',
  'webCapture.errorStatus':
    'Le serveur a répondu HTTP {status} : préservée telle quelle (la page a peut-être été retirée).',
  'webCapture.failed': 'Non capturée, rien n’a été enregistré : {reason}',
  'webCapture.openSource': 'Ouvrir la source',
  'webCapture.captureHeading': 'Capture web du {time}',
  'webCapture.status': 'Statut HTTP',
  'webCapture.requestedUrl': 'Adresse demandée',
  'webCapture.redirects': 'Redirections',
  'webCapture.finalUrl': 'Adresse finale',
  'webCapture.browser': 'Navigateur',
  'webCapture.files': 'Fichiers préservés',
  'webCapture.file': 'Fichier',
  'webCapture.role.document': 'Page telle que reçue',
  'webCapture.role.headers': 'En-têtes de la réponse',
  'webCapture.role.screenshot': 'Capture de la page entière (PNG)',
  'webCapture.role.pdf': 'Impression PDF',
  'webCapture.role.mhtml': 'Archive web (MHTML)',
  'timestamp.label': 'Horodatage de confiance',
  'timestamp.none': 'aucun',
  'timestamp.pending':
    '0:En attente de l’autorité d’horodatage | one:En attente de l’autorité ({count} tentative) | other:En attente de l’autorité ({count} tentatives)',
  'timestamp.stamped': '{time}, par {authority}',
  'timestamp.token': 'jeton',
} satisfies Translation<typeof en>;
