"""Similarity signals: MinHash for verbatim reuse, sentence embeddings for paraphrase and translation."""
