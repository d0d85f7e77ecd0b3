-- Vocabulary v2 (docs/vocabulary.md): victim groups are codes. v1 stored them as English text; the
-- ones that were not already a code (several words, or a singular) are rewritten here, in the acts,
-- their evidence and the suggestions kept with each source. Event types need nothing: every v1 code
-- is a v2 code. Record history (record_versions) and the audit log keep what was true when written.
create temporary table v1_victim_groups (v1 text primary key, v2 text not null);
insert into v1_victim_groups (v1, v2) values
  ('Crimean Tatars', 'crimean-tatars'),
  ('Jehovah''s Witnesses', 'jehovahs-witnesses'),
  ('LGBT activists', 'lgbt-activists'),
  ('LGBT people', 'lgbt-people'),
  ('activist', 'activists'),
  ('child', 'children'),
  ('community leaders', 'community-leaders'),
  ('community members', 'community-members'),
  ('gay and bisexual men', 'gay-bisexual-men'),
  ('gay men', 'gay-men'),
  ('human rights defenders', 'human-rights-defenders'),
  ('indigenous people', 'indigenous-people'),
  ('journalist', 'journalists'),
  ('man', 'men'),
  ('opposition members', 'opposition-members'),
  ('political prisoners', 'political-prisoners'),
  ('social leader', 'social-leaders'),
  ('social leaders', 'social-leaders'),
  ('trade unionists', 'trade-unionists'),
  ('woman', 'women'),
  ('young black men', 'young-black-men'),
  ('young people', 'young-people');

update acts a set victim_group = g.v2 from v1_victim_groups g where a.victim_group = g.v1;
update act_evidence e set victim_group = g.v2 from v1_victim_groups g where e.victim_group = g.v1;

update sources s
   set suggestions = jsonb_set(
         s.suggestions,
         '{events}',
         (select coalesce(jsonb_agg(
                   case when ev->'victims'->>'group' in (select v1 from v1_victim_groups)
                        then jsonb_set(ev, '{victims,group}',
                                       to_jsonb((select v2 from v1_victim_groups where v1 = ev->'victims'->>'group')))
                        else ev end
                   order by ord), '[]'::jsonb)
            from jsonb_array_elements(s.suggestions->'events') with ordinality as t(ev, ord)))
 where jsonb_typeof(s.suggestions->'events') = 'array'
   and exists (select 1 from jsonb_array_elements(s.suggestions->'events') ev
                where ev->'victims'->>'group' in (select v1 from v1_victim_groups));

drop table v1_victim_groups;
