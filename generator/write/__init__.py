"""Writers: the report document (and the summary) as files — text, Word, the 汇总表, PDF."""
