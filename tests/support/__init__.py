"""Helpers shared by the tests (no mocks: real servers, real files)."""
