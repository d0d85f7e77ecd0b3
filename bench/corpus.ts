/**
 * A deterministic corpus of news-size texts (3–5 KB) in pt, en, es, ru and fr for benchmarks:
 * reports of detentions, killings, torture, threats, disappearances and displacement with official
 * denials and responses, mixed with texts that report no violation (sport, weather, economy), so a
 * benchmark exercises both what extraction finds and what it must leave alone. Generated from
 * sentence templates with a seeded generator: the same (count, seed) always gives the same texts.
 */
import { seededRandom } from '../src/analysis/seededRandom.ts';

export interface NewsText {
  lang: string;
  text: string;
  published: string;
}

interface LanguageKit {
  places: string[];
  numbers: string[];
  groups: string[];
  actors: string[];
  days: string[];
  orgs: string[];
  /** Sentences reporting acts, denials and responses; {slots} are filled from the lists above. */
  report: string[];
  /** Sentences with no violation: sport, weather, economy, culture. */
  neutral: string[];
}

const KITS: Record<string, LanguageKit> = {
  pt: {
    places: ['Moscou', 'Chechênia', 'Rio de Janeiro', 'São Paulo', 'Belém', 'Manaus', 'Luanda', 'Maputo'],
    numbers: ['cinco', 'mais de cem', 'pelo menos três', '12', 'dezenas de', '40', 'cerca de 200', 'dois'],
    groups: ['ativistas', 'jornalistas', 'homens', 'manifestantes', 'moradores', 'estudantes', 'indígenas'],
    actors: [
      'a polícia militar',
      'as forças de segurança',
      'homens armados',
      'o exército',
      'agentes da polícia federal',
    ],
    days: ['na segunda-feira', 'na quinta-feira', 'em março', 'em 11 de maio', 'ontem', 'no domingo'],
    orgs: [
      'a Anistia Internacional',
      'a Human Rights Watch',
      'a Defensoria Pública',
      'o jornal Folha de S.Paulo',
    ],
    report: [
      '{N} {G} foram detidos em {P} {D}, segundo {O}.',
      'Pelo menos {N} {G} foram mortos durante uma operação de {A} em {P} {D}.',
      'Sobreviventes relataram espancamentos e tortura nas mãos de {A}.',
      'Jornalistas que cobriam o protesto foram ameaçados por {A}.',
      'Familiares afirmam que dois {G} desapareceram após serem levados por {A}.',
      'Dezenas de famílias fugiram de {P} depois dos ataques.',
      'O governo negou qualquer abuso e afirmou que não há provas de tortura.',
      'A polícia disse que não recebeu nenhuma queixa.',
      '{O} pediu uma investigação independente e condenou a violência.',
      'Organizações locais estão evacuando vítimas para casas seguras.',
      'Advogados entraram com uma ação judicial e um pedido de habeas corpus.',
      'Mais de 10 mil pessoas assinaram uma petição pedindo a libertação dos presos.',
    ],
    neutral: [
      'O Flamengo venceu o Palmeiras por 3 a 1 no Maracanã {D}.',
      'A previsão do tempo indica chuva forte em {P} durante o fim de semana.',
      'O Banco Central manteve a taxa de juros em 10,5% ao ano.',
      'A feira do livro de {P} recebeu milhares de visitantes {D}.',
      'O time de vôlei conquistou o título estadual pela quarta vez.',
      'Os preços dos alimentos subiram 0,4% no mês passado, segundo o instituto.',
    ],
  },
  en: {
    places: ['Minsk', 'Moscow', 'Grozny', 'London', 'Lagos', 'Kampala', 'Manila', 'Tbilisi'],
    numbers: ['five', 'more than 100', 'at least three', '12', 'dozens of', '40', 'about 200', 'two'],
    groups: ['activists', 'journalists', 'men', 'protesters', 'residents', 'students', 'lawyers'],
    actors: ['riot police', 'security forces', 'armed men', 'the army', 'plain-clothes officers'],
    days: ['on Monday', 'on Thursday', 'in March', 'on 11 May', 'last week', 'on Sunday'],
    orgs: [
      'Amnesty International',
      'Human Rights Watch',
      'the rights group Viasna',
      'the newspaper The Guardian',
    ],
    report: [
      'Police detained {N} {G} in {P} {D}, according to {O}.',
      'At least {N} {G} were killed when {A} opened fire in {P} {D}.',
      'Survivors described beatings and torture at the hands of {A}.',
      'Journalists covering the protest were threatened by {A}.',
      'Relatives say two {G} disappeared after being taken away by {A}.',
      'Hundreds of families fled {P} after the raids.',
      'The interior ministry denied the allegations and said there was no evidence of abuse.',
      'A police spokesperson said no complaints had been received.',
      '{O} called for an independent investigation and condemned the violence.',
      'Local groups have evacuated dozens of people to safe houses.',
      'Lawyers filed a lawsuit on behalf of the detainees.',
      'More than 10,000 people signed a petition demanding their release.',
    ],
    neutral: [
      'Liverpool killed it at Anfield {D}, beating Chelsea 4-1.',
      'Forecasters expect heavy rain in {P} over the weekend.',
      'The central bank held interest rates at 5.25% for a third month.',
      'The book fair in {P} drew thousands of visitors {D}.',
      'Critics called the sitcom an exercise in arrested development.',
      'Food prices rose 0.4% last month, the statistics office said.',
    ],
  },
  es: {
    places: ['Caracas', 'Bogotá', 'Arauca', 'Managua', 'Ciudad de México', 'Guerrero', 'Lima', 'Tegucigalpa'],
    numbers: ['cinco', 'más de cien', 'al menos tres', '12', 'decenas de', '40', 'unos 200', 'dos'],
    groups: [
      'activistas',
      'periodistas',
      'hombres',
      'manifestantes',
      'campesinos',
      'estudiantes',
      'indígenas',
    ],
    actors: [
      'la policía',
      'las fuerzas de seguridad',
      'hombres armados',
      'el ejército',
      'agentes de la guardia nacional',
    ],
    days: ['el lunes', 'el jueves', 'en marzo', 'el 11 de mayo', 'ayer', 'el domingo'],
    orgs: ['Amnistía Internacional', 'la Defensoría del Pueblo', 'el diario El País', 'Human Rights Watch'],
    report: [
      '{N} {G} fueron detenidos en {P} {D}, según {O}.',
      'Al menos {N} {G} fueron asesinados durante un operativo de {A} en {P} {D}.',
      'Los sobrevivientes denunciaron golpizas y torturas por parte de {A}.',
      'Periodistas que cubrían la protesta fueron amenazados por {A}.',
      'Familiares afirman que dos {G} desaparecieron tras ser llevados por {A}.',
      'Cientos de familias huyeron de {P} tras los ataques.',
      'El gobierno negó los abusos y afirmó que no hay pruebas de tortura.',
      'La policía dijo que no ha recibido ninguna denuncia.',
      '{O} exigió una investigación independiente y condenó la violencia.',
      'Organizaciones locales evacuaron a decenas de personas a casas seguras.',
      'Los abogados presentaron un recurso de amparo y un habeas corpus.',
      'Más de 10.000 personas firmaron una petición para exigir su liberación.',
    ],
    neutral: [
      'El Real Madrid mató el partido en el segundo tiempo y ganó 3-0 {D}.',
      'Se esperan fuertes lluvias en {P} durante el fin de semana.',
      'El banco central mantuvo la tasa de interés en 11,25%.',
      'La feria del libro de {P} recibió a miles de visitantes {D}.',
      'La selección femenina ganó el torneo regional por cuarta vez.',
      'Los precios de los alimentos subieron un 0,4% el mes pasado.',
    ],
  },
  ru: {
    places: ['Москве', 'Грозном', 'Чечне', 'Санкт-Петербурге', 'Казани', 'Минске', 'Махачкале', 'Крыму'],
    numbers: ['пятеро', 'более ста', 'не менее трех', '12', 'десятки', '40', 'около 200', 'двое'],
    groups: [
      'активистов',
      'журналистов',
      'мужчин',
      'участников акции',
      'жителей',
      'студентов',
      'правозащитников',
    ],
    actors: ['силовики', 'сотрудники полиции', 'вооруженные люди', 'военные', 'сотрудники ФСБ'],
    days: ['в понедельник', 'в четверг', 'в марте', '11 мая', 'вчера', 'в воскресенье'],
    orgs: ['«Новая газета»', 'ОВД-Инфо', '«Мемориал»', 'Amnesty International'],
    report: [
      'В {P} {D} задержаны {N} {G}, сообщает {O}.',
      'По данным {O}, не менее {N} {G} были убиты во время операции в {P}.',
      'Выжившие рассказали о пытках и избиениях со стороны силовиков.',
      'Журналистам, освещавшим акцию, угрожали {A}.',
      'Родственники заявили, что двое {G} пропали без вести после задержания.',
      'Десятки семей были вынуждены покинуть {P} после рейдов.',
      'Власти отрицают обвинения и заявляют, что нет доказательств пыток.',
      'В полиции заявили, что жалоб не поступало.',
      '{O} призвал провести независимое расследование и осудил насилие.',
      'Правозащитники эвакуировали десятки человек в безопасные места.',
      'Адвокаты подали иск в суд и жалобу в ЕСПЧ.',
      'Более 10 тысяч человек подписали петицию с требованием освобождения.',
    ],
    neutral: [
      '«Спартак» обыграл «Зенит» со счетом 3:0 {D}.',
      'Синоптики обещают сильный дождь в {P} в выходные.',
      'Центробанк сохранил ключевую ставку на уровне 16%.',
      'Книжная ярмарка в {P} собрала тысячи посетителей {D}.',
      'Сборная по волейболу в четвертый раз выиграла турнир.',
      'Цены на продукты выросли на 0,4% за месяц, сообщил Росстат.',
    ],
  },
  fr: {
    places: ['Bamako', 'Paris', 'Kinshasa', 'Dakar', 'Abidjan', 'Conakry', 'Lyon', 'Port-au-Prince'],
    numbers: ['cinq', 'plus de cent', 'au moins trois', '12', 'des dizaines de', '40', 'environ 200', 'deux'],
    groups: ['militants', 'journalistes', 'hommes', 'manifestants', 'habitants', 'étudiants', 'opposants'],
    actors: ['la police', 'les forces de sécurité', 'des hommes armés', "l'armée", 'des gendarmes'],
    days: ['lundi', 'jeudi', 'en mars', 'le 11 mai', 'hier', 'dimanche'],
    orgs: [
      'Amnesty International',
      'Human Rights Watch',
      'le quotidien Le Monde',
      'la Ligue des droits de l’homme',
    ],
    report: [
      '{N} {G} ont été arrêtés à {P} {D}, selon {O}.',
      'Au moins {N} {G} ont été tués lors d’une opération de {A} à {P} {D}.',
      'Des survivants ont décrit des passages à tabac et des tortures infligés par {A}.',
      'Des journalistes qui couvraient la manifestation ont été menacés par {A}.',
      'Des proches affirment que deux {G} ont disparu après avoir été emmenés par {A}.',
      'Des centaines de familles ont fui {P} après les raids.',
      'Le gouvernement a démenti ces accusations et affirme qu’il n’y a aucune preuve de torture.',
      'La police a déclaré n’avoir reçu aucune plainte.',
      '{O} a demandé une enquête indépendante et a condamné les violences.',
      'Des associations ont évacué des dizaines de personnes vers des maisons sûres.',
      'Les avocats ont déposé une plainte et saisi la justice.',
      'Plus de 10 000 personnes ont signé une pétition réclamant leur libération.',
    ],
    neutral: [
      'Le PSG a tué le match dès la première mi-temps {D} en battant Lyon 3-0.',
      'De fortes pluies sont attendues à {P} ce week-end.',
      'La banque centrale a maintenu son taux directeur à 4,5 %.',
      'Le salon du livre de {P} a attiré des milliers de visiteurs {D}.',
      'L’équipe de volley a remporté le tournoi pour la quatrième fois.',
      'Les prix alimentaires ont augmenté de 0,4 % le mois dernier.',
    ],
  },
};

