-- A reader's own reports, for their "download my data" file: found by reporter, not only by comment.
CREATE INDEX comment_report_by_reporter ON comment_report (reporter_id);
