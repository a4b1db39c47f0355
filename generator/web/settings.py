"""How the web server is set up: where it listens, who may use it, where its work goes."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
PASSWORD_VARIABLE = "GEN_REPORT_PASSWORD"
_PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"
"""Letters and digits nobody mistakes for one another (no l/1, o/0) when typing it in."""


@dataclass(frozen=True)
class WebSettings:
    """The server's settings, fixed at start-up."""

    work: Path
    """The folder holding every request's own folder (removed when the server stops)."""
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    password: str | None = None
    """Asked of every visitor (HTTP Basic) when set; required off the local machine."""

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach an address (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_password() -> str:
    """A password for the office's network: ten letters and digits, easy to read out."""
    return "".join(secrets.choice(_PASSWORD_LETTERS) for _ in range(10))
