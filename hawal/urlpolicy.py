"""Which URLs may reach a page: http(s) or relative, nothing that a browser could run.

Every URL that comes from a source (source_url, links and images in a body), the configuration
(base_url) or a model package (links in its metadata) goes through `url_problem`. A browser
drops tabs and newlines inside a URL and leading control characters and spaces before reading
its scheme (so `java\\tscript:` is `javascript:`), which is why any whitespace or control
character is refused outright rather than cleaned.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
# Body links may also write to someone (mailto:); neither http(s) nor mailto can run code.
LINK_SCHEMES = ("http", "https", "mailto")
MAX_URL_CHARS = 2048

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]")


def _show(value: str) -> str:
    text = value if len(value) <= 80 else value[:77] + "…"
    return repr(text)


def url_problem(value: object, *, schemes: tuple[str, ...] = WEB_SCHEMES, relative: bool = True,
                what: str = "URL") -> str | None:
    """What is wrong with a URL, or None when it may be used.

    Allowed: `schemes` (http and https by default) with a host, and, when `relative` is true,
    relative references (`/path`, `page.html`, `#part`, `//host/path`).
    """
    if not isinstance(value, str):
        return f"{what} must be text, got {type(value).__name__}"
    if not value:
        return f"{what} is empty"
    if len(value) > MAX_URL_CHARS:
        return f"{what} is longer than {MAX_URL_CHARS} characters"
    bad = _UNSAFE_CHARS.search(value)
    if bad:
        return (f"{what} {_show(value)} contains a space or an invisible/control character "
                f"(U+{ord(bad.group()):04X}); write spaces as %20")
    if "\\" in value:
        return f"{what} {_show(value)} contains a backslash; use '/'"
    m = _SCHEME.match(value)
    allowed = " or ".join(f"{s}:" for s in schemes) + (" or a relative link" if relative else "")
    if m is None:
        if ":" in value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
            return f"{what} {_show(value)} is not {allowed}"
        if not relative:
            return f"{what} {_show(value)} must be an absolute {allowed.replace(' or a relative link', '')} URL"
        return None
    scheme = m.group(1).lower()
    if scheme not in schemes:
        return f"{what} {_show(value)} uses the scheme {scheme!r}; only {allowed} is allowed"
    if scheme in WEB_SCHEMES:
        try:
            parts = urlsplit(value)
            parts.port              # raises on a bad port
        except ValueError as exc:
            return f"{what} {_show(value)} is not a valid URL ({exc})"
        if not parts.netloc or not parts.hostname:
            return f"{what} {_show(value)} has no host (write {scheme}://host/…)"
    return None


def is_safe_link(value: str) -> bool:
    """True when a link found in rendered HTML may stay (a body link's rules)."""
    return url_problem(value, schemes=LINK_SCHEMES) is None
