"""LibreTranslate: machine translation from a shared server, over HTTP.

A newsroom with many translators and CI runners serves its Argos models once,
from LibreTranslate (several instances behind a load balancer scale it), and
every ``l10n pretranslate`` sends its segments there.  This module speaks the
server's JSON API with the standard library only (``urllib``, a small thread
pool); it imports no Argos, CTranslate2 or torch, so a slim install without
them can pretranslate.  Glossary enforcement, translation memory, provenance
and the never-touch-a-translator rule stay in :mod:`l10n.pretranslate`: this
engine only translates.

What the server does, read from LibreTranslate 1.9.6's ``app.py``:

* ``POST /translate`` takes ``q`` as one string or a list and answers
  ``{"translatedText": [...]}``, one per input; it translates a list one
  text at a time, so parallel requests are what use a multi-instance server.
* ``format: "text"`` keeps our ``<1>…</1>`` placeholders as plain text (the
  model sees them as Argos does locally); ``"html"`` parses them as tags and
  loses ``</1>``.  In text mode the server HTML-unescapes every output
  (``&amp;`` → ``&``), so a text that unescaping would change is sent with its
  ``&`` escaped (:func:`shield`).
* Errors are ``{"error": "..."}`` with 400 (bad request, unknown language),
  403 (invalid API key), 429 (rate limit) or 500.
* ``GET /languages`` lists codes and targets, with no model version; ``GET
  /spec`` carries the server version (``info.version``).
"""

from __future__ import annotations

import html
import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from l10n.engines import Progress
from l10n.errors import EngineError

API_KEY_ENV = "LIBRETRANSLATE_API_KEY"
"""The environment variable holding the server's API key (never the config file)."""
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
ERROR_LENGTH = 200


@dataclass(frozen=True)
class ServerSettings:
    """Where the server is and how hard to use it.

    ``concurrency`` requests run at once, each with up to ``batch_size``
    texts; a request that fails with a 5xx or 429 status, or cannot connect,
    is retried ``retries`` times, waiting ``backoff`` seconds, then twice
    that, and so on.  A request that times out is not retried: the server may
    still be working on it, and resending would double a busy server's load.
    """

    url: str
    api_key: str | None = None
    concurrency: int = 4
    batch_size: int = 32
    timeout: float = 120.0
    retries: int = 3
    backoff: float = 0.5


class _Retryable(Exception):
    """A failure worth another attempt (server error, refused connection)."""


