"""The reporter's desk in a real browser: headless Chromium against ``factdb serve``.

Runs the system Chromium (Debian's ``chromium`` package; Playwright's own
browser download is not used) through Playwright, against a ``factdb serve``
subprocess on 127.0.0.1 that builds its database from ``seeds/``. Screenshots
go to ``test-output/screenshots/``. Skips, saying why, where Chromium or
Playwright is missing.

Expected values are read from the served database itself, so the tests keep
working as the extractors find more (or different) facts.
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = Path(os.environ.get("FACTDB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CONTRACT_COLUMNS = [
    "fact_id", "fact_type", "subject", "detail", "value", "value_number", "unit", "date",
    "date_precision", "present", "status", "origin", "document", "outlet", "quote",
    "char_start", "char_end",
]

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    pytest.skip(f"no system Chromium at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _factdb_command() -> list[str]:
    """The installed ``factdb`` script beside this Python, else the same CLI via ``-c``."""
    script = Path(sys.executable).parent / "factdb"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from factdb.cli import app; app()"]


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"factdb serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"factdb serve did not answer {url} within {timeout}s")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """``factdb serve`` on a free localhost port; the database is built by serve itself."""
    db_path = tmp_path_factory.mktemp("browser") / "desk.db"
    port = _free_port()
    log = (tmp_path_factory.getbasetemp() / "factdb-serve.log").open("w")
    process = subprocess.Popen(
        [*_factdb_command(), "serve", "--db", str(db_path),
         "--host", "127.0.0.1", "--port", str(port), "--seeds", str(SEEDS)],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/robots.txt", process)
        yield {"base": base, "db": db_path, "name": db_path.stem}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def shot(page, name: str, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def query(db_path: Path, sql: str, params=()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_home_page_describes_the_desk(page, desk):
    page.goto(desk["base"] + "/")
    assert "factdb" in page.title()
    assert page.get_by_text("Every fact carries its evidence").is_visible()
    shot(page, "01-home")
    page.get_by_role("link", name="all facts").first.click()
    page.wait_for_url(re.compile(r"/facts$"))
    assert page.locator("table.rows-and-columns tbody tr").count() > 0


def test_facts_table_with_a_facet_applied(page, desk):
    page.goto(f"{desk['base']}/{desk['name']}/facts")
    facet = page.locator(".facet-info[data-column=fact_type]")
    assert facet.is_visible(), "fact_type is a default facet"
    facet.locator("li a").first.click()
    page.wait_for_url(re.compile(r"fact_type="))
    chosen = re.search(r"fact_type=([a-z_]+)", page.url).group(1)
    cells = page.locator("table.rows-and-columns tbody td.col-fact_type").all_inner_texts()
    expected = query(desk["db"], "SELECT COUNT(*) FROM facts WHERE fact_type = ?", [chosen])[0][0]
    assert cells and set(cells) == {chosen}
    assert len(cells) == min(expected, 100)
    assert page.locator("h3", has_text=f"{expected:,} row").is_visible()
    shot(page, "02-facts-facet")


def test_fact_page_highlights_evidence_in_its_article(page, desk):
    fact_id = query(desk["db"], "SELECT fact_id FROM facts WHERE quote IS NOT NULL "
                                "ORDER BY char_start DESC LIMIT 1")[0][0]
    quotes = [r[0] for r in query(desk["db"], "SELECT quote FROM facts WHERE fact_id = ?",
                                  [fact_id])]
    page.goto(f"{desk['base']}/{desk['name']}/facts?fact_id={fact_id}")
    page.locator("td.col-fact_id a").first.click()
    page.wait_for_url(re.compile(r"/fact\?fact_id="))
    marks = page.locator(".factdb-context mark")
    assert marks.first.is_visible()
    # One highlighted sentence per evidence row (split in pieces where it crosses a paragraph).
    highlighted = [squash(" ".join(article.locator("mark").all_inner_texts()))
                   for article in page.locator(".factdb-evidence").all()]
    assert sorted(highlighted) == sorted(map(squash, quotes))
    # The sentence sits inside text around it, not alone.
    context = page.locator(".factdb-context").first.inner_text()
    assert len(context) > len(quotes[0]) + 40
    shot(page, "03-fact-evidence", full_page=True)

    page.locator("a.factdb-document-link").first.click()
    page.wait_for_url(re.compile(r"/documents/[^/?]+\?highlight=\d+-\d+"))
    article_mark = page.locator(".factdb-document mark#evidence")
    assert article_mark.is_visible()
    box = article_mark.bounding_box()
    assert box["y"] + box["height"] > 0 and box["y"] < 900, "the page scrolls to the sentence"
    assert page.locator(".factdb-document p").count() > 3, "the article reads as paragraphs"
    shot(page, "04-document-highlight")


def test_canned_query_with_a_parameter(page, desk):
    leaders = query(desk["db"], "SELECT DISTINCT l.name FROM entourage_members m "
                                "JOIN people l ON l.id = m.leader_id ORDER BY l.name")
    if not leaders:
        pytest.skip("the database has no entourage facts with a leader yet")
    leader = leaders[0]["name"]
    page.goto(f"{desk['base']}/{desk['name']}/travelled_with")
    page.get_by_label("leader").fill(leader.split()[-1])
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url(re.compile(r"leader="))
    cells = page.locator("td.col-leader").all_inner_texts()
    assert cells and all(leader.split()[-1] in cell for cell in cells)
    shot(page, "05-travelled-with")


def test_search_across_tables_and_on_a_table(page, desk):
    sentence = query(desk["db"], "SELECT sentence FROM evidence ORDER BY id LIMIT 1")[0][0]
    word = max(re.findall(r"[A-Za-z]{5,}", sentence), key=len)
    page.goto(f"{desk['base']}/-/search")
    page.locator("input[name=q]").fill(word)
    page.locator("input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"q="))
    results = page.locator("#search-all-results")
    results.locator("table").first.wait_for()
    assert word.lower() in results.inner_text().lower()
    shot(page, "06-search-all")

    page.goto(f"{desk['base']}/{desk['name']}/evidence")
    page.locator("input#_search").fill(word)
    page.locator("input#_search").press("Enter")
    page.wait_for_url(re.compile(r"_search="))
    sentences = page.locator("td.col-sentence").all_inner_texts()
    matching = query(desk["db"], "SELECT COUNT(*) FROM evidence_fts WHERE evidence_fts MATCH ?",
                     [word])[0][0]
    assert len(sentences) == min(matching, 100)
    assert squash(sentence) in {squash(s) for s in sentences}
    shot(page, "07-search-evidence")


def test_venue_map_shows_markers(page, desk):
    located = query(desk["db"], "SELECT COUNT(DISTINCT pl.id) FROM venues v JOIN places pl "
                                "ON pl.id = v.place_id WHERE pl.latitude IS NOT NULL")[0][0]
    if not located:
        pytest.skip("no venue has curated coordinates yet")
    page.goto(f"{desk['base']}/{desk['name']}/venue_map")
    page.wait_for_load_state("networkidle")
    page.locator(".leaflet-container").wait_for()
    markers = page.locator(".leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() >= 1
    shot(page, "08-venue-map")


def test_events_per_day_chart(page, desk):
    days = query(desk["db"], "SELECT COUNT(DISTINCT date) FROM events WHERE date_precision = 'day'")
    if not days[0][0]:
        pytest.skip("no day-precision events yet")
    page.goto(desk["base"] + "/")
    page.get_by_role("link", name="events per day, charted").click()
    page.wait_for_url(re.compile(r"/events_per_day#g\.mark=bar"))
    chart = page.locator("canvas, .vega-embed svg").first
    chart.wait_for()
    box = chart.bounding_box()
    assert box["width"] > 50 and box["height"] > 50
    chart.scroll_into_view_if_needed()
    shot(page, "09-events-per-day")


def test_csv_download_parses(page, desk):
    page.goto(f"{desk['base']}/{desk['name']}/facts")
    link = page.locator(".factdb-downloads a", has_text="CSV")
    assert "_stream=on" in link.get_attribute("href")
    with page.expect_download() as download_info:
        link.click()
    path = download_info.value.path()
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert rows, "the download has rows"
    assert list(rows[0])[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    expected = query(desk["db"], "SELECT COUNT(*) FROM facts")[0][0]
    assert len(rows) == expected
    assert {r["fact_id"] for r in rows} == {
        r[0] for r in query(desk["db"], "SELECT fact_id FROM facts")}


def test_robots_are_kept_out(page, desk):
    response = page.goto(desk["base"] + "/robots.txt")
    assert response.status == 200
    assert "Disallow: /" in page.inner_text("body")
    response = page.goto(desk["base"] + "/")
    assert "noindex" in response.headers.get("x-robots-tag", "")
