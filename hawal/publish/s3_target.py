"""`s3` target: an S3-compatible bucket through boto3 (the optional `s3` extra).

Only files whose MD5 differs from the object's ETag are uploaded; assets go first and pages and
feeds last, so a page never links to an asset not yet there; removed keys are deleted at the end.
"""
from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, ClassVar

from ..config import Config
from .common import (MANIFEST, BuiltSite, Changes, PublishError, PublishResult, TargetConfigError, expect_str,
                     manifest_bytes, parse_manifest, refuse_foreign_files)

# The standard library's own table only: the system's /etc/mime.types differs between machines.
_MIME = mimetypes.MimeTypes(filenames=())
CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript",
    ".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
    ".atom": "application/atom+xml", ".rss": "application/rss+xml", ".xsl": "application/xslt+xml",
    ".webmanifest": "application/manifest+json", ".txt": "text/plain", ".svg": "image/svg+xml",
    ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf",
    ".ico": "image/x-icon", ".wasm": "application/wasm", ".webp": "image/webp", ".avif": "image/avif",
    ".map": "application/json",
}
TEXT_TYPES = {"application/json", "application/xml", "application/atom+xml", "application/rss+xml",
              "application/manifest+json", "application/xslt+xml", "image/svg+xml"}
SHORT = "public, max-age=300"                        # pages and feeds: news changes through the day
DAY = "public, max-age=86400"
YEAR = "public, max-age=31536000, immutable"
FEED_SUFFIXES = {".html", ".htm", ".xml", ".atom", ".rss", ".json", ".txt", ".webmanifest"}
FONT_SUFFIXES = {".woff2", ".woff", ".ttf", ".otf"}
# A name carrying a content hash (site.3f2a9c1b.css) never changes its bytes.
FINGERPRINTED = re.compile(r"[.-][0-9a-f]{8,}\.[a-z0-9]+$")


def content_type_for(path: str) -> str:
    """The Content-Type header for a site file, with charset=utf-8 on text."""
    suffix = PurePosixPath(path).suffix.lower()
    kind = CONTENT_TYPES.get(suffix) or _MIME.guess_type("x" + suffix)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in TEXT_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


def cache_control_for(path: str) -> str:
    """The Cache-Control header: short for pages and feeds, long for fonts, CSS, scripts and media."""
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in FEED_SUFFIXES:
        return SHORT
    if suffix in FONT_SUFFIXES or FINGERPRINTED.search(path.lower()):
        return YEAR
    # CSS, scripts and images keep their names when they change: a day, not a year, so an edited
    # stylesheet reaches readers by tomorrow.
    return DAY


def upload_order(path: str) -> tuple[int, str]:
    """Assets first, then pages, then feeds and sitemaps: nothing is linked before it exists."""
    suffix = PurePosixPath(path).suffix.lower()
    rank = 2 if suffix in {".xml", ".atom", ".rss"} else 1 if suffix in {".html", ".htm"} else 0
    return rank, path


