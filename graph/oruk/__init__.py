"""Open Referral (HSDS 3.0 / ORUK 3.0): input models, id minting, the graph → JSON serialiser.

Loaders turn validated records into nodes and relationships (``loaders/oruk``); the API and
``export oruk`` turn subgraphs back into ORUK JSON with :func:`graph.oruk.serialise.to_oruk`.
"""
