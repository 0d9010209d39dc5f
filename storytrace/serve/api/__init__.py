"""The REST API (FastAPI): one router per resource, thin over `storytrace.Corpus`; `create_app` also mounts the web UI."""

from storytrace.serve.api.app import create_app

__all__ = ["create_app"]
