"""The embedded store: one SQLite file holding documents, reports, sections, facts, figures,
cleaning edits, errors and a Chinese full-text index. Any SQLite tool can open it.

`schema` opens it (the writer's `connect`, the readers' `open_read_only`) and migrates it; `rows`
maps a report to its rows; `write` is the one writer (ingest, reprocess); `govreport.query` reads
it. Nothing is imported here, so a reader loads neither the writer nor the pipeline.
"""
