-- A public report converted with a case: the case opened for its reporter, so that running an
-- interrupted conversion again finishes it instead of opening a second case.
alter table intake_submissions add column case_id uuid references cases (id);
