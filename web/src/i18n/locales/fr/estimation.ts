import type { Translation } from '../../catalogue.ts';
import type en from '../en/estimation.ts';

export default {
  'nav.estimation': 'Estimation',
  'estimation.title': 'Estimer ce qui n’est pas documenté',
  'estimation.intro':
    'Des listes qui ont documenté les mêmes violations indépendamment se recoupent : l’ampleur de ce recoupement indique combien de victimes aucune liste n’a enregistrées (estimation par systèmes multiples). Choisissez au moins deux listes, examinez leurs recoupements, choisissez un modèle, puis lisez l’estimation avec son intervalle et ses réserves.',
  'estimation.step.lists': '1. Listes',
  'estimation.origin': 'D’où viennent les listes',
  'estimation.fromDatabase': 'Listes de la base de données',
  'estimation.fromUpload': 'Téléverser un fichier de listes',
  'estimation.file': 'Fichier de listes (CSV)',
  'estimation.fileHint':
    'Une colonne 0/1 par liste et une colonne « count » (une ligne par combinaison), ou une ligne par personne après le rapprochement des fiches (colonne « id » facultative) ; une colonne « stratum » facultative. Le fichier n’est lu que pour cette page : rien n’en est enregistré sauf si vous enregistrez l’estimation, et alors seulement les effectifs.',
  'estimation.fileKept': 'Lu depuis {name}.',
  'estimation.databaseHint':
    'Une liste est une source, un éditeur (toutes les sources d’un même site web) ou une organisation enregistrée comme source d’actes, avec les victimes nommées des actes qu’elle a rapportés. Chaque personne compte une fois par liste ; deux fiches d’une même personne comptent une fois quand une exécution de liaison les relie (ci-dessous).',
  'estimation.chooseLists': 'Listes avec des victimes nommées',
  'estimation.use': 'Utiliser',
  'estimation.useList': 'Utiliser {list}',
  'estimation.list': 'Liste',
  'estimation.kind': 'Type',
  'estimation.kindSource': 'Source',
  'estimation.kindPublisher': 'Éditeur',
  'estimation.kindOrganisation': 'Organisation',
  'estimation.namedVictims': 'Victimes nommées',
  'estimation.sealedSource': 'Source scellée {id}',
  'estimation.noLists':
    'Aucune source ni organisation n’a encore de victimes nommées : reliez des victimes à des actes, ou téléversez un fichier de listes.',
  'estimation.linkage': 'Compter les fiches liées comme une seule personne',
  'estimation.linkageHint':
    'La même personne saisie à partir de deux rapports fait deux fiches et compterait pour deux personnes : l’estimation serait trop haute, sans que rien ne le signale. Une exécution de liaison d’enregistrements sur la base de données (la page Liaison) relie ces fiches, et les étiquettes des relecteurs tranchent les paires douteuses. La dernière exécution relue est choisie par défaut ; les victimes d’autres compartiments, et celles enregistrées après l’exécution, comptent pour elles-mêmes.',
  'estimation.linkageRun': 'Dernière exécution de « {list} » (compartiment {compartment}), {date}',
  'estimation.linkageNone': 'Aucune : compter chaque fiche de personne séparément',
  'estimation.linkageNoRuns':
    'Aucune exécution de liaison de la base de données pour l’instant : chaque fiche de personne compte pour elle-même. Lancez la liaison d’enregistrements sur la page Liaison pour compter une seule fois deux fiches d’une même personne.',
  'estimation.linkageMade': 'Exécution faite le',
  'estimation.linkageMerged': 'Fiches de personnes fusionnées',
  'estimation.linkageMergedValue':
    'one: {records} fiches en {count} personne | other: {records} fiches en {count} personnes',
  'estimation.linkageUnreviewed': 'Paires encore à relire',
  'estimation.linkageNotReviewed':
    'Aucun relecteur n’a encore étiqueté de paire de cette exécution : ses groupes sont ceux du moteur seul.',
  'estimation.linkageOlder':
    'one: L’exécution est antérieure à {count} nouvelle victime : elle compte pour une personne. Relancez la liaison pour la relier. | other: L’exécution est antérieure à {count} nouvelles victimes : chacune compte pour une personne. Relancez la liaison pour les relier.',
  'estimation.linkageUnopened':
    'Victimes nommées du compartiment que l’exécution n’a pas pu ouvrir (scellées sous une clé que son auteur ne détenait pas), chacune comptée pour une personne : {count}.',
  'estimation.linkageUsed':
    'one: Personnes comptées avec l’exécution de liaison du {date} (« {list} », compartiment {compartment}) : {records} fiches liées comptent pour {count} personne. | other: Personnes comptées avec l’exécution de liaison du {date} (« {list} », compartiment {compartment}) : {records} fiches liées comptent pour {count} personnes.',
  'estimation.linkageNotUsed':
    'Aucune exécution de liaison : chaque fiche de personne compte pour elle-même.',
  'estimation.showOverlaps': 'Afficher les recoupements',
  'estimation.chooseTwo': 'Choisissez au moins deux listes.',
  'estimation.step.overlaps': '2. Recoupements',
  'estimation.openedTitle': 'Estimation enregistrée : {title}',
  'estimation.observed':
    'one: {count} personne figure sur au moins une liste. | other: {count} personnes figurent sur au moins une liste.',
  'estimation.upsetTitle': 'Recoupements entre les listes (diagramme UpSet)',
  'estimation.upsetCaption':
    'Chaque colonne est un groupe de personnes figurant exactement sur les listes marquées d’un point plein ; sa barre indique combien. Les barres de gauche donnent la taille de chaque liste.',
  'estimation.upsetTruncated':
    'Le diagramme montre les {count} groupes les plus grands ; le tableau les donne tous.',
  'estimation.listSize': 'Taille de la liste',
  'estimation.exactlyOn': 'Exactement sur ces listes',
  'estimation.people': 'Personnes',
  'estimation.intersections': 'Recoupements',
  'estimation.listSizes': 'Taille des listes',
  'estimation.downloadCsv': 'Télécharger le tableau des recoupements (CSV)',
  'estimation.notice.two-lists':
    'Deux listes seulement : l’estimation doit supposer qu’être sur une liste ne dit rien de la présence sur l’autre. Avec trois listes ou plus, la dépendance entre listes peut être modélisée.',
  'estimation.notice.empty-list': 'Ces listes ne comptent personne et ne peuvent pas servir : {lists}.',
  'estimation.notice.no-overlap':
    'Ces listes n’ont personne en commun : {lists}. Leur dépendance ne peut pas être estimée, et des listes qui ne se recoupent jamais ne couvrent peut-être pas la même population.',
  'estimation.notice.strata':
    'Le fichier a des strates : chaque strate est estimée séparément et les résultats sont additionnés. Le diagramme montre toutes les strates ensemble.',
  'estimation.step.model': '3. Modèle',
  'estimation.model': 'Comment les listes peuvent dépendre les unes des autres',
  'estimation.model.auto': 'Log-linéaire, choisi par AIC ou BIC',
  'estimation.model.auto.about':
    'Ajuste tous les modèles qui laissent des paires de listes dépendre l’une de l’autre (une organisation qui oriente des victimes vers une autre fait davantage se recouper leurs listes) et garde celui qui équilibre le mieux ajustement et simplicité. Le choix habituel ; il reproduit les analyses publiées.',
  'estimation.model.independence': 'Indépendance',
  'estimation.model.independence.about':
    'Suppose qu’être sur une liste ne dit rien de la présence sur une autre. Le modèle le plus simple ; quand les listes partagent des sources ou atteignent le même genre de personnes, il sous-estime.',
  'estimation.model.lcmcr': 'Classes latentes (LCMCR)',
  'estimation.model.lcmcr.about':
    'Un modèle bayésien qui permet à des groupes cachés de personnes d’être plus ou moins faciles à documenter sur toutes les listes (hétérogénéité), sans dire qui ils sont. Utilisé par HRDAG ; donne un intervalle de crédibilité.',
  'estimation.model.dga': 'Moyenne de modèles (dga)',
  'estimation.model.dga.about':
    'Au lieu de choisir un modèle, fait la moyenne des estimations de tous les modèles de dépendance, pondérées selon leur ajustement aux listes, de sorte que l’intervalle porte aussi l’incertitude sur le bon modèle. Pour trois à cinq listes.',
  'estimation.notAvailable': 'pas encore disponible dans cette installation',
  'estimation.criterion': 'Critère',
  'estimation.criterionHint':
    'L’AIC privilégie le meilleur ajustement ; le BIC pénalise davantage les modèles complexes et choisit souvent des modèles plus petits.',
  'estimation.run': 'Estimer',
  'estimation.running': 'Estimation en cours…',
  'estimation.step.result': '4. Estimation',
  'estimation.headline': 'Total estimé : {value} victimes ({interval} : de {lower} à {upper}).',
  'estimation.headlineNoInterval': 'Total estimé : {value} victimes (aucun intervalle n’a pu être calculé).',
  'estimation.noEstimate':
    'Aucune estimation n’est possible à partir de ces listes : voir pourquoi ci-dessous.',
  'estimation.undocumented':
    'one: {count} victime est documentée sur au moins une liste ; environ {missing} autres ne seraient pas documentées. | other: {count} victimes sont documentées sur au moins une liste ; environ {missing} autres ne seraient pas documentées.',
  'estimation.intervalTitle': 'L’estimation et son {interval}, avec le nombre documenté marqué',
  'estimation.intervalCaption':
    'La barre sombre représente les personnes documentées ; la bande, l’{interval} du total ; le point, l’estimation.',
  'estimation.documentedMark': 'documentées : {count}',
  'estimation.estimateMark': 'estimation : {value}',
  'estimation.intervalRange': '{interval} : de {lower} à {upper}',
  'estimation.interval.confidence': 'intervalle de confiance à 95 %',
  'estimation.interval.credible': 'intervalle de crédibilité à 95 %',
  'estimation.figures': 'Les chiffres',
  'estimation.documented': 'Documentées',
  'estimation.estimate': 'Estimation',
  'estimation.lower': 'Borne basse de l’{interval}',
  'estimation.upper': 'Borne haute de l’{interval}',
  'estimation.modelUsed': 'Modèle',
  'estimation.dependence': 'Dépendance entre listes',
  'estimation.noInteractions': 'aucune (indépendance)',
  'estimation.models': 'Les {shown} meilleurs des {count} modèles ajustés, le meilleur d’abord',
  'estimation.deviance': 'Déviance / ddl',
  'estimation.engineWarnings': 'Remarques de l’estimateur (en anglais)',
  'estimation.caveats': 'Avant de citer ce chiffre',
  'estimation.caveat.dependence': 'Dépendance entre listes',
  'estimation.caveat.dependence.about':
    'Si des organisations partagent des informations ou s’orientent des victimes, leurs listes se recoupent plus que le hasard, et l’estimation est trop basse. Les modèles avec dépendance en absorbent une partie entre paires de listes, jamais tout.',
  'estimation.caveat.heterogeneity': 'Certaines victimes sont plus faciles à documenter',
  'estimation.caveat.heterogeneity.about':
    'Les personnes en ville, de familles connues ou tuées lors de grands événements ont plus de chances d’être sur toutes les listes. Elles font paraître les listes dépendantes et tirent l’estimation vers le bas. Estimer séparément par lieu ou par période (strates) aide.',
  'estimation.caveat.closed': 'La même population',
  'estimation.caveat.closed.about':
    'Chaque liste doit pouvoir enregistrer les mêmes personnes : même lieu, même période, même type de violation. Une liste couvrant une autre période ou une autre région met la méthode en défaut.',
  'estimation.caveat.linkage': 'Erreurs de rapprochement',
  'estimation.caveat.linkage.about':
    'Chaque personne doit être une seule fiche. La même personne comptée deux fois (un rapprochement manqué) gonfle l’estimation ; deux personnes fusionnées (un faux rapprochement) la réduisent. Vérifiez d’abord le rapprochement des fiches.',
  'estimation.caveat.modelChoice': 'Le modèle est un choix',
  'estimation.caveat.modelChoice.about':
    'L’intervalle suppose que le modèle choisi est le bon. D’autres modèles presque aussi bien ajustés peuvent donner des chiffres très différents : lisez le tableau des modèles avant d’en citer un.',
  'estimation.saveTitle': 'Nom de cette estimation',
  'estimation.save': 'Enregistrer l’estimation',
  'estimation.saved': 'Enregistrée sous « {title} ».',
  'estimation.saveHint':
    'L’enregistrement garde les noms des listes, les effectifs des recoupements, le modèle et le résultat — jamais un nom ni une ligne d’un fichier téléversé.',
  'estimation.savedTitle': 'Estimations enregistrées',
  'estimation.noneSaved': 'Aucune estimation n’a encore été enregistrée.',
  'estimation.savedName': 'Nom',
  'estimation.savedWhen': 'Enregistrée',
  'estimation.savedBy': 'Par',
  'estimation.open': 'Ouvrir',
  'estimation.openNamed': 'Ouvrir « {title} »',
} satisfies Translation<typeof en>;
