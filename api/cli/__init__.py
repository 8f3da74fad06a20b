"""The ``commongraph`` command line: one module per command group."""
