"""/health tells whether Neo4j answers, with 503 and a clear body when it does not."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.settings import Neo4jSettings
from tests.support.ports import free_port


def test_health_is_200_with_the_neo4j_state_when_neo4j_answers(
    neo4j_settings: Neo4jSettings,
) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["neo4j"]["state"] == "up"


def test_health_is_503_with_a_clear_message_when_neo4j_is_unreachable() -> None:
    nowhere = Neo4jSettings(uri=f"bolt://127.0.0.1:{free_port()}", password=SecretStr("x"))
    with TestClient(create_app(nowhere)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    body = response.json()
    assert body["neo4j"]["state"] == "unreachable"
    assert "commongraph neo4j start" in body["neo4j"]["message"]
    assert "127.0.0.1" not in response.text  # the address is for admins only
    assert "Traceback" not in response.text
