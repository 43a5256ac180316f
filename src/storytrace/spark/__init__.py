"""The PySpark job: the single-machine stages on a cluster (see job.py and the README)."""
