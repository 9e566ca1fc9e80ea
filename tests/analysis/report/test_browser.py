"""The report in headless Chromium: it renders, its script runs without console errors, sorting works,
and record text carrying markup stays text. Skipped without Chromium, except under CI=true where it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from ketamine_evidence.analysis.report import build_report
from tests.analysis.report.conftest import XSS_EVIDENCE, XSS_TITLE, build_small_tables, with_xss_probe

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed, and CI must run the browser test (apt-get install chromium)")
    pytest.skip("chromium is not installed")


def _browse(chromium: str, page: Path, profile: Path, *extra: str) -> tuple[str, str]:
    """Load ``page`` in a fresh profile; returns (stdout, stderr) of Chromium."""
    proc = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def test_report_renders_without_console_errors_and_keeps_markup_as_text(chromium, snapshot_tables, tmp_path):
    files = build_report(with_xss_probe(snapshot_tables), tmp_path / "report")
    dom, stderr = _browse(chromium, files.html, tmp_path / "profile", "--dump-dom")
    assert _console(stderr) == []
    doc = lxml_html.fromstring(dom)
    assert doc.get("data-report-ready") == "1"               # the inline script ran to the end
    assert len(doc.xpath("//script")) == 1                  # only the report's own script
    assert not doc.xpath("//img[@onerror]") and not doc.xpath("//img[@src='x']")
    text = doc.text_content()
    assert XSS_TITLE in text and XSS_EVIDENCE in text       # shown to the reader, as text
    headings = [h.text_content() for h in doc.xpath("//h2")]
    for section in ("How to read this report", "Record flow (PRISMA 2020)", "Summary of findings, by outcome",
                    "Evidence tables, by condition", "Side effects", "Pooled estimates (random effects)",
                    "What changed since the previous harvest"):
        assert section in headings


def test_screenshot_shows_the_report(chromium, snapshot_tables, tmp_path):
    files = build_report(snapshot_tables, tmp_path / "report")
    shot = tmp_path / "report.png"
    _, stderr = _browse(chromium, files.html, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000")
    assert _console(stderr) == []
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1280, 2000)
    assert len(png) > 50_000          # a page of text and figures, not a blank image


def test_clicking_a_heading_sorts_the_table(chromium, tmp_path):
    files = build_report(build_small_tables(), tmp_path / "report")
    page = files.html.read_text(encoding="utf-8")
    # Click the 'N' heading of the first evidence table twice, then press Enter on it, recording the row order.
    probe = """<script>
    var t = document.querySelector("#evidence table.sortable");
    var th = Array.prototype.filter.call(t.tHead.rows[0].cells, function (c) { return c.textContent === "N"; })[0];
    function order() { return Array.prototype.map.call(t.tBodies[0].rows, function (r) {
        return r.cells[th.cellIndex].firstChild.textContent.trim(); }).join(","); }
    th.click(); document.body.setAttribute("data-asc", order());
    th.click(); document.body.setAttribute("data-desc", order());
    th.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"})); document.body.setAttribute("data-key", order());
    </script></body>"""
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page.replace("</body>", probe), encoding="utf-8")
    dom, stderr = _browse(chromium, clicked, tmp_path / "profile", "--dump-dom")
    assert _console(stderr) == []
    body = lxml_html.fromstring(dom).body
    assert body.get("data-asc") == "40,60"
    assert body.get("data-desc") == "60,40"
    assert body.get("data-key") == "40,60"          # Enter on a focused heading sorts too


def test_prisma_diagram_renders_and_its_text_fits_the_boxes(chromium, snapshot_tables, tmp_path):
    """Laid out by Chromium, every line of the PRISMA diagram stays inside its box."""
    files = build_report(snapshot_tables, tmp_path / "report")
    probe = """<script>
    var svg = document.querySelector("svg.prisma");
    var over = [];
    Array.prototype.forEach.call(svg.querySelectorAll("g.box"), function (g) {
        var r = g.querySelector("rect").getBBox();
        Array.prototype.forEach.call(g.querySelectorAll("text"), function (t) {
            var b = t.getBBox();
            if (b.x + b.width > r.x + r.width + 0.5 || b.y + b.height > r.y + r.height + 0.5) { over.push(t.textContent); }
        });
    });
    document.body.setAttribute("data-boxes", String(svg.querySelectorAll("g.box").length));
    document.body.setAttribute("data-overflow", over.join(" | "));
    document.body.setAttribute("data-svg-width", String(Math.round(svg.getBoundingClientRect().width)));
    </script></body>"""
    page = tmp_path / "probe.html"
    page.write_text(files.html.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    dom, stderr = _browse(chromium, page, tmp_path / "profile", "--dump-dom", "--window-size=1280,2000")
    assert _console(stderr) == []
    body = lxml_html.fromstring(dom).body
    assert body.get("data-boxes") == "9"           # 5 on the main path, 4 beside it
    assert body.get("data-overflow") == ""
    assert int(body.get("data-svg-width")) > 600
