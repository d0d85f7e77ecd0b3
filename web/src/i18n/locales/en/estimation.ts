export default {
  'nav.estimation': 'Estimation',
  'estimation.title': 'Estimate the undocumented',
  'estimation.intro':
    'Lists that documented the same violations independently overlap: how much they overlap tells how many victims no list recorded (multiple systems estimation). Choose at least two lists, look at their overlaps, choose a model, then read the estimate with its interval and its caveats.',
  'estimation.step.lists': '1. Lists',
  'estimation.origin': 'Where the lists come from',
  'estimation.fromDatabase': 'Lists from the database',
  'estimation.fromUpload': 'Upload a lists file',
  'estimation.file': 'Lists file (CSV)',
  'estimation.fileHint':
    'One 0/1 column per list and a “count” column (one row per pattern), or one row per person after record linkage (optional “id” column); an optional “stratum” column. The file is read for this page only: nothing of it is stored unless you save the estimate, and then only the counts.',
  'estimation.fileKept': 'Read from {name}.',
  'estimation.databaseHint':
    'A list is a source, a publisher (all sources from one website) or an organisation recorded as the source of acts, with the named victims of the acts it reported. Each person is counted once per list; two records of one person count once when a linkage run links them (below).',
  'estimation.chooseLists': 'Lists with named victims',
  'estimation.use': 'Use',
  'estimation.useList': 'Use {list}',
  'estimation.list': 'List',
  'estimation.kind': 'Kind',
  'estimation.kindSource': 'Source',
  'estimation.kindPublisher': 'Publisher',
  'estimation.kindOrganisation': 'Organisation',
  'estimation.namedVictims': 'Named victims',
  'estimation.sealedSource': 'Sealed source {id}',
  'estimation.noLists':
    'No source or organisation has named victims yet: link victims to acts, or upload a lists file.',
  'estimation.linkage': 'Count linked records as one person',
  'estimation.linkageHint':
    'The same person entered from two reports is two records, and would count as two people: the estimate would come out too high, without a sign. A run of record linkage over the database (the Linkage page) links such records, and reviewers’ labels decide the doubtful pairs. The latest reviewed run is chosen by default; victims of other compartments, and those recorded after the run, count as themselves.',
  'estimation.linkageRun': 'Latest run of “{list}” (compartment {compartment}), {date}',
  'estimation.linkageNone': 'None: count each person record on its own',
  'estimation.linkageNoRuns':
    'No linkage run of the database yet: each person record counts on its own. Run record linkage on the Linkage page to count two records of one person once.',
  'estimation.linkageMade': 'Run made',
  'estimation.linkageMerged': 'Person records merged',
  'estimation.linkageMergedValue':
    'one: {records} records into {count} person | other: {records} records into {count} persons',
  'estimation.linkageUnreviewed': 'Pairs still unreviewed',
  'estimation.linkageNotReviewed':
    'No reviewer has labelled a pair of this run yet: its clusters are the engine’s alone.',
  'estimation.linkageOlder':
    'one: The run is older than {count} new victim: they count as one person. Run linkage again to link them. | other: The run is older than {count} new victims: each of them counts as one person. Run linkage again to link them.',
  'estimation.linkageUnopened':
    'Named victims of the compartment the run could not open (sealed under a key its author did not hold), each counted as one person: {count}.',
  'estimation.linkageUsed':
    'one: Persons counted with the linkage run of {date} (“{list}”, compartment {compartment}): {records} linked records count as {count} person. | other: Persons counted with the linkage run of {date} (“{list}”, compartment {compartment}): {records} linked records count as {count} persons.',
  'estimation.linkageNotUsed': 'No linkage run used: each person record counts on its own.',
  'estimation.showOverlaps': 'Show overlaps',
  'estimation.chooseTwo': 'Choose at least two lists.',
  'estimation.step.overlaps': '2. Overlaps',
  'estimation.openedTitle': 'Saved estimate: {title}',
  'estimation.observed':
    'one: {count} person is on at least one list. | other: {count} people are on at least one list.',
  'estimation.upsetTitle': 'Overlaps between the lists (UpSet chart)',
  'estimation.upsetCaption':
    'Each column is a group of people on exactly the lists marked by filled dots; its bar is how many. The bars on the left are the size of each list.',
  'estimation.upsetTruncated': 'The chart shows the {count} largest groups; the table lists them all.',
  'estimation.listSize': 'List size',
  'estimation.exactlyOn': 'On exactly these lists',
  'estimation.people': 'People',
  'estimation.intersections': 'Overlaps',
  'estimation.listSizes': 'List sizes',
  'estimation.downloadCsv': 'Download the overlap table (CSV)',
  'estimation.notice.two-lists':
    'Only two lists: the estimate must assume that being on one list says nothing about being on the other. With three or more lists, dependence between lists can be modelled.',
  'estimation.notice.empty-list': 'These lists have nobody on them and cannot be used: {lists}.',
  'estimation.notice.no-overlap':
    'These lists share nobody: {lists}. Their dependence cannot be estimated, and lists that never overlap may not cover the same population.',
  'estimation.notice.strata':
    'The file has strata: each stratum is estimated on its own and the results are added up. The chart shows all strata together.',
  'estimation.step.model': '3. Model',
  'estimation.model': 'How lists may depend on each other',
  'estimation.model.auto': 'Log-linear, chosen by AIC or BIC',
  'estimation.model.auto.about':
    'Fits every model that lets pairs of lists depend on each other (an organisation that refers victims to another makes their lists overlap more) and keeps the one that best balances fit and simplicity. The usual choice; it reproduces published analyses.',
  'estimation.model.independence': 'Independence',
  'estimation.model.independence.about':
    'Assumes that being on one list says nothing about being on another. The simplest model; when lists share sources or reach the same kind of people it underestimates.',
  'estimation.model.lcmcr': 'Latent classes (LCMCR)',
  'estimation.model.lcmcr.about':
    'A Bayesian model that lets hidden groups of people be easier or harder to document on every list (heterogeneity), without saying who they are. Used by HRDAG; gives a credible interval.',
  'estimation.model.dga': 'Model averaging (dga)',
  'estimation.model.dga.about':
    'Instead of choosing one model, averages the estimates of every dependence model, weighted by how well each fits the lists, so the interval also carries the uncertainty about which model is right. For three to five lists.',
  'estimation.notAvailable': 'not available in this installation yet',
  'estimation.criterion': 'Criterion',
  'estimation.criterionHint':
    'AIC favours the best fit; BIC penalises complex models more and tends to choose smaller ones.',
  'estimation.run': 'Estimate',
  'estimation.running': 'Estimating…',
  'estimation.step.result': '4. Estimate',
  'estimation.headline': 'Estimated total: {value} victims ({interval}: {lower} to {upper}).',
  'estimation.headlineNoInterval': 'Estimated total: {value} victims (no interval could be computed).',
  'estimation.noEstimate': 'No estimate can be made from these lists: see why below.',
  'estimation.undocumented':
    'one: {count} is documented on at least one list; about {missing} more are estimated undocumented. | other: {count} are documented on at least one list; about {missing} more are estimated undocumented.',
  'estimation.intervalTitle': 'The estimate and its {interval}, with the documented count marked',
  'estimation.intervalCaption':
    'The dark bar is the people documented; the band is the {interval} of the total; the dot is the estimate.',
  'estimation.documentedMark': 'documented: {count}',
  'estimation.estimateMark': 'estimate: {value}',
  'estimation.intervalRange': '{interval}: {lower} to {upper}',
  'estimation.interval.confidence': '95% confidence interval',
  'estimation.interval.credible': '95% credible interval',
  'estimation.figures': 'The figures',
  'estimation.documented': 'Documented',
  'estimation.estimate': 'Estimate',
  'estimation.lower': '{interval}, lower',
  'estimation.upper': '{interval}, upper',
  'estimation.modelUsed': 'Model',
  'estimation.dependence': 'Dependence between lists',
  'estimation.noInteractions': 'none (independence)',
  'estimation.models': 'The best {shown} of {count} models fitted, best first',
  'estimation.deviance': 'Deviance / df',
  'estimation.engineWarnings': 'Notes from the estimator (in English)',
  'estimation.caveats': 'Before quoting this figure',
  'estimation.caveat.dependence': 'List dependence',
  'estimation.caveat.dependence.about':
    'If organisations share information or refer victims to each other, their lists overlap more than chance, and the estimate comes out too low. Models with dependence absorb some of it between pairs of lists, never all.',
  'estimation.caveat.heterogeneity': 'Some victims are easier to document',
  'estimation.caveat.heterogeneity.about':
    'People in cities, from known families or killed in large events are more likely to be on every list. They make the lists look dependent and push the estimate down. Estimating separately by place or period (strata) helps.',
  'estimation.caveat.closed': 'The same population',
  'estimation.caveat.closed.about':
    'Every list must be able to record the same people: the same place, period and kind of violation. A list covering another period or region breaks the method.',
  'estimation.caveat.linkage': 'Linkage errors',
  'estimation.caveat.linkage.about':
    'Each person must be one record. The same person counted twice (a missed match) inflates the estimate; two people merged into one (a false match) deflates it. Review record linkage first.',
  'estimation.caveat.modelChoice': 'The model is a choice',
  'estimation.caveat.modelChoice.about':
    'The interval assumes the chosen model is right. Other models that fit almost as well can give quite different numbers: read the table of models before quoting one.',
  'estimation.saveTitle': 'Name of this estimate',
  'estimation.save': 'Save the estimate',
  'estimation.saved': 'Saved as “{title}”.',
  'estimation.saveHint':
    'Saving keeps the list names, the overlap counts, the model and the result — never a name or row of an uploaded file.',
  'estimation.savedTitle': 'Saved estimates',
  'estimation.noneSaved': 'No estimate has been saved yet.',
  'estimation.savedName': 'Name',
  'estimation.savedWhen': 'Saved',
  'estimation.savedBy': 'By',
  'estimation.open': 'Open',
  'estimation.openNamed': 'Open “{title}”',
};
