"""A hostile web site on a real socket, for the crawl fault suite (tests/test_crawl_faults.py).

`FaultSite` serves, from one threaded HTTP server: six real article pages (fixtures/pages), an index that
links to everything below, and the faults a hostile or broken site offers a crawler:

- `/r/<name>`: a 302 to each of `redirects` (private, loopback, link-local, metadata, other hosts);
- `/status/500`, `/reset` (the connection is cut with no answer), `/trickle` (one byte every 0.5 s),
  `/huge` (announces 1 GB and streams zeros), `/endless` (chunked, never ends), `/bomb` (a gzip bomb:
  1 MB that inflates to 1 GB), `/doc.html` (HTML served as application/pdf), `/private/x.html` (robots.txt);
- pathological HTML: `/anchors.html` (262 KB, 8,000 unclosed <a href>), `/fullstops.html` (200 KB of
  full stops inside one tag), `/style.html` (an article with a 200 KB <style> holding no "{").

`Sink` is a TCP listener that only counts connections: put one on every address the crawl must never reach.
Every request the site answers is recorded in `requests` (path).
"""

from __future__ import annotations

import socket
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ["dd01_leafhopper.html", "dd03_canal.html", "mb01_nap.html", "pc01_coldchain.html",
            "pc03_zerocarbon.html", "or01_provgames.html"]
FAULTS = ["/status/500", "/reset", "/trickle", "/huge", "/endless", "/bomb", "/doc.html", "/private/x.html",
          "/anchors.html", "/fullstops.html", "/style.html"]


def _bomb() -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    return b"".join([*(z.compress(chunk) for _ in range(1024)), z.flush()])


class Sink:
    """A listener on (host, port) that accepts and counts connections, and answers nothing."""

    def __init__(self, host: str, port: int = 0) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(16)
        self.host, self.port = host, self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


class FaultSite:
    """The hostile site on (host, port); `redirects` maps names to the URLs /r/<name> redirects to."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, redirects: dict[str, str] | None = None,
                 article_delay: float = 0.0) -> None:
        self.redirects = dict(redirects or {})
        self.article_delay = article_delay
        self.requests: list[str] = []
        self.articles = {f"/a/{i}.html": (ROOT / "fixtures" / "pages" / name).read_bytes()
                         for i, name in enumerate(ARTICLES, 1)}
        self.bomb = _bomb()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's interface
                site.requests.append(self.path)
                try:
                    site.route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        server_class = type("Server", (ThreadingHTTPServer,), {"address_family": family, "daemon_threads": True,
                                                               "handle_error": lambda *args: None})
        self.server = server_class((host, port), Handler)
        self.host, self.port = host, self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}" if self.port != 80 else f"http://{host}"

    def __enter__(self) -> FaultSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ------------------------------------------------------------------ pages

    def index(self) -> bytes:
        links = [*self.articles, *FAULTS, *(f"/r/{name}" for name in self.redirects)]
        items = "".join(f'<li><a href="{path}">{path}</a></li>' for path in links)
        return (f"<html><head><meta charset='utf-8'><title>站点首页</title></head><body><ul>{items}</ul>"
                "</body></html>").encode()

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        if path == "/robots.txt":
            return self.send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in ("/", "/index.html"):
            return self.send(h, 200, self.index())
        if path in self.articles:
            time.sleep(self.article_delay)
            return self.send(h, 200, self.articles[path])
        if path.startswith("/r/") and path[3:] in self.redirects:
            return self.send(h, 302, b"", headers={"Location": self.redirects[path[3:]]})
        if path == "/status/500":
            return self.send(h, 500, b"<html><body>Internal Server Error</body></html>")
        if path == "/reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.close_connection = True
            return None
        if path == "/trickle":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", "100000")
            h.end_headers()
            for _ in range(600):
                h.wfile.write(b"<")
                h.wfile.flush()
                time.sleep(0.5)
            return None
        if path in ("/huge", "/endless"):
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            if path == "/huge":
                h.send_header("Content-Length", str(1 << 30))
            else:
                h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            chunk = b"<p>" + b"x" * 65533
            for _ in range(1 << 14):
                h.wfile.write(chunk if path == "/huge" else b"%x\r\n%s\r\n" % (len(chunk), chunk))
            return None
        if path == "/bomb":
            return self.send(h, 200, self.bomb, headers={"Content-Encoding": "gzip"})
        if path == "/doc.html":
            return self.send(h, 200, self.articles["/a/1.html"], "application/pdf")
        if path == "/anchors.html":
            body = "<html><body>" + "".join(f'<a href="http://offsite.invalid/p/{i}.html">第{i}篇' for i in range(8000))
            return self.send(h, 200, body.encode())
        if path == "/fullstops.html":
            return self.send(h, 200, b"<html><body><p " + "。".encode() * 70_000 + b"></p></body></html>")
        if path == "/style.html":
            page = self.articles["/a/4.html"].replace(b"</head>", b"<style>" + b"a" * 200_000 + b"</style></head>", 1)
            return self.send(h, 200, page)
        return self.send(h, 404, b"<html><body>Not Found</body></html>")

    @staticmethod
    def send(h: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str = "text/html",
             headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(body)
