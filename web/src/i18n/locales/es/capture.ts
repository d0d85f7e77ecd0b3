import type { Translation } from '../../catalogue.ts';
import type en from '../en/capture.ts';

export default {
  'webCapture.heading': 'Capturar una página web',
  'webCapture.intro':
    'El servidor carga la página y preserva sus bytes y cabeceras, una captura de pantalla de la página entera, un PDF y un archivo MHTML, cada uno con su SHA-256. El dueño de la página ve una visita de este servidor.',
  'webCapture.url': 'Dirección de la página (http o https)',
  'webCapture.submit': 'Capturar',
  'webCapture.queued': 'Esperando a la captura anterior…',
  'webCapture.step.fetching': 'Obteniendo la página…',
  'webCapture.step.rendering': 'Mostrando la página en el navegador…',
  'webCapture.step.screenshot': 'Capturando la página entera…',
  'webCapture.step.pdf': 'Imprimiendo en PDF…',
  'webCapture.step.archive': 'Guardando el archivo MHTML…',
  'webCapture.step.extracting': 'Extrayendo el texto…',
  'webCapture.step.storing': 'Guardando los archivos…',
  'webCapture.done': 'Capturada y preservada.',
  'webCapture.doneAgain': 'Capturada de nuevo: la página no cambió, esta captura se añadió a su fuente.',
  'webCapture.errorStatus':
    'El servidor respondió HTTP {status}: preservada tal como respondió (la página puede haber sido retirada).',
  'webCapture.failed': 'No capturada, no se guardó nada: {reason}',
  'webCapture.openSource': 'Abrir la fuente',
  'webCapture.captureHeading': 'Captura web del {time}',
  'webCapture.status': 'Estado HTTP',
  'webCapture.requestedUrl': 'Dirección pedida',
  'webCapture.redirects': 'Redirecciones',
  'webCapture.finalUrl': 'Dirección final',
  'webCapture.browser': 'Navegador',
  'webCapture.files': 'Archivos preservados',
  'webCapture.file': 'Archivo',
  'webCapture.role.document': 'Página tal como se recibió',
  'webCapture.role.headers': 'Cabeceras de la respuesta',
  'webCapture.role.screenshot': 'Captura de la página entera (PNG)',
  'webCapture.role.pdf': 'Impresión en PDF',
  'webCapture.role.mhtml': 'Archivo web (MHTML)',
  'timestamp.label': 'Sello de tiempo confiable',
  'timestamp.none': 'ninguno',
  'timestamp.pending':
    '0:Esperando a la autoridad de sellado de tiempo | one:Esperando a la autoridad ({count} intento) | other:Esperando a la autoridad ({count} intentos)',
  'timestamp.stamped': '{time}, por {authority}',
  'timestamp.token': 'token',
} satisfies Translation<typeof en>;
