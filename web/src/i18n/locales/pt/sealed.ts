import type { Translation } from '../../catalogue.ts';
import type en from '../en/sealed.ts';

export default {
  'sealed.searchResults': 'Fontes seladas dos seus compartimentos: {count}',
  'sealed.searchTruncated': 'Só as 2.000 fontes seladas mais recentes foram pesquisadas.',
  'sealed.choice': 'Sensível — selar esta fonte',
  'sealed.choiceHint':
    'Para um testemunho, um relatório médico ou qualquer coisa que nomeie uma pessoa em risco: o original, o título e o texto são cifrados com a chave do compartimento, legíveis apenas pelos seus membros, cada leitura registrada no registro de auditoria, nunca exportados. Nada do que for digitado é salvo como rascunho enquanto esta opção estiver marcada.',
  'sealed.compartment': 'Compartimento',
  'sealed.organisation': '{code} (organização)',
  'sealed.badge': 'Selada',
  'sealed.inCompartment': 'Selada no compartimento {code}',
  'sealed.readAudited':
    'Apenas membros deste compartimento podem lê-la; esta leitura foi registrada no registro de auditoria.',
  'sealed.notMember':
    'Esta fonte está selada, ou o seu papel não permite ler fontes. Apenas membros do compartimento podem ler uma fonte selada.',
  'sealed.saved': 'Fonte selada salva no compartimento {code}.',
  'sealed.listTitle': 'Fonte selada ({code})',
} satisfies Translation<typeof en>;
