"""The review app through Flask's test client: security headers, Host and token checks, CSRF, decisions
written only through the store (refused while a harvest runs, on a stale page, or with a bad value)."""

from __future__ import annotations

import re

import pytest

from ketamine_evidence.cli import main
from ketamine_evidence.harvest import decisions
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.review.server import create_app
from tests.review.conftest import TRIAL

BASE = "http://127.0.0.1:8765"


@pytest.fixture
def store(workspace):
    with Store(workspace.store, create=False) as s:
        yield s


@pytest.fixture
def client(store, workspace):
    app = create_app(store, workspace.tables, "ketamine", allowed_hosts={"127.0.0.1:8765"})
    return app.test_client()


def form_token(client, path: str = "/") -> str:
    page = client.get(path, base_url=BASE).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def sign_in(client, name: str = "Ann") -> str:
    csrf = form_token(client)
    assert client.post("/reviewer", data={"csrf": csrf, "name": name, "back": "/"}, base_url=BASE).status_code == 303
    return csrf


def decide(client, csrf: str, **form) -> object:
    data = {"csrf": csrf, "version": "1", "filter": "all", **form}
    return client.post(f"/record/{TRIAL}/decide", data=data, base_url=BASE)


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(f"/record/{TRIAL}", base_url=BASE)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "script-src 'nonce-" in csp
    nonce = re.search(r"script-src 'nonce-([^']+)'", csp).group(1)
    assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_another_host_name_is_refused(client):
    assert client.get("/", base_url="http://rebound.example:8765").status_code == 400


def test_with_a_token_every_request_needs_it(store, workspace):
    client = create_app(store, workspace.tables, "ketamine", token="a-long-secret").test_client()
    assert client.get("/", base_url="http://10.0.0.5:8765").status_code == 403
    assert client.get("/?token=wrong-secret", base_url="http://10.0.0.5:8765").status_code == 403
    first = client.get("/?token=a-long-secret", base_url="http://10.0.0.5:8765")
    assert first.status_code == 200 and "review_token=a-long-secret" in first.headers["Set-Cookie"]
    assert client.get("/", base_url="http://10.0.0.5:8765").status_code == 200   # the cookie carries it now


def test_a_correction_is_written_once_with_who_and_why(client, store):
    csrf = sign_in(client)
    response = decide(client, csrf, field="n_participants", action="correct", value="81", reason="full text")
    assert response.status_code == 303
    [d] = decisions.history(store)
    assert (d.key, d.field, d.value, d.reason, d.reviewer, d.record, d.record_version) == (
        TRIAL, "n_participants", "81", "full text", "Ann", "PMC3172326", 1)


def test_refused_decisions_write_nothing(client, store, workspace):
    csrf = sign_in(client)
    assert decide(client, "forged", field="design", action="accept").status_code == 403
    decide(client, csrf, field="design", action="correct", value="cohort")          # not a design
    decide(client, csrf, field="design", action="accept", version="2")              # page older than the record
    with Store(workspace.store) as harvest, harvest.lock():                         # a harvest is running
        decide(client, csrf, field="design", action="accept")
        assert "decisions are paused" in client.get(f"/record/{TRIAL}", base_url=BASE).get_data(as_text=True)
    assert decisions.history(store) == []
    decide(client, csrf, field="design", action="accept")
    assert [(d.field, d.value) for d in decisions.history(store)] == [("design", "rct")]


def test_no_decision_without_a_name(client, store):
    csrf = form_token(client)
    decide(client, csrf, field="included", action="include")
    assert decisions.history(store) == []


def test_a_public_address_needs_a_token(workspace, capsys):
    assert main(["review", "--store", str(workspace.store), "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ketamine-evidence: error: --host 0.0.0.0 is not a loopback address") and "\n" not in err


def test_without_tables_the_page_says_what_to_run(store, tmp_path):
    client = create_app(store, tmp_path / "no-tables", "ketamine", allowed_hosts={"127.0.0.1:8765"}).test_client()
    queue = client.get("/", base_url=BASE).get_data(as_text=True)
    assert "run `ketamine-evidence extract` first" in queue.replace("&#96;", "`")
    page = client.get(f"/record/{TRIAL}", base_url=BASE)
    assert page.status_code == 200 and "This record is not in the tables" in page.get_data(as_text=True)
    assert client.get("/record/123", base_url=BASE).status_code == 404
