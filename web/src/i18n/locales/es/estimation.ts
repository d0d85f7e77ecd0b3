import type { Translation } from '../../catalogue.ts';
import type en from '../en/estimation.ts';

export default {
  'nav.estimation': 'Estimación',
  'estimation.title': 'Estimar lo no documentado',
  'estimation.intro':
    'Las listas que documentaron las mismas violaciones de forma independiente se superponen: cuánto se superponen indica cuántas víctimas no registró ninguna lista (estimación por sistemas múltiples). Elija al menos dos listas, observe sus superposiciones, elija un modelo y lea la estimación con su intervalo y sus advertencias.',
  'estimation.step.lists': '1. Listas',
  'estimation.origin': 'De dónde vienen las listas',
  'estimation.fromDatabase': 'Listas de la base de datos',
  'estimation.fromUpload': 'Subir un archivo de listas',
  'estimation.file': 'Archivo de listas (CSV)',
  'estimation.fileHint':
    'Una columna 0/1 por lista y una columna «count» (una fila por combinación), o una fila por persona tras la vinculación de registros (columna «id» opcional); una columna «stratum» opcional. El archivo se lee solo para esta página: no se guarda nada de él salvo que guarde la estimación, y entonces solo los recuentos.',
  'estimation.fileKept': 'Leído de {name}.',
  'estimation.databaseHint':
    'Una lista es una fuente, un editor (todas las fuentes de un mismo sitio web) o una organización registrada como fuente de actos, con las víctimas nombradas de los actos que informó. Cada persona cuenta una vez por lista; dos registros de una misma persona cuentan una vez cuando una ejecución de vinculación los vincula (abajo).',
  'estimation.chooseLists': 'Listas con víctimas nombradas',
  'estimation.use': 'Usar',
  'estimation.useList': 'Usar {list}',
  'estimation.list': 'Lista',
  'estimation.kind': 'Tipo',
  'estimation.kindSource': 'Fuente',
  'estimation.kindPublisher': 'Editor',
  'estimation.kindOrganisation': 'Organización',
  'estimation.namedVictims': 'Víctimas nombradas',
  'estimation.sealedSource': 'Fuente sellada {id}',
  'estimation.noLists':
    'Ninguna fuente ni organización tiene aún víctimas nombradas: vincule víctimas a actos o suba un archivo de listas.',
  'estimation.linkage': 'Contar los registros vinculados como una sola persona',
  'estimation.linkageHint':
    'La misma persona registrada a partir de dos informes son dos registros y contaría como dos personas: la estimación saldría demasiado alta, sin que nada lo indique. Una ejecución de vinculación de registros sobre la base de datos (la página Vinculación) vincula esos registros, y las etiquetas de los revisores deciden los pares dudosos. Por defecto se elige la última ejecución revisada; las víctimas de otros compartimentos y las registradas después de la ejecución cuentan por sí mismas.',
  'estimation.linkageRun': 'Última ejecución de «{list}» (compartimento {compartment}), {date}',
  'estimation.linkageNone': 'Ninguna: contar cada registro de persona por separado',
  'estimation.linkageNoRuns':
    'Todavía no hay ninguna ejecución de vinculación de la base de datos: cada registro de persona cuenta por sí mismo. Ejecute la vinculación de registros en la página Vinculación para contar una sola vez dos registros de una misma persona.',
  'estimation.linkageMade': 'Ejecución realizada',
  'estimation.linkageMerged': 'Registros de personas fusionados',
  'estimation.linkageMergedValue':
    'one: {records} registros en {count} persona | other: {records} registros en {count} personas',
  'estimation.linkageUnreviewed': 'Pares aún sin revisar',
  'estimation.linkageNotReviewed':
    'Ningún revisor ha etiquetado todavía un par de esta ejecución: sus grupos son solo los del motor.',
  'estimation.linkageOlder':
    'one: La ejecución es anterior a {count} víctima nueva: cuenta como una persona. Vuelva a ejecutar la vinculación para vincularla. | other: La ejecución es anterior a {count} víctimas nuevas: cada una cuenta como una persona. Vuelva a ejecutar la vinculación para vincularlas.',
  'estimation.linkageUnopened':
    'Víctimas nombradas del compartimento que la ejecución no pudo abrir (selladas con una clave que su autor no tenía), cada una contada como una persona: {count}.',
  'estimation.linkageUsed':
    'one: Personas contadas con la ejecución de vinculación del {date} («{list}», compartimento {compartment}): {records} registros vinculados cuentan como {count} persona. | other: Personas contadas con la ejecución de vinculación del {date} («{list}», compartimento {compartment}): {records} registros vinculados cuentan como {count} personas.',
  'estimation.linkageNotUsed': 'Sin ejecución de vinculación: cada registro de persona cuenta por sí mismo.',
  'estimation.showOverlaps': 'Mostrar superposiciones',
  'estimation.chooseTwo': 'Elija al menos dos listas.',
  'estimation.step.overlaps': '2. Superposiciones',
  'estimation.openedTitle': 'Estimación guardada: {title}',
  'estimation.observed':
    'one: {count} persona está en al menos una lista. | other: {count} personas están en al menos una lista.',
  'estimation.upsetTitle': 'Superposiciones entre las listas (gráfico UpSet)',
  'estimation.upsetCaption':
    'Cada columna es un grupo de personas que están exactamente en las listas marcadas con puntos llenos; su barra indica cuántas. Las barras de la izquierda son el tamaño de cada lista.',
  'estimation.upsetTruncated':
    'El gráfico muestra los {count} grupos más grandes; la tabla los incluye todos.',
  'estimation.listSize': 'Tamaño de la lista',
  'estimation.exactlyOn': 'Exactamente en estas listas',
  'estimation.people': 'Personas',
  'estimation.intersections': 'Superposiciones',
  'estimation.listSizes': 'Tamaño de las listas',
  'estimation.downloadCsv': 'Descargar la tabla de superposiciones (CSV)',
  'estimation.notice.two-lists':
    'Solo dos listas: la estimación debe suponer que estar en una lista no dice nada sobre estar en la otra. Con tres o más listas se puede modelar la dependencia entre ellas.',
  'estimation.notice.empty-list': 'Estas listas no tienen a nadie y no se pueden usar: {lists}.',
  'estimation.notice.no-overlap':
    'Estas listas no comparten a nadie: {lists}. Su dependencia no se puede estimar, y listas que nunca se superponen quizá no cubran la misma población.',
  'estimation.notice.strata':
    'El archivo tiene estratos: cada estrato se estima por separado y los resultados se suman. El gráfico muestra todos los estratos juntos.',
  'estimation.step.model': '3. Modelo',
  'estimation.model': 'Cómo pueden depender las listas entre sí',
  'estimation.model.auto': 'Log-lineal, elegido por AIC o BIC',
  'estimation.model.auto.about':
    'Ajusta todos los modelos que permiten que pares de listas dependan entre sí (una organización que deriva víctimas a otra hace que sus listas se superpongan más) y conserva el que mejor equilibra ajuste y sencillez. La opción habitual; reproduce los análisis publicados.',
  'estimation.model.independence': 'Independencia',
  'estimation.model.independence.about':
    'Supone que estar en una lista no dice nada sobre estar en otra. El modelo más sencillo; cuando las listas comparten fuentes o llegan al mismo tipo de personas, subestima.',
  'estimation.model.lcmcr': 'Clases latentes (LCMCR)',
  'estimation.model.lcmcr.about':
    'Un modelo bayesiano que permite que grupos ocultos de personas sean más fáciles o más difíciles de documentar en todas las listas (heterogeneidad), sin decir quiénes son. Lo usa HRDAG; da un intervalo de credibilidad.',
  'estimation.model.dga': 'Promedio de modelos (dga)',
  'estimation.model.dga.about':
    'En lugar de elegir un modelo, promedia las estimaciones de todos los modelos de dependencia, ponderadas según lo bien que cada uno se ajusta a las listas, de modo que el intervalo incluye también la incertidumbre sobre qué modelo es el correcto. Para tres a cinco listas.',
  'estimation.notAvailable': 'aún no disponible en esta instalación',
  'estimation.criterion': 'Criterio',
  'estimation.criterionHint':
    'El AIC favorece el mejor ajuste; el BIC penaliza más los modelos complejos y suele elegir modelos más pequeños.',
  'estimation.run': 'Estimar',
  'estimation.running': 'Estimando…',
  'estimation.step.result': '4. Estimación',
  'estimation.headline': 'Total estimado: {value} víctimas ({interval}: de {lower} a {upper}).',
  'estimation.headlineNoInterval': 'Total estimado: {value} víctimas (no se pudo calcular ningún intervalo).',
  'estimation.noEstimate': 'No se puede hacer ninguna estimación con estas listas: vea por qué más abajo.',
  'estimation.undocumented':
    'one: {count} víctima está documentada en al menos una lista; se estima que unas {missing} más no están documentadas. | other: {count} víctimas están documentadas en al menos una lista; se estima que unas {missing} más no están documentadas.',
  'estimation.intervalTitle': 'La estimación y su {interval}, con el número documentado marcado',
  'estimation.intervalCaption':
    'La barra oscura son las personas documentadas; la banda, el {interval} del total; el punto, la estimación.',
  'estimation.documentedMark': 'documentadas: {count}',
  'estimation.estimateMark': 'estimación: {value}',
  'estimation.intervalRange': '{interval}: de {lower} a {upper}',
  'estimation.interval.confidence': 'intervalo de confianza del 95 %',
  'estimation.interval.credible': 'intervalo de credibilidad del 95 %',
  'estimation.figures': 'Las cifras',
  'estimation.documented': 'Documentadas',
  'estimation.estimate': 'Estimación',
  'estimation.lower': 'Límite inferior del {interval}',
  'estimation.upper': 'Límite superior del {interval}',
  'estimation.modelUsed': 'Modelo',
  'estimation.dependence': 'Dependencia entre listas',
  'estimation.noInteractions': 'ninguna (independencia)',
  'estimation.models': 'Los {shown} mejores de {count} modelos ajustados, el mejor primero',
  'estimation.deviance': 'Devianza / gl',
  'estimation.engineWarnings': 'Notas del estimador (en inglés)',
  'estimation.caveats': 'Antes de citar esta cifra',
  'estimation.caveat.dependence': 'Dependencia entre listas',
  'estimation.caveat.dependence.about':
    'Si las organizaciones comparten información o se derivan víctimas, sus listas se superponen más de lo que haría el azar y la estimación resulta demasiado baja. Los modelos con dependencia absorben parte de ello entre pares de listas, nunca todo.',
  'estimation.caveat.heterogeneity': 'Algunas víctimas son más fáciles de documentar',
  'estimation.caveat.heterogeneity.about':
    'Las personas en ciudades, de familias conocidas o muertas en grandes sucesos tienen más probabilidad de estar en todas las listas. Hacen que las listas parezcan dependientes y bajan la estimación. Estimar por separado por lugar o periodo (estratos) ayuda.',
  'estimation.caveat.closed': 'La misma población',
  'estimation.caveat.closed.about':
    'Cada lista debe poder registrar a las mismas personas: el mismo lugar, periodo y tipo de violación. Una lista que cubre otro periodo u otra región rompe el método.',
  'estimation.caveat.linkage': 'Errores de vinculación',
  'estimation.caveat.linkage.about':
    'Cada persona debe ser un solo registro. La misma persona contada dos veces (una coincidencia perdida) infla la estimación; dos personas fusionadas en una (una coincidencia falsa) la reduce. Revise primero la vinculación de registros.',
  'estimation.caveat.modelChoice': 'El modelo es una elección',
  'estimation.caveat.modelChoice.about':
    'El intervalo supone que el modelo elegido es el correcto. Otros modelos que se ajustan casi igual de bien pueden dar cifras muy distintas: lea la tabla de modelos antes de citar una.',
  'estimation.saveTitle': 'Nombre de esta estimación',
  'estimation.save': 'Guardar la estimación',
  'estimation.saved': 'Guardada como «{title}».',
  'estimation.saveHint':
    'Al guardar se conservan los nombres de las listas, los recuentos de superposición, el modelo y el resultado — nunca un nombre ni una fila de un archivo subido.',
  'estimation.savedTitle': 'Estimaciones guardadas',
  'estimation.noneSaved': 'Aún no se ha guardado ninguna estimación.',
  'estimation.savedName': 'Nombre',
  'estimation.savedWhen': 'Guardada',
  'estimation.savedBy': 'Por',
  'estimation.open': 'Abrir',
  'estimation.openNamed': 'Abrir «{title}»',
} satisfies Translation<typeof en>;
