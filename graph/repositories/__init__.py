"""Repositories: the only code that runs Cypher for the API; each returns pydantic models."""
