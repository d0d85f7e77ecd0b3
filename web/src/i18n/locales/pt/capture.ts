import type { Translation } from '../../catalogue.ts';
import type en from '../en/capture.ts';

export default {
  'webCapture.heading': 'Capturar uma página web',
  'webCapture.intro':
    'O servidor carrega a página e preserva os seus bytes e cabeçalhos, uma captura de ecrã da página inteira, um PDF e um arquivo MHTML, cada um com o seu SHA-256. O dono da página vê uma visita deste servidor.',
  'webCapture.url': 'Endereço da página (http ou https)',
  'webCapture.submit': 'Capturar',
  'webCapture.queued': 'À espera da captura anterior…',
  'webCapture.step.fetching': 'A obter a página…',
  'webCapture.step.rendering': 'A apresentar a página no navegador…',
  'webCapture.step.screenshot': 'A capturar a página inteira…',
  'webCapture.step.pdf': 'A imprimir em PDF…',
  'webCapture.step.archive': 'A guardar o arquivo MHTML…',
  'webCapture.step.extracting': 'A extrair o texto…',
  'webCapture.step.storing': 'A guardar os ficheiros…',
  'webCapture.done': 'Capturada e preservada.',
  'webCapture.doneAgain': 'Capturada de novo: a página não mudou, esta captura foi juntada à sua fonte.',
  'webCapture.errorStatus':
    'O servidor respondeu HTTP {status}: preservada tal como respondeu (a página pode ter sido removida).',
  'webCapture.failed': 'Não capturada, nada foi guardado: {reason}',
  'webCapture.openSource': 'Abrir a fonte',
  'webCapture.captureHeading': 'Captura web de {time}',
  'webCapture.status': 'Estado HTTP',
  'webCapture.requestedUrl': 'Endereço pedido',
  'webCapture.redirects': 'Redirecionamentos',
  'webCapture.finalUrl': 'Endereço final',
  'webCapture.browser': 'Navegador',
  'webCapture.files': 'Ficheiros preservados',
  'webCapture.file': 'Ficheiro',
  'webCapture.role.document': 'Página tal como recebida',
  'webCapture.role.headers': 'Cabeçalhos da resposta',
  'webCapture.role.screenshot': 'Captura da página inteira (PNG)',
  'webCapture.role.pdf': 'Impressão em PDF',
  'webCapture.role.mhtml': 'Arquivo web (MHTML)',
  'timestamp.label': 'Carimbo temporal confiável',
  'timestamp.none': 'nenhum',
  'timestamp.pending':
    '0:À espera da autoridade de carimbo temporal | one:À espera da autoridade ({count} tentativa) | other:À espera da autoridade ({count} tentativas)',
  'timestamp.stamped': '{time}, por {authority}',
  'timestamp.token': 'token',
} satisfies Translation<typeof en>;
