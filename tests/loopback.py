"""A test HTTP server on 127.0.0.1, run on a daemon thread for the length of a ``with``."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[str]:
    """Serve ``server`` (bound to 127.0.0.1) and yield its base URL; shut it down afterwards."""
    server.daemon_threads = True
    # shutdown() waits for serve_forever to notice, up to one poll interval
    # (0.5 s by default, paid by every test that serves a page)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
