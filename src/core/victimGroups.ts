/**
 * Victim groups (vocabulary v2): who an act was done to, as a code with labels in the five interface
 * languages, so a Portuguese source reads "pelo menos 100 homens" in a Portuguese interface rather
 * than a mix of languages. Extraction proposes these codes; the words the source used stay in
 * `victims.text`. A reviewer may still type a group of their own: stored groups are not restricted
 * to this list, and a group that is not a code is shown as written.
 */
import { z } from 'zod';
import type { Labels } from './vocabulary.ts';

export const VICTIM_GROUP_LABELS = {
  people: { en: 'people', pt: 'pessoas', es: 'personas', ru: 'человек', fr: 'personnes' },
  men: { en: 'men', pt: 'homens', es: 'hombres', ru: 'мужчин', fr: 'hommes' },
  women: { en: 'women', pt: 'mulheres', es: 'mujeres', ru: 'женщин', fr: 'femmes' },
  children: { en: 'children', pt: 'crianças', es: 'niños', ru: 'детей', fr: 'enfants' },
  girls: { en: 'girls', pt: 'meninas', es: 'niñas', ru: 'девочек', fr: 'filles' },
  minors: { en: 'minors', pt: 'menores', es: 'menores', ru: 'несовершеннолетних', fr: 'mineurs' },
  adolescents: {
    en: 'adolescents',
    pt: 'adolescentes',
    es: 'adolescentes',
    ru: 'подростков',
    fr: 'adolescents',
  },
  'young-people': { en: 'young people', pt: 'jovens', es: 'jóvenes', ru: 'молодых людей', fr: 'jeunes' },
  'young-black-men': {
    en: 'young Black men',
    pt: 'jovens negros',
    es: 'jóvenes negros',
    ru: 'молодых темнокожих мужчин',
    fr: 'jeunes hommes noirs',
  },
  relatives: { en: 'relatives', pt: 'familiares', es: 'familiares', ru: 'родственников', fr: 'proches' },
  families: { en: 'families', pt: 'famílias', es: 'familias', ru: 'семей', fr: 'familles' },
  nationals: {
    en: 'nationals of a named country',
    pt: 'cidadãos de um país nomeado',
    es: 'nacionales de un país nombrado',
    ru: 'граждан названной страны',
    fr: 'ressortissants d’un pays nommé',
  },
  'gay-men': { en: 'gay men', pt: 'homens gays', es: 'hombres gais', ru: 'геев', fr: 'hommes gays' },
  'gay-bisexual-men': {
    en: 'gay and bisexual men',
    pt: 'homens gays e bissexuais',
    es: 'hombres gais y bisexuales',
    ru: 'геев и бисексуальных мужчин',
    fr: 'hommes gays et bisexuels',
  },
  'lgbt-people': {
    en: 'LGBT people',
    pt: 'pessoas LGBT',
    es: 'personas LGBT',
    ru: 'ЛГБТ-людей',
    fr: 'personnes LGBT',
  },
  'lgbt-activists': {
    en: 'LGBT activists',
    pt: 'ativistas LGBT',
    es: 'activistas LGBT',
    ru: 'ЛГБТ-активистов',
    fr: 'militants LGBT',
  },
  activists: { en: 'activists', pt: 'ativistas', es: 'activistas', ru: 'активистов', fr: 'militants' },
  'human-rights-defenders': {
    en: 'human rights defenders',
    pt: 'defensores de direitos humanos',
    es: 'defensores de derechos humanos',
    ru: 'правозащитников',
    fr: 'défenseurs des droits humains',
  },
  journalists: {
    en: 'journalists',
    pt: 'jornalistas',
    es: 'periodistas',
    ru: 'журналистов',
    fr: 'journalistes',
  },
  bloggers: { en: 'bloggers', pt: 'blogueiros', es: 'blogueros', ru: 'блогеров', fr: 'blogueurs' },
  lawyers: { en: 'lawyers', pt: 'advogados', es: 'abogados', ru: 'адвокатов', fr: 'avocats' },
  protesters: {
    en: 'protesters',
    pt: 'manifestantes',
    es: 'manifestantes',
    ru: 'протестующих',
    fr: 'manifestants',
  },
  students: { en: 'students', pt: 'estudantes', es: 'estudiantes', ru: 'студентов', fr: 'étudiants' },
  workers: { en: 'workers', pt: 'trabalhadores', es: 'trabajadores', ru: 'рабочих', fr: 'travailleurs' },
  'trade-unionists': {
    en: 'trade unionists',
    pt: 'sindicalistas',
    es: 'sindicalistas',
    ru: 'профсоюзных активистов',
    fr: 'syndicalistes',
  },
  farmers: { en: 'farmers', pt: 'agricultores', es: 'agricultores', ru: 'фермеров', fr: 'agriculteurs' },
  peasants: { en: 'peasants', pt: 'camponeses', es: 'campesinos', ru: 'крестьян', fr: 'paysans' },
  'indigenous-people': {
    en: 'Indigenous people',
    pt: 'indígenas',
    es: 'indígenas',
    ru: 'представителей коренных народов',
    fr: 'autochtones',
  },
  'community-leaders': {
    en: 'community leaders',
    pt: 'lideranças comunitárias',
    es: 'líderes comunitarios',
    ru: 'общественных лидеров',
    fr: 'responsables communautaires',
  },
  'community-members': {
    en: 'community members',
    pt: 'membros da comunidade',
    es: 'miembros de la comunidad',
    ru: 'членов общины',
    fr: 'membres de la communauté',
  },
  'social-leaders': {
    en: 'social leaders',
    pt: 'líderes sociais',
    es: 'líderes sociales',
    ru: 'общественных активистов',
    fr: 'leaders sociaux',
  },
  'opposition-members': {
    en: 'opposition members',
    pt: 'opositores',
    es: 'opositores',
    ru: 'оппозиционеров',
    fr: 'opposants',
  },
  believers: { en: 'believers', pt: 'fiéis', es: 'creyentes', ru: 'верующих', fr: 'croyants' },
  'jehovahs-witnesses': {
    en: 'Jehovah’s Witnesses',
    pt: 'Testemunhas de Jeová',
    es: 'Testigos de Jehová',
    ru: 'Свидетелей Иеговы',
    fr: 'Témoins de Jéhovah',
  },
  'crimean-tatars': {
    en: 'Crimean Tatars',
    pt: 'tártaros da Crimeia',
    es: 'tártaros de Crimea',
    ru: 'крымских татар',
    fr: 'Tatars de Crimée',
  },
  civilians: { en: 'civilians', pt: 'civis', es: 'civiles', ru: 'мирных жителей', fr: 'civils' },
  citizens: { en: 'citizens', pt: 'cidadãos', es: 'ciudadanos', ru: 'граждан', fr: 'citoyens' },
  residents: { en: 'residents', pt: 'moradores', es: 'residentes', ru: 'жителей', fr: 'habitants' },
  villagers: { en: 'villagers', pt: 'aldeões', es: 'aldeanos', ru: 'сельских жителей', fr: 'villageois' },
  migrants: { en: 'migrants', pt: 'migrantes', es: 'migrantes', ru: 'мигрантов', fr: 'migrants' },
  refugees: { en: 'refugees', pt: 'refugiados', es: 'refugiados', ru: 'беженцев', fr: 'réfugiés' },
  detainees: { en: 'detainees', pt: 'detidos', es: 'detenidos', ru: 'задержанных', fr: 'détenus' },
  prisoners: { en: 'prisoners', pt: 'presos', es: 'presos', ru: 'заключённых', fr: 'prisonniers' },
  'political-prisoners': {
    en: 'political prisoners',
    pt: 'presos políticos',
    es: 'presos políticos',
    ru: 'политзаключённых',
    fr: 'prisonniers politiques',
  },
  suspects: { en: 'suspects', pt: 'suspeitos', es: 'sospechosos', ru: 'подозреваемых', fr: 'suspects' },
  survivors: { en: 'survivors', pt: 'sobreviventes', es: 'sobrevivientes', ru: 'выживших', fr: 'survivants' },
  victims: { en: 'victims', pt: 'vítimas', es: 'víctimas', ru: 'пострадавших', fr: 'victimes' },
} as const satisfies Record<string, Labels>;

