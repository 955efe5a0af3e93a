-- A GIN index on labels made every insert slower as the table grew (all pods share the empty or the same
-- label keys, so one index entry takes every row). Label selectors filter the rows of one kind (and
-- namespace) instead, as Kubernetes itself does.
DROP INDEX objects_by_labels;
