"""Stage runner for large inputs: articles stream into the store, blocks are analysed in this
process or in worker processes (runner.py, workers.py), with the pipeline's analyze_block."""
