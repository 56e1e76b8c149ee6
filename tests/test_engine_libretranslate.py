"""The LibreTranslate engine: a real LibreTranslate 1.9.6 on 127.0.0.1, and small fakes for broken servers.

The real server runs the test-built gloss model (``argos_gloss_model``), so
its outputs are known and whole catalogs can be asserted.  The fakes answer
what a real server will not on demand: the wrong number of translations,
non-JSON, a 5xx, silence until the timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from libretranslate_server import (  # noqa: E402
    Server,
    free_port,
    libretranslate,
    lt_venv,
    offline_environment,
)
from loopback import serving  # noqa: E402
from test_pretranslate import BRIEF, GLOSS_LINES  # noqa: E402

from l10n.config import parse_config  # noqa: E402
from l10n.engines.libretranslate import LibreTranslateTranslator, ServerSettings, shield  # noqa: E402
from l10n.errors import ConfigError  # noqa: E402
from l10n.pofile import read_po  # noqa: E402
from l10n.powriter import write_po  # noqa: E402

API_KEY = "newsroom-test-key"
SECOND = """---
title: "Aid went to Kyiv"
---

Aid went to Kyiv. AT&amp;T went to Kyiv.
"""
AMPERSAND_LINES = ["AT&amp;T went to Kyiv. R&D in Bakhmut, &copy; the city."] * 30
HUMAN = "Допомога надійшла до Києва."
BLOCK_ARGOS = "import sys; sys.modules.update(dict.fromkeys(('argostranslate', 'ctranslate2', 'torch')))"


# --- The real server --------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not (lt_venv() / "bin" / "libretranslate").exists():
        reason = f"NO LIBRETRANSLATE: {lt_venv()} is missing; run 'make lt-venv' (make test and .ci/run do)"
        if os.environ.get("L10N_REQUIRE_LT"):
            pytest.fail(reason)  # CI sets it: there, a skip would hide an untested engine
        pytest.skip(reason)
    from argos_fixture import build_argos_package
    from argos_gloss_model import gloss_model

    folder = tmp_path_factory.mktemp("lt")
    lines = [*GLOSS_LINES, *AMPERSAND_LINES]
    packages = [build_argos_package(folder / "build" / lang, "en", lang, extra_lines=lines,
                                    model_builder=gloss_model(glosses, "int8"))
                for lang, glosses in (("uk", {"▁in": "▁у", "▁to": "▁до"}), ("ru", {"▁in": "▁в", "▁to": "▁до"}))]
    with libretranslate(folder / "server", packages, API_KEY) as running:
        yield running


def _newsroom(project: Path, tmp_path: Path, *config: str) -> dict[str, str]:
    """Two articles, uk catalogs with one human translation; the CLI's environment."""
    (project / "source/bakhmut-un-chief.md").unlink()
    (project / "source/brief.md").write_text(BRIEF)
    (project / "source/second.md").write_text(SECOND)
    with (project / "pyproject.toml").open("a") as toml:  # [tool.l10n] is the file's last table
        toml.writelines(f"{line}\n" for line in config)
    env = {**offline_environment(tmp_path / "client"), "LIBRETRANSLATE_API_KEY": API_KEY}
    assert _l10n(project, env, "update").returncode == 0
    po = project / "locales/uk/LC_MESSAGES/brief.po"
    catalog = read_po(po)
    next(m for m in catalog.entries() if m.msgid == "Aid went to Kyiv.").msgstr = HUMAN
    write_po(catalog, po)
    return env


