"""Boilerplate removal, encoding repair and metadata of articles."""
