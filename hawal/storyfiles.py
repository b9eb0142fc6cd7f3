"""Files next to a story: the images and documents a source refers to, checked and published with it.

`![Dukan dam at dawn](dukan-dam.jpg)` beside `content/2026/11/20/dukan-reservoir-low.md` names the
file `content/2026/11/20/dukan-dam.jpg`. Readers find such references when they parse a source
(`scan_references`, cached with the parse); every build then checks that each file is there
(a missing one is a `path:line` error), reads image sizes (Pillow, from the header), and publishes
one copy under `files/` that every language version of the page links to (`link_story_files`).

What is published: a relative reference from an image (any of IMAGE_SUFFIXES), or from a link to a
file whose suffix is one of DOCUMENT_SUFFIXES. Links to pages, anchors, other sources and http(s)
URLs are left as written. A reference must stay inside the content folder, through plain folders
and files (no links, no hidden names): what lies outside is never published.
"""
from __future__ import annotations

import html
import os
import posixpath
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote, unquote

IMAGE_SUFFIXES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
                  ".webp": "image/webp", ".avif": "image/avif"}
# No .svg, .html or .js: served from the site's own origin they could run scripts.
DOCUMENT_SUFFIXES = {".pdf": "application/pdf", ".csv": "text/csv",
                     ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                     ".odt": "application/vnd.oasis.opendocument.text",
                     ".ods": "application/vnd.oasis.opendocument.spreadsheet",
                     ".zip": "application/zip", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
                     ".mp4": "video/mp4", ".webm": "video/webm"}
# Pillow's names for the formats of IMAGE_SUFFIXES: a .jpg that is really a PNG still works, a text
# file called .jpg does not.
_PILLOW_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "AVIF", "MPO"}
FILES_FOLDER = "files"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_FENCED = re.compile(r"^ {0,3}(```|~~~).*?(?:^ {0,3}\1[^\n]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.DOTALL)
_INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"\(\s*(?P<url><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
_REF_DEF = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<url><[^<>\n]*>|\S+)", re.MULTILINE)
_REF_USE = re.compile(r"(?P<bang>!?)\[(?P<text>[^\[\]\n]*)\]\s?\[(?P<label>[^\[\]\n]*)\]")


@dataclass(frozen=True)
class FileReference:
    """A file a source refers to, as written: `url` relative to the source's folder."""

    url: str
    line: int                     # 1-based line in `source`
    source: str                   # the referring file, relative to the project root (for messages)
    image: bool                   # an image (`![alt](url)`) rather than a link
    alt: str = ""                 # an image's description, as written


@dataclass(frozen=True)
class StoryFile:
    """A file published with a story, once for all its language versions."""

    url: str                      # as the source wrote it
    site_path: str                # where it is published: "files/2026/11/20/dukan-dam.jpg"
    disk_path: str
    media_type: str
    size: int
    stamp: str                    # changes when the file does (size and modification time)
    width: int | None = None      # images: as displayed (EXIF rotation applied)
    height: int | None = None

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class LeadImage:
    """The image a story shows on cards and in feeds, with its description in one language."""

    file: StoryFile
    alt: str


def is_remote(url: str) -> bool:
    return bool(_SCHEME.match(url)) or url.startswith("//")


def local_path(url: str) -> str | None:
    """The file path of a relative reference (query and fragment dropped, %-escapes decoded), or
    None for what is not a file next to the story (URLs, anchors, site-absolute paths)."""
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    if not url or url.startswith(("#", "/", "?")) or is_remote(url):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    return path or None


