"""A keep-alive HTTP client for the benchmarks, and the CSRF token of a page."""

from __future__ import annotations

import http.client
import re
import time
from urllib.parse import urlencode


class Client:
    """A keep-alive HTTP client with its cookies."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, json: bool = False):
        """(status, Location header, body, milliseconds the round trip took)."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if json:
            headers["Accept"] = "application/json"
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read().decode()
        elapsed = (time.perf_counter() - started) * 1000
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, response.getheader("Location"), data, elapsed


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
