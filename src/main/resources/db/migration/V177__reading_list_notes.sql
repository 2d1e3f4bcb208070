-- A member's private note on a saved article; NULL when there is none.
ALTER TABLE reading_list_entry ADD COLUMN note TEXT;