def publishable(url: str, image: bool) -> bool:
    """Is this reference a file hawal publishes with the story?"""
    path = local_path(url)
    if path is None or path.endswith("/"):
        return False
    suffix = posixpath.splitext(path)[1].lower()
    return image or suffix in DOCUMENT_SUFFIXES or suffix in IMAGE_SUFFIXES


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def scan_references(body: str, text: str, source: str, first_line: int = 1) -> tuple[FileReference, ...]:
    """The files a Markdown body refers to (images and documents), with their lines in the file.

    `text` is the whole file as read (the body is normalized and may be shifted): each reference's
    line is where its URL first appears at or after `first_line` (else `first_line`)."""
    if "](" not in body and "]:" not in body and "][" not in body:
        return ()
    visible = _CODE_SPAN.sub(_blank, _FENCED.sub(_blank, body))
    definitions = {m["label"].strip().casefold(): m["url"] for m in _REF_DEF.finditer(visible)}
    found: list[tuple[str, bool, str]] = []
    for m in _INLINE.finditer(visible):
        found.append((m["url"], bool(m["bang"]), m["text"]))
    for m in _REF_USE.finditer(visible):
        label = (m["label"] or m["text"]).strip().casefold()
        if label in definitions:
            found.append((definitions[label], bool(m["bang"]), m["text"]))
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    start = offsets[min(max(first_line, 1), len(lines)) - 1]
    out: list[FileReference] = []
    seen: set[tuple[str, bool]] = set()
    for url, image, alt in found:
        url = url.strip()
        if url.startswith("<") and url.endswith(">"):
            url = url[1:-1].strip()
        if (url, image) in seen or not (publishable(url, image) or (image and url)):
            continue
        seen.add((url, image))
        at = text.find(url, start)
        line = first_line if at < 0 else next(n for n, o in enumerate(offsets[1:], 1) if o > at)
        out.append(FileReference(url, line, source, image, alt))
    return tuple(out)


@dataclass
class FileProblem:
    source: str
    line: int
    message: str


def resolve(ref: FileReference, content_dir: Path, root: Path,
            read_size: Callable[[Path], tuple[int, int] | None] | None = None) -> StoryFile | FileProblem:
    """The file behind a reference, checked: inside the content folder, a plain file, of a type
    hawal publishes, and (for images) readable with its size. Remote images are not files."""
    read_size = read_size or image_size
    path = local_path(ref.url)
    what = "image" if ref.image else "file"
    if path is None:
        return FileProblem(ref.source, ref.line, f"{what} {ref.url!r} is not a file next to the story")
    source_folder = posixpath.dirname(_content_relative(ref.source, content_dir, root))
    rel = posixpath.normpath(posixpath.join(source_folder, path))
    if rel.startswith("../") or rel == ".." or posixpath.isabs(rel) or "\\" in path:
        return FileProblem(ref.source, ref.line,
                           f"{what} {ref.url!r} lies outside the content folder; put it next to the story")
    if any(part.startswith(".") for part in rel.split("/")):
        return FileProblem(ref.source, ref.line, f"{what} {ref.url!r} is a hidden file; hidden files are not published")
    suffix = posixpath.splitext(rel)[1].lower()
    media_type = IMAGE_SUFFIXES.get(suffix) or (None if ref.image else DOCUMENT_SUFFIXES.get(suffix))
    if media_type is None:
        kinds = IMAGE_SUFFIXES if ref.image else {**IMAGE_SUFFIXES, **DOCUMENT_SUFFIXES}
        return FileProblem(ref.source, ref.line,
                           f"{what} {ref.url!r}: {suffix or 'files without a suffix'} cannot be published "
                           f"(allowed: {', '.join(sorted(kinds))})")
    disk = content_dir / rel
    shown = _project_relative(disk, root)
    problem = _plain_file_problem(content_dir, rel)
    if problem == "missing":
        return FileProblem(ref.source, ref.line, f"{what} {ref.url!r} not found: there is no {shown}")
    if problem:
        return FileProblem(ref.source, ref.line, f"{what} {ref.url!r}: {shown} {problem}; not published")
    info = disk.stat()
    width = height = None
    if ref.image:
        size = read_size(disk)
        if size is None:
            return FileProblem(ref.source, ref.line, f"image {ref.url!r}: {shown} is not an image hawal can read "
                                                     f"(JPEG, PNG, GIF, WebP or AVIF)")
        width, height = size
    return StoryFile(ref.url, f"{FILES_FOLDER}/{rel}", str(disk), media_type, info.st_size,
                     f"{info.st_size}:{info.st_mtime_ns}", width, height)