class LibreTranslateTranslator:
    """One language pair on a LibreTranslate server.

    Loading asks the server which pairs it serves (an error names the pair if
    it lacks ours) and which version it runs: the provenance credits the
    server, the pair's model and that version (``libretranslate
    http://mt.example:5000 translate-en_uk@1.9.6``), because LibreTranslate
    does not report the installed package's own version.
    """

    name = "libretranslate"

    def __init__(self, from_code: str, to_code: str, server: ServerSettings):
        self.server = server
        self.url = server.url.rstrip("/")
        self.pair = (from_code, to_code)
        self._check_pair(self._request("/languages"))
        self.version = f"{shown_url(self.url)} translate-{from_code}_{to_code}@{self._server_version()}"

    def translate_batch(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """Translate every distinct text once, in batched requests run side by side."""
        unique = list(dict.fromkeys(texts))
        size = self.server.batch_size
        batches = [unique[start:start + size] for start in range(0, len(unique), size)]
        results: dict[str, str] = {}
        if not batches:
            return []
        with ThreadPoolExecutor(max_workers=min(self.server.concurrency, len(batches))) as pool:
            owner = {pool.submit(self._translate, batch): batch for batch in batches}
            pending: set[Future[list[str]]] = set(owner)
            try:
                while pending:
                    done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                    for future in done:
                        results.update(zip(owner[future], future.result(), strict=True))
                    if progress is not None:
                        progress(len(results), len(unique))
            except BaseException:
                for future in pending:
                    future.cancel()  # queued batches never start once one has failed
                raise
        return [results[text] for text in texts]

    def _translate(self, batch: list[str]) -> list[str]:
        payload: dict[str, object] = {"q": [shield(text) for text in batch], "source": self.pair[0], "target": self.pair[1],
                   "format": "text"}
        if self.server.api_key:
            payload["api_key"] = self.server.api_key
        answer = self._request("/translate", payload)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if not isinstance(translated, list) or not all(isinstance(item, str) for item in translated):
            raise EngineError(f"LibreTranslate at {shown_url(self.url)}: /translate answered no list of translations")
        if len(translated) != len(batch):
            raise EngineError(f"LibreTranslate at {shown_url(self.url)}: /translate answered {len(translated)} "
                              f"translations for {len(batch)} texts")
        return translated

    def _check_pair(self, languages: object) -> None:
        source, target = self.pair
        if not isinstance(languages, list):
            raise EngineError(f"LibreTranslate at {shown_url(self.url)}: /languages answered no list")
        for language in languages:
            if isinstance(language, dict) and language.get("code") == source:
                if target in (language.get("targets") or []):
                    return
        raise EngineError(f"LibreTranslate at {shown_url(self.url)} has no model for {source}→{target}")

    def _server_version(self) -> str:
        """The server's version from ``/spec``, or ``unknown`` (a proxy may hide it)."""
        try:
            spec = self._request("/spec")
        except EngineError:
            return "unknown"
        info = spec.get("info") if isinstance(spec, dict) else None
        version = info.get("version") if isinstance(info, dict) else None
        return str(version) if version else "unknown"

    def _request(self, path: str, payload: dict[str, object] | None = None) -> object:
        """One API call, retried with backoff on server errors and refused connections."""
        attempts = self.server.retries + 1
        for attempt in range(attempts):
            try:
                return self._send(path, payload)
            except _Retryable as error:
                if attempt + 1 == attempts:
                    raise EngineError(f"LibreTranslate at {shown_url(self.url)}: {error} "
                                      f"(tried {attempts} time{'s' if attempts > 1 else ''})") from None
                time.sleep(self.server.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _send(self, path: str, payload: dict[str, object] | None) -> object:
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method="GET" if data is None else "POST",
                                         headers={"Content-Type": "application/json", "Accept": "application/json"})
        where = f"LibreTranslate at {shown_url(self.url)}"
        try:
            with urllib.request.urlopen(request, timeout=self.server.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            message = f"HTTP {error.code} from {path}: {_error_text(error)}"
            if error.code in RETRIED_STATUSES:
                raise _Retryable(message) from None
            raise EngineError(f"{where}: {message}") from None
        except http.client.HTTPException as error:
            raise EngineError(f"{where}: {path} gave a broken HTTP response ({type(error).__name__})") from None
        except TimeoutError:
            raise EngineError(f"{where}: {path} timed out after {self.server.timeout:g} s") from None
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                raise EngineError(f"{where}: {path} timed out after {self.server.timeout:g} s") from None
            raise _Retryable(f"cannot connect: {reason}") from None
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise EngineError(f"{where}: {path} answered something that is not JSON") from None


def shield(text: str) -> str:
    """``text`` as sent in text mode, so the server's HTML-unescaping gives it back unchanged."""
    return text.replace("&", "&amp;") if html.unescape(text) != text else text


def shown_url(url: str) -> str:
    """The server URL without user, password or query, as messages and provenance show it."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def _error_text(error: urllib.error.HTTPError) -> str:
    """The server's ``{"error": ...}`` message on one line, or the HTTP reason."""
    try:
        body = json.loads(error.read().decode("utf-8"))
        text = str(body.get("error")) if isinstance(body, dict) and body.get("error") else str(error.reason)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        text = str(error.reason)
    return " ".join(text.split())[:ERROR_LENGTH]


__all__ = ["API_KEY_ENV", "LibreTranslateTranslator", "ServerSettings", "shield", "shown_url"]
