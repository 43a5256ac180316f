"""The SQLite store: what users query (database.py: articles, stories, findings, lineage), the
streaming run's own tables (stream_tables.py), review decisions (reviews.py), the blob codec
(codec.py), the one-run-at-a-time lock (lock.py) and store errors (errors.py)."""
