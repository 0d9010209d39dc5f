"""Trained artefacts shipped with storytrace (loaded with importlib.resources, never downloaded)."""
