"""Exports: ORUK 3.0 JSON (`export oruk`) and the relationship graph (`export graphml|gexf`)."""
