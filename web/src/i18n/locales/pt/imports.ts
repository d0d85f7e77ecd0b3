import type { Translation } from '../../catalogue.ts';
import type en from '../en/imports.ts';

export default {
  'nav.import': 'Importar',
  'import.title': 'Importar registros',
  'import.intro':
    'Traga incidentes, atos, vítimas e fontes mantidos numa planilha ou exportados do Uwazi (CSV ou XLSX). Os nomes das vítimas são selados na chegada. Nada é guardado até importar, e uma importação é guardada inteira ou não é guardada.',
  'import.file': 'Arquivo (CSV ou XLSX)',
  'import.preset': 'Predefinição',
  'import.presetNone': 'Nenhuma',
  'import.presetUwazi': 'Exportação CSV do Uwazi',
  'import.mapping': 'Mapeamento de colunas',
  'import.column': 'Coluna no arquivo',
  'import.field': 'Campo do Attest',
  'import.firstValue': 'Primeiro valor',
  'import.rowsInFile': '{rows} linhas de dados.',
  'import.dateFormat': 'Formato de data',
  'import.values': 'Valores do vocabulário (JSON)',
  'import.valuesHint':
    'Para cada campo codificado, as palavras do arquivo e os códigos do Attest que significam, p. ex. {"act.type": {"Prisão arbitrária": "detention"}}.',
  'import.onError': 'Quando uma linha tem erro',
  'import.onErrorStop': 'Parar na primeira linha com erro e não guardar nada',
  'import.onErrorSkip': 'Importar as linhas válidas e listar as com erro',
  'import.dryRun': 'Simulação',
  'import.run': 'Importar',
  'import.preview': 'Pré-visualização: as primeiras linhas como registros',
  'import.row': 'Linha',
  'import.incident': 'Incidente',
  'import.act': 'Ato',
  'import.persons': 'Pessoas protegidas',
  'import.source': 'Fonte',
  'import.errors': 'Linhas com erro',
  'import.why': 'Motivo',
  'import.noErrors': 'Nenhuma linha com erro.',
  'import.counts': '{incidents} incidentes, {acts} atos, {persons} pessoas protegidas, {sources} fontes',
  'import.dryRunResult':
    'Simulação: {imported} de {rows} linhas seriam importadas ({counts}). Nada foi guardado.',
  'import.dryRunStops':
    'Simulação: {bad} de {rows} linhas têm erro; com “parar” nada seria guardado. Nada foi guardado.',
  'import.stoppedResult': 'Parado numa linha com erro: nada foi guardado.',
  'import.doneResult': 'Importadas {imported} de {rows} linhas: {counts}.',
  'import.skippedRows': '{skipped} linhas com erro ficaram de fora.',
  'import.ignored': 'Colunas não mapeadas (deixadas de fora): {columns}',
  'import.badValues': 'Os valores do vocabulário não são JSON válido.',
} satisfies Translation<typeof en>;
