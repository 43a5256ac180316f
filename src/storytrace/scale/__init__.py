"""Scale: compact per-article signatures, blocking by LSH band joins, stable story ids, incremental runs.

The single-machine pipeline (storytrace.pipeline) and the Spark job (storytrace.spark) share every
function here, so both cut a corpus into the same blocks and analyse each block the same way.
"""