def md5_of(path) -> str:
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class S3Target:
    """Upload to `bucket` under `prefix`; credentials come from boto3's usual places."""
    name: str
    bucket: str
    prefix: str = ""
    endpoint_url: str | None = None
    region: str | None = None
    profile: str | None = None
    cache_control: dict[str, str] = field(default_factory=dict)   # suffix → header, overriding the defaults
    force: bool = False               # delete or overwrite objects hawal did not put there (`publish --force`)
    kind: ClassVar[str] = "s3"
    required: ClassVar[tuple[str, ...]] = ("bucket",)
    optional: ClassVar[tuple[str, ...]] = ("prefix", "endpoint_url", "region", "profile", "cache_control")

    @classmethod
    def from_options(cls, name: str, options: dict, config: Config) -> "S3Target":
        bucket = expect_str(name, "bucket", options["bucket"])
        prefix = expect_str(name, "prefix", options.get("prefix", ""), allow_empty=True).lstrip("/")
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        optional = {k: expect_str(name, k, options[k]) if options.get(k) is not None else None
                    for k in ("endpoint_url", "region", "profile")}
        cache = options.get("cache_control") or {}
        if not isinstance(cache, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in cache.items()):
            raise TargetConfigError(f"publish target {name!r}: cache_control: expected a mapping of "
                                    "file suffix (.css) to a Cache-Control header")
        cache = {(k if k.startswith(".") else "." + k).lower(): v for k, v in cache.items()}
        return cls(name, bucket, prefix, cache_control=cache, **optional)

    def describe(self) -> str:
        where = f" at {self.endpoint_url}" if self.endpoint_url else ""
        return f"s3 s3://{self.bucket}/{self.prefix}{where}"

    def headers_for(self, path: str) -> dict[str, str]:
        suffix = PurePosixPath(path).suffix.lower()
        return {"ContentType": content_type_for(path),
                "CacheControl": self.cache_control.get(suffix) or cache_control_for(path)}

    def client(self) -> Any:
        try:
            import boto3
            from botocore.config import Config as BotoConfig
        except ImportError:
            raise PublishError(f"{self.name}: the s3 target needs boto3; install it with "
                               "pip install 'hawal[s3]'") from None
        session = boto3.session.Session(profile_name=self.profile, region_name=self.region)
        try:
            # Newer botocore adds checksums some S3-compatible services refuse; send them only when required.
            boto_config = BotoConfig(request_checksum_calculation="when_required",
                                     response_checksum_validation="when_required")
        except TypeError:
            boto_config = BotoConfig()
        return session.client("s3", endpoint_url=self.endpoint_url, config=boto_config)

    def remote_objects(self, s3) -> dict[str, str]:
        """ETag (without quotes) of every object under the prefix, by path relative to it (the manifest too)."""
        found: dict[str, str] = {}
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
            for obj in page.get("Contents", []):
                rel = obj["Key"][len(self.prefix):]
                if rel and not rel.endswith("/"):
                    found[rel] = obj.get("ETag", "").strip('"')
        return found

    def put_manifest(self, s3, files: set[str]) -> None:
        s3.put_object(Bucket=self.bucket, Key=self.prefix + MANIFEST, Body=manifest_bytes(files),
                      ContentType="application/json; charset=utf-8", CacheControl="no-cache")

    def publish(self, site: BuiltSite, dry_run: bool = False) -> PublishResult:
        s3 = self.client()
        from botocore.exceptions import BotoCoreError, ClientError
        failures = (BotoCoreError, ClientError, OSError)
        try:
            remote = self.remote_objects(s3)
            has_manifest = remote.pop(MANIFEST, None) is not None
            ours = (parse_manifest(s3.get_object(Bucket=self.bucket, Key=self.prefix + MANIFEST)["Body"].read())
                    if has_manifest else set())
        except failures as exc:
            raise PublishError(f"{self.name}: cannot list s3://{self.bucket}/{self.prefix} ({_reason(exc)}); "
                               "nothing was uploaded") from None
        md5s = {rel: md5_of(f.source) for rel, f in site.files.items()}
        # A multipart or KMS-encrypted object's ETag is no MD5; such files are simply sent again.
        changes = Changes(added=[r for r in md5s if r not in remote],
                          changed=[r for r in md5s if r in remote and remote[r] != md5s[r]],
                          removed=[r for r in remote if r not in site.files]).sorted()
        if not self.force:
            refuse_foreign_files(self.name, f"s3://{self.bucket}/{self.prefix}", changes, ours)
        if dry_run or (changes.empty and has_manifest and ours == set(site.files)):
            return PublishResult(self.name, changes, dry_run)

        to_upload = sorted(changes.added + changes.changed, key=upload_order)
        uploaded: list[str] = []
        deleted: list[str] = []
        current = ""
        listed = ours if has_manifest else None       # what the manifest in the bucket lists
        try:
            if not changes.empty:
                # hawal's old files stay listed until all is through: a failed publish leaves nothing of
                # hawal's that a later one would take for someone else's.
                current, listed = MANIFEST, ours | set(site.files)
                self.put_manifest(s3, listed)
            for rel in to_upload:
                current = rel
                data = site.files[rel].source.read_bytes()
                s3.put_object(Bucket=self.bucket, Key=self.prefix + rel, Body=data,
                              ContentMD5=base64.b64encode(bytes.fromhex(md5s[rel])).decode(), **self.headers_for(rel))
                uploaded.append(rel)
            current = ""
            for start in range(0, len(changes.removed), 1000):
                batch = changes.removed[start:start + 1000]
                answer = s3.delete_objects(Bucket=self.bucket, Delete={
                    "Objects": [{"Key": self.prefix + rel} for rel in batch], "Quiet": True})
                failed = {e["Key"][len(self.prefix):]: e.get("Message", e.get("Code", "")) for e in answer.get("Errors", [])}
                deleted += [rel for rel in batch if rel not in failed]
                if failed:
                    first = next(iter(failed.items()))
                    raise PublishError(f"cannot delete {first[0]}: {first[1]}")
            if listed != set(site.files):
                current = MANIFEST
                self.put_manifest(s3, set(site.files))
                current = ""
        except (*failures, PublishError) as exc:
            not_uploaded = [rel for rel in to_upload if rel not in uploaded]
            not_deleted = [rel for rel in changes.removed if rel not in deleted]
            where = f" at {current}" if current else " while deleting removed files"
            raise PublishError(
                f"{self.name}: s3 publish failed{where} ({_reason(exc)}); uploaded {len(uploaded)} of "
                f"{len(to_upload)} files and deleted {len(deleted)} of {len(changes.removed)}; "
                "the bucket now mixes old and new files, run publish again to finish",
                [f"  uploaded: {r}" for r in uploaded] + [f"  not uploaded: {r}" for r in not_uploaded]
                + [f"  deleted: {r}" for r in deleted] + [f"  not deleted: {r}" for r in not_deleted]) from None
        return PublishResult(self.name, changes, False, f"uploaded to s3://{self.bucket}/{self.prefix}")


def _reason(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict) and "Error" in response:
        error = response["Error"]
        return f"{error.get('Code', '')}: {error.get('Message', '')}".strip(": ")
    return str(exc)
