"""Parsers of the real open data the project ships (one module per source format).

Each parser reads a file in place and returns a :class:`loaders.opendata.rows.ParseResult`:
normalised records, plus every bad row named with file, row, field and reason.
"""
