import type { Translation } from '../../catalogue.ts';
import type en from '../en/estimation.ts';

export default {
  'nav.estimation': 'Estimativa',
  'estimation.title': 'Estimar o que não foi documentado',
  'estimation.intro':
    'Listas que documentaram as mesmas violações de forma independente se sobrepõem: o tamanho dessa sobreposição indica quantas vítimas nenhuma lista registrou (estimativa por sistemas múltiplos). Escolha pelo menos duas listas, veja as sobreposições, escolha um modelo e leia a estimativa com seu intervalo e suas ressalvas.',
  'estimation.step.lists': '1. Listas',
  'estimation.origin': 'De onde vêm as listas',
  'estimation.fromDatabase': 'Listas do banco de dados',
  'estimation.fromUpload': 'Enviar um arquivo de listas',
  'estimation.file': 'Arquivo de listas (CSV)',
  'estimation.fileHint':
    'Uma coluna 0/1 por lista e uma coluna “count” (uma linha por combinação), ou uma linha por pessoa após a vinculação de registros (coluna “id” opcional); uma coluna “stratum” opcional. O arquivo é lido só para esta página: nada dele é armazenado, a menos que você salve a estimativa, e então só as contagens.',
  'estimation.fileKept': 'Lido de {name}.',
  'estimation.databaseHint':
    'Uma lista é uma fonte, um editor (todas as fontes de um mesmo site) ou uma organização registrada como fonte de atos, com as vítimas nomeadas dos atos que relatou. Cada pessoa conta uma vez por lista; dois registros de uma mesma pessoa contam uma vez quando uma execução de vinculação os liga (abaixo).',
  'estimation.chooseLists': 'Listas com vítimas nomeadas',
  'estimation.use': 'Usar',
  'estimation.useList': 'Usar {list}',
  'estimation.list': 'Lista',
  'estimation.kind': 'Tipo',
  'estimation.kindSource': 'Fonte',
  'estimation.kindPublisher': 'Editor',
  'estimation.kindOrganisation': 'Organização',
  'estimation.namedVictims': 'Vítimas nomeadas',
  'estimation.sealedSource': 'Fonte selada {id}',
  'estimation.noLists':
    'Nenhuma fonte ou organização tem vítimas nomeadas ainda: vincule vítimas a atos ou envie um arquivo de listas.',
  'estimation.linkage': 'Contar registros vinculados como uma só pessoa',
  'estimation.linkageHint':
    'A mesma pessoa registrada a partir de dois relatos são dois registros e contaria como duas pessoas: a estimativa sairia alta demais, sem nenhum sinal. Uma execução de vinculação de registros sobre o banco de dados (a página Vinculação) liga esses registros, e as etiquetas dos revisores decidem os pares duvidosos. Por padrão, escolhe-se a última execução revisada; vítimas de outros compartimentos, e as registradas depois da execução, contam por si mesmas.',
  'estimation.linkageRun': 'Última execução de “{list}” (compartimento {compartment}), {date}',
  'estimation.linkageNone': 'Nenhuma: contar cada registro de pessoa separadamente',
  'estimation.linkageNoRuns':
    'Ainda não há execução de vinculação do banco de dados: cada registro de pessoa conta por si mesmo. Execute a vinculação de registros na página Vinculação para contar uma só vez dois registros de uma mesma pessoa.',
  'estimation.linkageMade': 'Execução feita em',
  'estimation.linkageMerged': 'Registros de pessoas fundidos',
  'estimation.linkageMergedValue':
    '0: {records} registros em {count} pessoas | one: {records} registros em {count} pessoa | other: {records} registros em {count} pessoas',
  'estimation.linkageUnreviewed': 'Pares ainda não revisados',
  'estimation.linkageNotReviewed':
    'Nenhum revisor etiquetou ainda um par desta execução: seus grupos são apenas os do mecanismo.',
  'estimation.linkageOlder':
    '0: A execução é anterior a {count} vítimas novas: cada uma conta como uma pessoa. Execute a vinculação de novo para ligá-las. | one: A execução é anterior a {count} vítima nova: ela conta como uma pessoa. Execute a vinculação de novo para ligá-la. | other: A execução é anterior a {count} vítimas novas: cada uma conta como uma pessoa. Execute a vinculação de novo para ligá-las.',
  'estimation.linkageUnopened':
    'Vítimas nomeadas do compartimento que a execução não pôde abrir (seladas com uma chave que seu autor não tinha), cada uma contada como uma pessoa: {count}.',
  'estimation.linkageUsed':
    '0: Pessoas contadas com a execução de vinculação de {date} (“{list}”, compartimento {compartment}): {records} registros vinculados contam como {count} pessoas. | one: Pessoas contadas com a execução de vinculação de {date} (“{list}”, compartimento {compartment}): {records} registros vinculados contam como {count} pessoa. | other: Pessoas contadas com a execução de vinculação de {date} (“{list}”, compartimento {compartment}): {records} registros vinculados contam como {count} pessoas.',
  'estimation.linkageNotUsed': 'Nenhuma execução de vinculação: cada registro de pessoa conta por si mesmo.',
  'estimation.showOverlaps': 'Mostrar sobreposições',
  'estimation.chooseTwo': 'Escolha pelo menos duas listas.',
  'estimation.step.overlaps': '2. Sobreposições',
  'estimation.openedTitle': 'Estimativa salva: {title}',
  'estimation.observed':
    '0: {count} pessoas estão em pelo menos uma lista. | one: {count} pessoa está em pelo menos uma lista. | other: {count} pessoas estão em pelo menos uma lista.',
  'estimation.upsetTitle': 'Sobreposições entre as listas (gráfico UpSet)',
  'estimation.upsetCaption':
    'Cada coluna é um grupo de pessoas que estão exatamente nas listas marcadas com pontos cheios; sua barra mostra quantas. As barras à esquerda são o tamanho de cada lista.',
  'estimation.upsetTruncated': 'O gráfico mostra os {count} maiores grupos; a tabela traz todos.',
  'estimation.listSize': 'Tamanho da lista',
  'estimation.exactlyOn': 'Exatamente nestas listas',
  'estimation.people': 'Pessoas',
  'estimation.intersections': 'Sobreposições',
  'estimation.listSizes': 'Tamanho das listas',
  'estimation.downloadCsv': 'Baixar a tabela de sobreposições (CSV)',
  'estimation.notice.two-lists':
    'Só duas listas: a estimativa precisa supor que estar em uma lista não diz nada sobre estar na outra. Com três ou mais listas, a dependência entre elas pode ser modelada.',
  'estimation.notice.empty-list': 'Estas listas não têm ninguém e não podem ser usadas: {lists}.',
  'estimation.notice.no-overlap':
    'Estas listas não têm ninguém em comum: {lists}. A dependência entre elas não pode ser estimada, e listas que nunca se sobrepõem talvez não cubram a mesma população.',
  'estimation.notice.strata':
    'O arquivo tem estratos: cada estrato é estimado separadamente e os resultados são somados. O gráfico mostra todos os estratos juntos.',
  'estimation.step.model': '3. Modelo',
  'estimation.model': 'Como as listas podem depender umas das outras',
  'estimation.model.auto': 'Log-linear, escolhido por AIC ou BIC',
  'estimation.model.auto.about':
    'Ajusta todos os modelos que deixam pares de listas dependerem entre si (uma organização que encaminha vítimas a outra faz suas listas se sobreporem mais) e fica com o que melhor equilibra ajuste e simplicidade. A escolha habitual; reproduz as análises publicadas.',
  'estimation.model.independence': 'Independência',
  'estimation.model.independence.about':
    'Supõe que estar em uma lista não diz nada sobre estar em outra. O modelo mais simples; quando as listas compartilham fontes ou alcançam o mesmo tipo de pessoa, ele subestima.',
  'estimation.model.lcmcr': 'Classes latentes (LCMCR)',
  'estimation.model.lcmcr.about':
    'Um modelo bayesiano que permite que grupos ocultos de pessoas sejam mais fáceis ou mais difíceis de documentar em todas as listas (heterogeneidade), sem dizer quem são. Usado pelo HRDAG; dá um intervalo de credibilidade.',
  'estimation.model.dga': 'Média de modelos (dga)',
  'estimation.model.dga.about':
    'Em vez de escolher um modelo, faz a média das estimativas de todos os modelos de dependência, ponderadas pelo ajuste de cada um às listas, de modo que o intervalo também carrega a incerteza sobre qual modelo é o certo. Para três a cinco listas.',
  'estimation.notAvailable': 'ainda não disponível nesta instalação',
  'estimation.criterion': 'Critério',
  'estimation.criterionHint':
    'O AIC favorece o melhor ajuste; o BIC penaliza mais os modelos complexos e costuma escolher modelos menores.',
  'estimation.run': 'Estimar',
  'estimation.running': 'Estimando…',
  'estimation.step.result': '4. Estimativa',
  'estimation.headline': 'Total estimado: {value} vítimas ({interval}: de {lower} a {upper}).',
  'estimation.headlineNoInterval':
    'Total estimado: {value} vítimas (não foi possível calcular um intervalo).',
  'estimation.noEstimate': 'Não é possível estimar a partir destas listas: veja o motivo abaixo.',
  'estimation.undocumented':
    '0: {count} vítimas estão documentadas em pelo menos uma lista; estima-se que cerca de {missing} outras não estejam documentadas. | one: {count} vítima está documentada em pelo menos uma lista; estima-se que cerca de {missing} outras não estejam documentadas. | other: {count} vítimas estão documentadas em pelo menos uma lista; estima-se que cerca de {missing} outras não estejam documentadas.',
  'estimation.intervalTitle': 'A estimativa e seu {interval}, com o número documentado marcado',
  'estimation.intervalCaption':
    'A barra escura são as pessoas documentadas; a faixa, o {interval} do total; o ponto, a estimativa.',
  'estimation.documentedMark': 'documentadas: {count}',
  'estimation.estimateMark': 'estimativa: {value}',
  'estimation.intervalRange': '{interval}: de {lower} a {upper}',
  'estimation.interval.confidence': 'intervalo de confiança de 95%',
  'estimation.interval.credible': 'intervalo de credibilidade de 95%',
  'estimation.figures': 'Os números',
  'estimation.documented': 'Documentadas',
  'estimation.estimate': 'Estimativa',
  'estimation.lower': 'Limite inferior do {interval}',
  'estimation.upper': 'Limite superior do {interval}',
  'estimation.modelUsed': 'Modelo',
  'estimation.dependence': 'Dependência entre listas',
  'estimation.noInteractions': 'nenhuma (independência)',
  'estimation.models': 'Os {shown} melhores de {count} modelos ajustados, o melhor primeiro',
  'estimation.deviance': 'Desvio / gl',
  'estimation.engineWarnings': 'Observações do estimador (em inglês)',
  'estimation.caveats': 'Antes de citar este número',
  'estimation.caveat.dependence': 'Dependência entre listas',
  'estimation.caveat.dependence.about':
    'Se organizações compartilham informações ou encaminham vítimas umas às outras, suas listas se sobrepõem mais do que o acaso faria, e a estimativa fica baixa demais. Modelos com dependência absorvem parte disso entre pares de listas, nunca tudo.',
  'estimation.caveat.heterogeneity': 'Algumas vítimas são mais fáceis de documentar',
  'estimation.caveat.heterogeneity.about':
    'Pessoas em cidades, de famílias conhecidas ou mortas em grandes eventos têm mais chance de estar em todas as listas. Elas fazem as listas parecerem dependentes e puxam a estimativa para baixo. Estimar separadamente por lugar ou período (estratos) ajuda.',
  'estimation.caveat.closed': 'A mesma população',
  'estimation.caveat.closed.about':
    'Cada lista precisa poder registrar as mesmas pessoas: mesmo lugar, período e tipo de violação. Uma lista que cobre outro período ou outra região quebra o método.',
  'estimation.caveat.linkage': 'Erros de vinculação',
  'estimation.caveat.linkage.about':
    'Cada pessoa deve ser um único registro. A mesma pessoa contada duas vezes (uma vinculação perdida) infla a estimativa; duas pessoas unidas em uma (uma vinculação falsa) a reduz. Revise a vinculação de registros primeiro.',
  'estimation.caveat.modelChoice': 'O modelo é uma escolha',
  'estimation.caveat.modelChoice.about':
    'O intervalo supõe que o modelo escolhido é o certo. Outros modelos com ajuste quase tão bom podem dar números bem diferentes: leia a tabela de modelos antes de citar um.',
  'estimation.saveTitle': 'Nome desta estimativa',
  'estimation.save': 'Salvar a estimativa',
  'estimation.saved': 'Salva como “{title}”.',
  'estimation.saveHint':
    'Salvar guarda os nomes das listas, as contagens de sobreposição, o modelo e o resultado — nunca um nome ou uma linha de um arquivo enviado.',
  'estimation.savedTitle': 'Estimativas salvas',
  'estimation.noneSaved': 'Nenhuma estimativa foi salva ainda.',
  'estimation.savedName': 'Nome',
  'estimation.savedWhen': 'Salva em',
  'estimation.savedBy': 'Por',
  'estimation.open': 'Abrir',
  'estimation.openNamed': 'Abrir “{title}”',
} satisfies Translation<typeof en>;