def _l10n(project: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a fresh process in which argostranslate, ctranslate2 and torch cannot be imported."""
    command = [sys.executable, "-c", f"{BLOCK_ARGOS}; from l10n.cli import main; main()", *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def _snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted((project / "locales").rglob("*.po"))}


EXPECTED = {
    ("uk", "brief"): ["Troops у Бахмуті held", "Troops у Бахмуті held.", HUMAN, "Read <1>the report</1> у Києві."],
    ("uk", "second"): [HUMAN, HUMAN, "AT&amp;T went до Києва."],  # the title: a fuzzy memory match
    ("ru", "brief"): ["Troops в Бахмуте held", "Troops в Бахмуте held.", "Aid went до Киева.", "Read <1>the report</1> в Киеве."],
    ("ru", "second"): ["Aid went до Киева", "Aid went до Киева.", "AT&amp;T went до Киева."],
}


@pytest.mark.slow  # a real LibreTranslate server
def test_pretranslate_on_a_real_libretranslate_without_argos(project: Path, server: Server, tmp_path: Path) -> None:
    """Memory, the server's MT, glossary, provenance, a translator's work kept; no Argos in the client."""
    env = _newsroom(project, tmp_path)
    result = _l10n(project, env, "pretranslate", "--server", server.url)
    assert result.returncode == 0, result.stderr
    assert "uk: 2 from memory, 4 from MT (4 distinct segments), 0 left for markup; " \
           "glossary: 4 enforced, 0 already right, 0 not placed" in result.stdout
    assert "ru: 0 from memory, 7 from MT (6 distinct segments), 0 left for markup; " \
           "glossary: 7 enforced, 0 already right, 0 not placed" in result.stdout
    stamp = f"MT: libretranslate {server.url} translate-en_"
    for (lang, slug), msgstrs in EXPECTED.items():
        entries = read_po(project / f"locales/{lang}/LC_MESSAGES/{slug}.po").entries()
        assert [m.msgstr for m in entries] == msgstrs
        for message in entries:
            if (lang, slug, message.msgid) == ("uk", "brief", "Aid went to Kyiv."):
                assert not message.fuzzy and message.translator_comments == []  # the translator's, untouched
            elif (lang, slug, message.msgid) == ("uk", "second", "Aid went to Kyiv."):
                assert message.fuzzy and message.translator_comments == ["TM: locales/uk/LC_MESSAGES/brief.po"]
            elif (lang, slug, message.msgid) == ("uk", "second", "Aid went to Kyiv"):
                assert message.fuzzy and message.previous_msgid == "Aid went to Kyiv."
                assert message.translator_comments == ["TM 88%: locales/uk/LC_MESSAGES/brief.po"]
            else:
                assert message.fuzzy and message.translator_comments[-1].startswith(f"{stamp}{lang}@1.9.6 ")
    before = _snapshot(project)
    again = _l10n(project, env, "pretranslate", "--server", server.url)
    assert again.returncode == 0 and again.stdout.count("(0 distinct segments)") == 2
    assert _snapshot(project) == before


class Recorder:
    """A forwarding proxy on 127.0.0.1 that records each /translate body and the most requests in flight."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.bodies: list[dict[str, object]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()

    def forward(self, path: str, body: bytes | None) -> tuple[int, bytes]:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        request = urllib.request.Request(self.target + path, data=body, headers={"Content-Type": "application/json"})
        with self.lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            if body is not None and path == "/translate":
                self.bodies.append(json.loads(body))
        try:
            try:
                with opener.open(request, timeout=60) as response:
                    return response.status, response.read()
            except urllib.error.HTTPError as error:
                return error.code, error.read()
        finally:
            with self.lock:
                self.in_flight -= 1


@pytest.mark.slow  # a real LibreTranslate server
def test_distinct_segments_go_as_batched_q_lists_at_bounded_concurrency(project: Path, server: Server,
                                                                        tmp_path: Path) -> None:
    """The server configured in [tool.l10n]: batches of 2, 2 at a time, each distinct text sent once."""
    recorder = Recorder(server.url)
    with fake_server(lambda path, body: recorder.forward(path, body)) as proxy:
        env = _newsroom(project, tmp_path, 'engine = "libretranslate"', f'libretranslate_url = "{proxy}"',
                        "libretranslate_batch_size = 2", "libretranslate_concurrency = 2")
        result = _l10n(project, env, "pretranslate")
    assert result.returncode == 0, result.stderr
    for (lang, slug), msgstrs in EXPECTED.items():
        assert [m.msgstr for m in read_po(project / f"locales/{lang}/LC_MESSAGES/{slug}.po").entries()] == msgstrs
    sent = {lang: [text for body in recorder.bodies if body["target"] == lang for text in body["q"]]
            for lang in ("uk", "ru")}
    assert sorted(sent["uk"]) == sorted(["Troops in Bakhmut held", "Troops in Bakhmut held.",  # the title: memory
                                         "Read <1>the report</1> in Kyiv.", "AT&amp;amp;T went to Kyiv."])
    assert len(sent["ru"]) == len(set(sent["ru"])) == 6
    assert all(isinstance(body["q"], list) and 1 <= len(body["q"]) <= 2 for body in recorder.bodies)
    assert all(body["format"] == "text" and body["api_key"] == API_KEY for body in recorder.bodies)
    assert len(recorder.bodies) == 2 + 3
    assert 1 <= recorder.most_in_flight <= 2


@pytest.mark.slow  # a real LibreTranslate server
def test_markup_and_entities_survive_the_server(server: Server) -> None:
    """format=text keeps <1>…</1>; the server's HTML-unescaping is undone by shielding '&'."""
    engine = LibreTranslateTranslator("en", "uk", ServerSettings(server.url, api_key=API_KEY))
    texts = ["Read <1>the report</1> in Kyiv.", "AT&amp;T went to Kyiv.", "R&D in Bakhmut, &copy; the city."]
    assert engine.translate_batch(texts) == ["Read <1>the report</1> у Kyiv.", "AT&amp;T went до Kyiv.",
                                             "R&D у Bakhmut, &copy; the city."]
    assert shield("R&D") == "R&D" and shield("&copy;") == "&amp;copy;"


@pytest.mark.slow  # a real LibreTranslate server
def test_wrong_api_key_is_one_line_and_writes_nothing(project: Path, server: Server, tmp_path: Path) -> None:
    env = {**_newsroom(project, tmp_path), "LIBRETRANSLATE_API_KEY": "stolen"}
    before = _snapshot(project)
    result = _l10n(project, env, "pretranslate", "--server", server.url)
    assert result.returncode == 3
    errors = result.stderr.strip().splitlines()
    assert errors == [f"l10n: error: uk: LibreTranslate at {server.url}: HTTP 403 from /translate: Invalid API key",
                      f"l10n: error: ru: LibreTranslate at {server.url}: HTTP 403 from /translate: Invalid API key"]
    assert _snapshot(project) == before  # not even the translation-memory fill


@pytest.mark.slow  # a fresh process without Argos
def test_unreachable_server_is_one_line_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    env = _newsroom(project, tmp_path, "libretranslate_retries = 1")
    before = _snapshot(project)
    closed = f"http://127.0.0.1:{free_port()}"
    result = _l10n(project, env, "pretranslate", "--lang", "uk", "--server", closed)
    assert result.returncode == 3, result.stdout
    assert result.stderr.startswith(f"l10n: error: uk: LibreTranslate at {closed}: cannot connect: ")
    assert result.stderr.rstrip().endswith("(tried 2 times)") and len(result.stderr.splitlines()) == 1
    assert _snapshot(project) == before


# --- Fake servers for what a real one will not do on demand -----------------

Behaviour = Callable[[str, bytes | None], tuple[int, bytes]]
LANGUAGES = json.dumps([{"code": "en", "name": "English", "targets": ["en", "ru", "uk"]}]).encode()


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (the timeout case) is not an error worth printing.

    The slow handler writes to the closed socket long after its test ended;
    socketserver would print the BrokenPipeError into whatever later test's
    captured stderr is current.
    """

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def fake_server(behaviour: Behaviour) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 answering with ``behaviour(path, body)``; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer(None)

        def do_POST(self) -> None:
            self._answer(self.rfile.read(int(self.headers["Content-Length"])))

        def _answer(self, body: bytes | None) -> None:
            status, payload = behaviour(self.path, body)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    with serving(_QuietServer(("127.0.0.1", 0), Handler)) as url:
        yield url


def _translating(answer: Callable[[list[str]], object], status: int = 200) -> Behaviour:
    """A LibreTranslate-shaped fake whose /translate answers ``answer(q)``."""

    def behave(path: str, body: bytes | None) -> tuple[int, bytes]:
        if path == "/languages":
            return 200, LANGUAGES
        if path == "/spec":
            return 200, b'{"info": {"version": "fake-1"}}'
        q = json.loads(body or b"{}")["q"]
        result = answer(q)
        return status, result if isinstance(result, bytes) else json.dumps(result).encode()

    return behave


@pytest.fixture
def needs_mt(project: Path, cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose uk catalog has a human translation (memory for a twin entry) and entries for MT."""
    for key in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", API_KEY)
    (project / "source/bakhmut-un-chief.md").unlink()
    (project / "source/brief.md").write_text(BRIEF)
    (project / "source/second.md").write_text(SECOND)
    with (project / "pyproject.toml").open("a") as toml:
        toml.write("libretranslate_retries = 1\nlibretranslate_timeout = 2\n")  # roomy on a busy machine
    assert cli("update").exit_code == 0
    po = project / "locales/uk/LC_MESSAGES/brief.po"
    catalog = read_po(po)
    next(m for m in catalog.entries() if m.msgid == "Aid went to Kyiv.").msgstr = HUMAN
    write_po(catalog, po)
    return project


@pytest.mark.parametrize("behaviour, message", [
    (_translating(lambda q: {"translatedText": q[:-1]}), "/translate answered 3 translations for 4 texts"),
    (_translating(lambda q: {"translatedText": "one string"}), "/translate answered no list of translations"),
    (_translating(lambda q: b"<html>busy</html>"), "/translate answered something that is not JSON"),
    (_translating(lambda q: {"error": "Cannot translate text: out of memory"}, 500),
     "HTTP 500 from /translate: Cannot translate text: out of memory (tried 2 times)"),
    (_translating(lambda q: {"error": "uk is not supported"}, 400), "HTTP 400 from /translate: uk is not supported"),
    pytest.param(_translating(lambda q: (time.sleep(20), {"translatedText": q})[1]), "/translate timed out after 2 s",
                 marks=pytest.mark.slow),  # waits out the timeout
], ids=["wrong-count", "not-a-list", "not-json", "server-error", "client-error", "timeout"])
def test_a_broken_server_is_one_line_exit_3_and_writes_nothing(needs_mt: Path, cli, behaviour: Behaviour,
                                                              message: str) -> None:
    before = _snapshot(needs_mt)
    with fake_server(behaviour) as url:
        result = cli("pretranslate", "--lang", "uk", "--server", url)
    assert result.exit_code == 3
    assert result.stderr == f"l10n: error: uk: LibreTranslate at {url}: {message}\n"
    assert _snapshot(needs_mt) == before


def test_a_server_error_is_retried_with_backoff(needs_mt: Path, cli) -> None:
    calls: list[list[str]] = []

    def answer(q: list[str]) -> tuple[int, bytes]:
        calls.append(q)
        return (503, b'{"error": "restarting"}') if len(calls) == 1 else (200, json.dumps({"translatedText": q}).encode())

    def behave(path: str, body: bytes | None) -> tuple[int, bytes]:
        return answer(json.loads(body or b"{}")["q"]) if path == "/translate" else _translating(list)(path, body)

    with fake_server(behave) as url:
        result = cli("pretranslate", "--lang", "uk", "--server", url)
    assert result.exit_code == 0, result.output
    assert len(calls) == 2 and calls[0] == calls[1]
    assert "uk: 2 from memory, 4 from MT" in result.stdout
    entries = read_po(needs_mt / "locales/uk/LC_MESSAGES/second.po").entries()
    assert entries[-1].translator_comments[-1].startswith(f"MT: libretranslate {url} translate-en_uk@fake-1 ")


def test_a_server_without_the_pair_names_it(needs_mt: Path, cli) -> None:
    with fake_server(lambda path, body: (200, b'[{"code": "en", "targets": ["de"]}]')) as url:
        result = cli("pretranslate", "--lang", "uk", "--server", url)
    assert result.exit_code == 3 and result.stderr == f"l10n: error: uk: LibreTranslate at {url} has no model for en→uk\n"


def test_argos_engine_without_argostranslate_fails_in_one_line(needs_mt: Path, cli,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The slim install: the local engine says what to install, or to use a server."""
    monkeypatch.setitem(sys.modules, "argostranslate", None)
    monkeypatch.setitem(sys.modules, "ctranslate2", None)
    before = _snapshot(needs_mt)
    result = cli("pretranslate", "--lang", "uk")
    assert result.exit_code == 3
    assert result.stderr == ("l10n: error: uk: Argos Translate is not installed (a slim install): pip install "
                             "'l10n[argos]', or translate on a LibreTranslate server with --server URL\n")
    assert _snapshot(needs_mt) == before


@pytest.mark.parametrize("table, message", [
    ({"engine": "deepl"}, "tool.l10n.engine must be one of argos, libretranslate, not 'deepl'"),
    ({"engine": "libretranslate"}, "needs tool.l10n.libretranslate_url"),
    ({"libretranslate_url": "127.0.0.1:5000"}, "must be an http\\(s\\) URL"),
    ({"libretranslate_concurrency": 0}, "tool.l10n.libretranslate_concurrency must be greater than 0"),
    ({"libretranslate_timeout": "slow"}, "tool.l10n.libretranslate_timeout has the wrong type"),
    ({"libretranslate_retries": -1}, "tool.l10n.libretranslate_retries must be 0 or more"),
])
def test_bad_engine_config(tmp_path: Path, table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(table, tmp_path, "pyproject.toml")