export const CORPUS_LANGUAGES = Object.keys(KITS);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function fill(template: string, kit: LanguageKit, random: () => number): string {
  return template
    .replaceAll('{N}', pick(random, kit.numbers))
    .replaceAll('{G}', pick(random, kit.groups))
    .replaceAll('{P}', pick(random, kit.places))
    .replaceAll('{A}', pick(random, kit.actors))
    .replaceAll('{D}', pick(random, kit.days))
    .replaceAll('{O}', pick(random, kit.orgs))
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

function publishedDate(random: () => number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/**
 * `count` texts, languages in turn, each 3–5 KB in paragraphs of three or four sentences. One text
 * in five reports no violation at all; the others mix reports with everyday news.
 */
export function generateNewsTexts(count: number, seed: number): NewsText[] {
  const random = seededRandom(seed);
  const out: NewsText[] = [];
  for (let i = 0; i < count; i++) {
    const lang = CORPUS_LANGUAGES[i % CORPUS_LANGUAGES.length]!;
    const kit = KITS[lang]!;
    const quiet = random() < 0.2;
    const target = 3000 + Math.floor(random() * 2000);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      const sentences: string[] = [];
      const size = 3 + Math.floor(random() * 2);
      for (let s = 0; s < size; s++) {
        const pool = quiet || random() < 0.35 ? kit.neutral : kit.report;
        sentences.push(fill(pick(random, pool), kit, random));
      }
      const paragraph = sentences.join(' ');
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    out.push({ lang, text: paragraphs.join('\n\n'), published: publishedDate(random) });
  }
  return out;
}

/** Typical search queries over this corpus: common words in each language, rarer phrases, absent words. */
export const SEARCH_QUERIES = [
  'ativista preso',
  'detenção em massa',
  'tortura Chechênia',
  'journalists threatened',
  'police detained protesters',
  'killed in custody',
  'задержаны мужчины',
  'пытки в Чечне',
  'журналисты угрозы',
  'activistas detenidos',
  'desaparición forzada',
  'militants arrêtés',
  'torture Tchétchénie',
  'evacuation asylum',
  'investigation denied',
];