def _content_relative(source: str, content_dir: Path, root: Path) -> str:
    absolute = (root / source) if not os.path.isabs(source) else Path(source)
    try:
        return absolute.relative_to(content_dir).as_posix()
    except ValueError:
        return Path(source).name


def _project_relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _plain_file_problem(content_dir: Path, rel: str) -> str | None:
    """None for a regular file reached through real folders; "missing"; or what else it is."""
    current = content_dir
    parts = rel.split("/")
    for n, part in enumerate(parts):
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return "missing"
        except OSError as exc:
            return f"cannot be read ({exc.strerror})"
        if stat.S_ISLNK(mode):
            return "is reached through a symbolic link (links are not followed)"
        last = n == len(parts) - 1
        if last and not stat.S_ISREG(mode):
            return "is not a regular file"
        if not last and not stat.S_ISDIR(mode):
            return "missing"
    return None


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) as an image is displayed, read from its header with Pillow; None when the
    file is not an image of a published format."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            if image.format not in _PILLOW_FORMATS:
                return None
            width, height = image.size
            try:
                orientation = image.getexif().get(0x0112)
            except Exception:             # a broken EXIF block: the pixels still show as stored
                orientation = None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
    if orientation in (5, 6, 7, 8):       # stored sideways, shown upright
        width, height = height, width
    return width, height


# --- pages ---------------------------------------------------------------------------------------

_TAG = re.compile(r"<(img|a)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([^\s=/>]+)(?:="([^"]*)")?')


def link_story_files(html_text: str, files: dict[str, StoryFile], link: Callable[[str], str]) -> str:
    """Point a body's references to its published files (`link(site_path)` gives the URL), give
    images their width and height and let them load lazily; drop every other image.

    `html_text` is sanitized HTML (nh3 writes every attribute as name="value")."""
    if "<img" not in html_text and not files:
        return html_text

    def rewrite(m: re.Match) -> str:
        name = m.group(1).lower()
        attributes = [(k, html.unescape(v) if v is not None else None) for k, v in _ATTRIBUTE.findall(m.group(2))]
        values = dict(attributes)
        key = "src" if name == "img" else "href"
        target = values.get(key) or ""
        found = files.get(target) or files.get(unquote(target))
        if found is None:
            # Only checked files next to the story are shown: no image from another site (a
            # tracking pixel, a hot link) and no raw-HTML image that no build ever checked.
            return m.group(0) if name == "a" else ""
        out = []
        for k, v in attributes:
            if k == key and found is not None:
                v = link(quote(found.site_path))
            if k in ("width", "height", "loading", "decoding"):
                continue
            out.append((k, v))
        if name == "img":
            if found.width and found.height:
                out += [("width", str(found.width)), ("height", str(found.height))]
            out += [("loading", "lazy"), ("decoding", "async")]
        rendered = "".join(f' {k}="{html.escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in out)
        return f"<{name}{rendered}>"

    return _TAG.sub(rewrite, html_text)


def lead_image_alt(body: str, url: str) -> str | None:
    """The description of the image `url` in a (translated) Markdown body, or None if absent."""
    for m in _INLINE.finditer(body):
        found = m["url"].strip()
        if found.startswith("<") and found.endswith(">"):
            found = found[1:-1].strip()
        if m["bang"] and found == url:
            return m["text"]
    definitions = {m["label"].strip().casefold(): m["url"] for m in _REF_DEF.finditer(body)}
    for m in _REF_USE.finditer(body):
        label = (m["label"] or m["text"]).strip().casefold()
        if m["bang"] and definitions.get(label, "").strip("<>") == url:
            return m["text"]
    return None


def files_by_url(files: Iterable[StoryFile]) -> dict[str, StoryFile]:
    return {f.url: f for f in files}
