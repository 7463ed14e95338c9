"""Shared test helpers: a writable copy of the small fixture data set, and ways to break it."""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Request,
    sync_playwright,
)

from regio.gegevens.validate import Resultaat, valideer
from regio.site import Site

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@cache
def echte_site() -> Site:
    """The real data as a Site, validated once per test process; tests only read it."""
    resultaat = valideer(REPO / "data")
    assert resultaat.geldig and resultaat.gegevens is not None
    return Site(resultaat.gegevens, resultaat.geografie)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/geldig that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "geldig", target)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tests/fixtures/site with the fixture data beside it, in a writable folder."""
    doel = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", doel)
    shutil.copytree(FIXTURES / "geldig", doel / "data")
    return doel


def vervang(data_dir: Path, bestand: str, oud: str, nieuw: str) -> None:
    """Replace the single occurrence of ``oud`` in a data file."""
    pad = data_dir / bestand
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, f"{oud!r} komt {tekst.count(oud)} keer voor in {bestand}"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def regel(data_dir: Path, bestand: str, fragment: str) -> int:
    """The 1-based line number of the single line containing ``fragment``."""
    regels = (data_dir / bestand).read_text(encoding="utf-8").splitlines()
    treffers = [n for n, tekst in enumerate(regels, 1) if fragment in tekst]
    assert len(treffers) == 1, f"{fragment!r} staat op regels {treffers}"
    return treffers[0]


def controleer(data_dir: Path, **opties: object) -> Resultaat:
    return valideer(data_dir, weergave_dir="data", **opties)  # type: ignore[arg-type]


def meldingen(resultaat: Resultaat) -> list[str]:
    """Problems as editors read them: 'data/x.yaml:12:5: fout: …'."""
    from regio.gegevens.problems import als_tekst

    return [als_tekst(p) for p in resultaat.problemen]


# --- The real site and the third-party checkers (Nu Html Checker, axe-core) ------------------

NODE_MODULES = REPO / "node_modules"


def ontbreekt(melding: str) -> NoReturn:
    """A missing tool: skipped locally, but a failure on CI (where `make test` installs it)."""
    if os.environ.get("CI"):
        pytest.fail(melding)
    pytest.skip(melding)


def _een_keer_gebouwd(
    tmp_path_factory: pytest.TempPathFactory, naam: str, bouw: Callable[[Path], None]
) -> Path:
    """The site ``bouw`` writes into the folder it gets, made once per test run.

    With pytest-xdist the workers share it: the first to ask builds it under a lock, the
    others wait and read it.
    """
    if os.environ.get("PYTEST_XDIST_WORKER"):
        gedeeld = tmp_path_factory.getbasetemp().parent  # one folder per run, above the workers'
    else:
        gedeeld = tmp_path_factory.mktemp(f"{naam}-gedeeld")
    map_ = gedeeld / naam
    site, klaar = map_ / "site", map_ / "klaar"
    map_.mkdir(exist_ok=True)
    with open(gedeeld / f"{naam}.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not klaar.exists():
            for rest in map_.iterdir():  # what a worker that failed left behind
                if rest.is_dir():
                    shutil.rmtree(rest)
            bouw(site)
            klaar.touch()
    return site


@pytest.fixture(scope="session")
def echte_site_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with the real data, built once per test run into a temporary folder.

    Shared by the checks that only read it (HTML validity, accessibility, links); tests that
    change the project build their own copy.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def bouw(site: Path) -> None:
        build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site)))

    return _een_keer_gebouwd(tmp_path_factory, "echte-site", bouw)


@pytest.fixture(scope="session")
def fixture_site_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site (tests/fixtures/site with tests/fixtures/geldig as its data),
    built once per test run, for the tests that only read it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def bouw(site: Path) -> None:
        project = site.parent / "project"
        shutil.copytree(FIXTURES / "site", project)
        shutil.copytree(FIXTURES / "geldig", project / "data")
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))

    return _een_keer_gebouwd(tmp_path_factory, "fixture-site", bouw)


CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, headless, without any of its own network traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Material starts its search worker on every page load: the worker fetches the search index and
# builds it, half of the Chromium CPU a visit to a page of the real site costs (0.3 of 0.55 s).
# A test that does not search gets a search worker that never answers (the rest of the page runs
# as it would); the search tests, and the walk that watches for console errors, ask for the real
# one (``zoeken=True``). A search test that forgets to ask fails: no result ever appears.
STILLE_ZOEKWERKER = """(() => {
    const Echt = window.Worker;
    window.Worker = function (url, opties) {
        if (!/\\/workers\\/search\\.[^/]*\\.js/.test(String(url))) return new Echt(url, opties);
        const stil = new EventTarget();
        stil.postMessage = () => {};
        stil.terminate = () => {};
        return stil;
    };
})();"""


def nieuwe_context(browser: Browser, zoeken: bool = False, **opties: Any) -> BrowserContext:
    """A browser context in Dutch (``locale`` nl-NL unless ``opties`` say otherwise), with
    Material's search worker only if ``zoeken``."""
    context = browser.new_context(**({"locale": "nl-NL"} | opties))
    if not zoeken:
        context.add_init_script(STILLE_ZOEKWERKER)
    return context


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run; skipped without it locally, but a failure on CI."""
    if not CHROMIUM.exists():
        ontbreekt(f"{CHROMIUM} ontbreekt: installeer Debian's chromium voor de browsertests")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Tabbladen:
    """Browser pages kept open and reused, one per set of context options.

    A fresh context and page cost Chromium about a second of CPU (a new renderer process, cold
    caches); a reused page navigating to the next URL a third of that. For the tests that look
    at a page and do not count its requests: afterwards the page goes to about:blank and its
    storage and cookies are emptied, and after a failure the page is closed, so the next test
    starts clean.
    """

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.open: dict[str, tuple[BrowserContext, Page]] = {}

    @contextmanager
    def pagina(self, vers: bool = False, zoeken: bool = False, **opties: Any) -> Iterator[Page]:
        """A page in a context with ``opties`` (see :func:`nieuwe_context`, also for
        ``zoeken``); ``vers``: a new context, closed afterwards (for a test that counts
        requests, which a warm cache would answer unseen)."""
        if vers:
            context = nieuwe_context(self.browser, zoeken, **opties)
            try:
                yield context.new_page()
            finally:
                context.close()
            return
        sleutel = repr(sorted((opties | {"zoeken": zoeken}).items()))
        if sleutel not in self.open:
            context = nieuwe_context(self.browser, zoeken, **opties)
            self.open[sleutel] = (context, context.new_page())
        context, page = self.open[sleutel]
        try:
            yield page
            if page.url.startswith("http"):
                page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
                # Leave the page, so nothing it still loads (a map's tiles, after the test took
                # its route away) fails into the next test's console.
                page.goto("about:blank")
            context.clear_cookies()
        except BaseException:
            del self.open[sleutel]
            context.close()
            raise

    def sluit(self) -> None:
        for context, _ in self.open.values():
            context.close()
        self.open.clear()


@dataclass
class Waarnemingen:
    """What a page did while a block ran (see :func:`waarneem`)."""

    verzoeken: list[str] = field(default_factory=list)  # every request of the page's context
    console: list[str] = field(default_factory=list)  # console messages of type "error"
    fouten: list[str] = field(default_factory=list)  # uncaught exceptions in the page


@contextmanager
def waarneem(page: Page) -> Iterator[Waarnemingen]:
    """Records what ``page`` does until the block ends; then the listeners go again, as a
    reused page (:class:`Tabbladen`) serves the next test."""
    gezien = Waarnemingen()

    def verzoek(request: Request) -> None:
        gezien.verzoeken.append(request.url)

    def console(bericht: ConsoleMessage) -> None:
        if bericht.type == "error":
            gezien.console.append(bericht.text)

    def paginafout(fout: Error) -> None:
        gezien.fouten.append(str(fout))

    page.context.on("request", verzoek)
    page.on("console", console)
    page.on("pageerror", paginafout)
    try:
        yield gezien
    finally:
        page.context.remove_listener("request", verzoek)
        page.remove_listener("console", console)
        page.remove_listener("pageerror", paginafout)


@pytest.fixture(scope="session")
def tabbladen(browser: Browser) -> Iterator[Tabbladen]:
    tabbladen = Tabbladen(browser)
    try:
        yield tabbladen
    finally:
        tabbladen.sluit()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path | None:
    """REGIO_SCREENSHOTS: the folder to keep the browser tests' screenshots in; None if unset."""
    gekozen = os.environ.get("REGIO_SCREENSHOTS")
    if not gekozen:
        return None
    map_ = Path(gekozen)
    map_.mkdir(parents=True, exist_ok=True)
    return map_


def schermafdruk(page: Page, screenshot_dir: Path | None, naam: str, hele_pagina: bool) -> None:
    """A screenshot that shows the page rendered something (over 10 KB of PNG). Kept in
    ``screenshot_dir`` for a human to look at, and of the whole page (``hele_pagina``) only
    then: a full-page shot of a long page costs Chromium a second, the window a tenth of it."""
    png = page.screenshot(full_page=hele_pagina and screenshot_dir is not None)
    assert len(png) > 10_000, f"schermafdruk {naam}: {len(png)} bytes"
    if screenshot_dir is not None:
        (screenshot_dir / f"{naam}.png").write_bytes(png)


class _StilleHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serveer(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 on a free port; yields the base URL ending in '/'."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_StilleHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
