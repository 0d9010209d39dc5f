"""Ingest: files and folders in, raw articles (or one clear error per bad input) out."""

from storytrace.ingest.files import expand_paths, iter_inputs

__all__ = ["expand_paths", "iter_inputs"]