export type VictimGroup = keyof typeof VICTIM_GROUP_LABELS;
export const VICTIM_GROUPS = Object.keys(VICTIM_GROUP_LABELS) as [VictimGroup, ...VictimGroup[]];
export const VictimGroup = z.enum(VICTIM_GROUPS);

/**
 * The v1 group names (free English text) and the v2 code each became; migration 070 rewrites stored
 * records with this table. Singular and plural named the same group and are one code now.
 */
export const V1_VICTIM_GROUPS: Readonly<Record<string, VictimGroup>> = {
  'Crimean Tatars': 'crimean-tatars',
  "Jehovah's Witnesses": 'jehovahs-witnesses',
  'LGBT activists': 'lgbt-activists',
  'LGBT people': 'lgbt-people',
  activist: 'activists',
  child: 'children',
  'community leaders': 'community-leaders',
  'community members': 'community-members',
  'gay and bisexual men': 'gay-bisexual-men',
  'gay men': 'gay-men',
  'human rights defenders': 'human-rights-defenders',
  'indigenous people': 'indigenous-people',
  journalist: 'journalists',
  man: 'men',
  'opposition members': 'opposition-members',
  'political prisoners': 'political-prisoners',
  'social leader': 'social-leaders',
  'social leaders': 'social-leaders',
  'trade unionists': 'trade-unionists',
  woman: 'women',
  'young black men': 'young-black-men',
  'young people': 'young-people',
};
