"""The review page's web app (Flask, served by Werkzeug): a queue, one page per record, decisions as POSTs.

Safe by default:
- bound to 127.0.0.1; requests whose ``Host`` is not that address (DNS rebinding) are refused;
  with ``--token`` every request needs it (``?token=`` once, then an HttpOnly SameSite=Strict cookie);
- every form carries a per-session CSRF token; a POST without it is refused (403) and writes nothing;
- ``Content-Security-Policy``: nothing but this origin, the one inline script and style allowed by a
  per-response nonce; all text goes through Jinja2's autoescaping;
- decisions are written through ``harvest.decisions`` (one store transaction, the harvest lock held):
  while a harvest runs they are refused, and a decision on a record whose version changed since the
  page was loaded is refused too.
"""

from __future__ import annotations

import hmac
import sys
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from werkzeug.serving import make_server

from ketamine_evidence.analysis.tables.reviews import EXCLUDED_BY_REVIEWER, FIELDS, check_value
from ketamine_evidence.base.errors import StoreError, StoreLocked
from ketamine_evidence.harvest import decisions
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.review.data import EXCLUSION_REASONS, FILTERS, ReviewData

PAGE_SIZE = 200


def create_app(store: Store, tables_dir: Path, intervention: str, *, token: str | None = None,
               allowed_hosts: set[str] | None = None) -> Flask:
    """The app over an open store; ``allowed_hosts`` None accepts any Host (only with a token)."""
    app = Flask(__name__)
    app.jinja_env.autoescape = True  # Flask escapes only *.html by name; these templates are *.html.j2
    app.secret_key = secrets.token_bytes(32)  # sessions (CSRF token, reviewer's name) last as long as the server
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict", MAX_CONTENT_LENGTH=64 * 1024)
    data = ReviewData(store, tables_dir, intervention)
    lock = threading.Lock()

    @app.before_request
    def guard():  # noqa: ANN202
        if allowed_hosts is not None and request.host not in allowed_hosts:
            abort(400, "unexpected Host header")
        if token is not None:
            given = request.args.get("token") or request.cookies.get("review_token") or ""
            if not hmac.compare_digest(given.encode(), token.encode()):
                abort(403, "this review page needs its token")
            g.set_token_cookie = request.args.get("token") is not None
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(32)
        if request.method == "POST":
            sent = request.form.get("csrf", "")
            if not hmac.compare_digest(sent.encode(), session["csrf"].encode()):
                abort(403, "missing or wrong form token: reload the page and try again")
        g.nonce = secrets.token_urlsafe(16)

    @app.after_request
    def headers(response):  # noqa: ANN001, ANN202
        nonce = getattr(g, "nonce", "none")
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        if token is not None and getattr(g, "set_token_cookie", False):
            response.set_cookie("review_token", token, httponly=True, samesite="Strict")
        return response

    @app.context_processor
    def common():  # noqa: ANN202
        return {"csrf": session.get("csrf", ""), "nonce": getattr(g, "nonce", ""), "reviewer": session.get("reviewer"),
                "filters": FILTERS, "intervention": data.intervention, "harvest_pid": store.lock_holder(),
                "tables_error": data.error}

    @app.get("/")
    def queue():  # noqa: ANN202
        which = request.args.get("filter", "all")
        which = which if which in FILTERS else "all"
        page = max(1, request.args.get("page", 1, type=int) or 1)
        with lock:
            items = data.queue(which)
            counts = data.counts() if data.tables() is not None else {}
        shown = items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        return render_template("queue.html.j2", items=shown, which=which, counts=counts, page=page,
                               pages=max(1, -(-len(items) // PAGE_SIZE)))

    @app.get("/record/<key>")
    def record(key: str):  # noqa: ANN202
        which = request.args.get("filter", "all")
        which = which if which in FILTERS else "all"
        with lock:
            view = data.record(key)
            if view is None:
                abort(404, f"no record {key} in the store")
            before, after = data.neighbours(view.key, which)
        return render_template("record.html.j2", r=view, which=which, before=before, after=after,
                               reasons=EXCLUSION_REASONS, fields=FIELDS)

    @app.post("/reviewer")
    def set_reviewer():  # noqa: ANN202
        name = " ".join(request.form.get("name", "").split())[:80]
        if name:
            session["reviewer"] = name
            flash(f"Deciding as {name}.")
        else:
            flash("Give your name to record decisions.")
        return redirect(_back(request.form.get("back")), 303)

    @app.post("/record/<key>/decide")
    def decide(key: str):  # noqa: ANN202
        which = request.form.get("filter", "all")
        name = request.form.get("field", "")
        action = request.form.get("action", "")
        reviewer = session.get("reviewer")
        here = url_for("record", key=key, filter=which)
        if not reviewer:
            flash("Give your name first: every decision says who made it.")
            return redirect(here, 303)
        if name not in FIELDS or action not in ("accept", "correct", "reject", "include", "exclude"):
            abort(400, "unknown field or action")
        reason = " ".join(request.form.get("reason", "").split())[:500] or None
        with lock:
            view = data.record(key)
            if view is None:
                abort(404, f"no record {key} in the store")
            if str(view.version) != request.form.get("version"):
                flash(f"Record {view.key} has a new version since this page was loaded: nothing was saved; "
                      "check it again.")
                return redirect(here, 303)
            current = next(f for f in view.fields if f.name == name)
            try:
                if action == "include":
                    value, reason = "true", None  # the form's reason list is for exclusions
                elif action == "exclude":
                    value, reason = "false", reason or EXCLUDED_BY_REVIEWER
                elif action == "accept":
                    value = current.machine
                elif action == "reject":
                    value = data.rejected(name, current.machine)
                else:
                    value = check_value(name, request.form.get("value"))
            except ValueError as exc:
                flash(f"Not saved: {exc}")
                return redirect(here + f"#f-{name}", 303)
            try:
                decisions.record_decisions(store, [decisions.NewDecision(
                    view.key, name, value, reason, reviewer, data.intervention)])
            except StoreLocked:
                flash("A harvest is running: decisions are paused until it finishes (nothing was saved).")
                return redirect(here, 303)
            except StoreError as exc:
                flash(f"Not saved: {exc}")
                return redirect(here, 303)
            after = data.neighbours(view.key, which)[1] if name == "included" else None
        shown = value if value is not None else "no value"
        flash(f"Saved: {view.key} {name} = {shown} ({reviewer}).")
        if name == "included":
            return redirect(url_for("record", key=after, filter=which) if after
                            else url_for("queue", filter=which), 303)
        return redirect(here + f"#f-{name}", 303)

    @app.errorhandler(400)
    @app.errorhandler(403)
    @app.errorhandler(404)
    def error(exc):  # noqa: ANN001, ANN202
        return render_template("error.html.j2", code=exc.code, message=exc.description), exc.code

    def _back(target: str | None) -> str:
        return target if target and target.startswith("/") and not target.startswith("//") else url_for("queue")

    app.jinja_env.globals["query"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v})
    return app


def serve(*, store_path: Path, tables_dir: Path, intervention: str, host: str, port: int, token: str | None,
          announce: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; ``announce`` gets the URL once the socket is listening."""
    with Store(store_path, create=False) as store:
        server = make_server(host, port, None, threaded=True)  # bind first: the real port, for --port 0
        real_port = server.socket.getsockname()[1]
        loopback = token is None
        hosts = {f"{h}:{real_port}" for h in (host, "localhost", "127.0.0.1", "[::1]")} if loopback else None
        server.app = create_app(store, tables_dir, intervention, token=token, allowed_hosts=hosts)
        url = f"http://{'[' + host + ']' if ':' in host else host}:{real_port}/"
        announce(url + (f"?token={token}" if token else ""))
        try:
            server.serve_forever()
        except KeyboardInterrupt:  # Ctrl-C is how the page is stopped: exit 0, not 130
            print("review page stopped", file=sys.stderr)
        finally:
            server.server_close()
