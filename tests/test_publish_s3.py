"""publish to an S3 bucket, against moto's in-process S3 (no network)."""
from __future__ import annotations

import sys

import pytest

from hawal.publish import publish_site
from hawal.publish.common import MANIFEST, parse_manifest
from hawal.publish.s3_target import S3Target, cache_control_for, content_type_for
from test_publish import SITE_V1, SITE_V2, make_site, rebuild, run_cli

boto3 = pytest.importorskip("boto3", reason="boto3 is the optional s3 extra: pip install -e '.[s3,test]'")
moto = pytest.importorskip("moto", reason="moto[s3] is in the test extra")

SITE = {
    **SITE_V1,
    "sitemap.xml": "<urlset/>",
    "en/feed.atom": "<feed/>",
    "manifest.webmanifest": "{}",
    "static/fonts/noto-naskh-arabic-400-normal.woff2": b"wOF2\x00\x01",
    "static/fonts/OFL.txt": "licence",
    "static/search.3f2a9c1b7d.js": "search()",
    "static/logo.png": b"\x89PNG\r\n",
}


@pytest.fixture
def s3(monkeypatch):
    for var, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(var, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    with moto.mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket="briefing-bucket")
        yield client


def bucket_config(tmp_path, files=SITE):
    return make_site(tmp_path / "p", files, [{"name": "bucket", "type": "s3", "bucket": "briefing-bucket",
                                              "prefix": "briefing", "region": "us-east-1"}])


def keys(client) -> list[str]:
    """The bucket's keys, but hawal's manifest."""
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket="briefing-bucket").get("Contents", [])
                  if not o["Key"].endswith(MANIFEST))


def manifest(client) -> list[str]:
    body = client.get_object(Bucket="briefing-bucket", Key="briefing/" + MANIFEST)["Body"].read()
    return sorted(parse_manifest(body))


@pytest.mark.parametrize("path, content_type", [
    ("en/index.html", "text/html; charset=utf-8"),
    ("en/feed.xml", "application/xml; charset=utf-8"),
    ("sitemap.xml", "application/xml; charset=utf-8"),
    ("en/feed.atom", "application/atom+xml; charset=utf-8"),
    ("manifest.webmanifest", "application/manifest+json; charset=utf-8"),
    ("static/fonts/a.woff2", "font/woff2"),
    ("static/site.css", "text/css; charset=utf-8"),
    ("static/app.js", "text/javascript; charset=utf-8"),
    ("static/logo.png", "image/png"),
    ("static/logo.svg", "image/svg+xml; charset=utf-8"),
    ("pagefind/index/x.pf_index", "application/octet-stream"),
])
def test_content_types(path, content_type):
    assert content_type_for(path) == content_type


@pytest.mark.parametrize("path, cache", [
    ("en/index.html", "public, max-age=300"),
    ("en/feed.xml", "public, max-age=300"),
    ("en/feed.atom", "public, max-age=300"),
    ("static/fonts/a.woff2", "public, max-age=31536000, immutable"),
    ("static/search.3f2a9c1b7d.js", "public, max-age=31536000, immutable"),
    ("static/site.css", "public, max-age=86400"),
])
def test_cache_headers(path, cache):
    assert cache_control_for(path) == cache


def test_s3_uploads_with_content_type_and_cache_headers(tmp_path, s3):
    config = bucket_config(tmp_path)
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures and sorted(result.changes.added) == sorted(SITE)
    assert keys(s3) == sorted("briefing/" + k for k in SITE)
    for path in ("en/index.html", "en/feed.xml", "manifest.webmanifest",
                 "static/fonts/noto-naskh-arabic-400-normal.woff2", "static/site.css"):
        head = s3.head_object(Bucket="briefing-bucket", Key="briefing/" + path)
        assert (head["ContentType"], head["CacheControl"]) == (content_type_for(path), cache_control_for(path))
    body = s3.get_object(Bucket="briefing-bucket", Key="briefing/ckb/index.html")["Body"].read()
    assert body == SITE["ckb/index.html"].encode()


def test_s3_second_publish_uploads_nothing(tmp_path, s3, monkeypatch):
    config = bucket_config(tmp_path)
    publish_site(config, report=lambda line: None)
    calls = []
    real_client = S3Target.client

    def counting_client(self):
        client = real_client(self)
        client.meta.events.register("before-call.s3.PutObject", lambda **kw: calls.append(kw))
        return client

    monkeypatch.setattr(S3Target, "client", counting_client)
    [result], _ = publish_site(config, report=lambda line: None)
    assert result.changes.empty and calls == []


def test_s3_changes_and_deletions_stay_inside_the_prefix(tmp_path, s3):
    s3.put_object(Bucket="briefing-bucket", Key="other-site/index.html", Body=b"not ours")
    config = bucket_config(tmp_path, SITE_V1)
    publish_site(config, report=lambda line: None)
    rebuild(config.root, SITE_V2)
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures
    assert (result.changes.added, result.changes.changed, result.changes.removed) == (
        ["ar/index.html"], ["en/index.html"], ["en/old-story/index.html"])
    assert keys(s3) == sorted(["other-site/index.html", *("briefing/" + k for k in SITE_V2)])
    body = s3.get_object(Bucket="briefing-bucket", Key="briefing/en/index.html")["Body"].read()
    assert body == SITE_V2["en/index.html"].encode()


def test_s3_dry_run_uploads_nothing(tmp_path, s3, capsys):
    config = bucket_config(tmp_path, SITE_V1)
    assert run_cli(config, "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "bucket (s3 s3://briefing-bucket/briefing/): would add 6, change 0, remove 0"
    assert keys(s3) == []


def test_s3_failure_part_way_reports_what_was_and_was_not_uploaded(tmp_path, s3, monkeypatch):
    from botocore.exceptions import ClientError
    config = bucket_config(tmp_path, SITE_V1)
    real_client = S3Target.client
    puts = []

    def failing_after_two(self):
        client = real_client(self)

        def refuse(params, **kw):
            if params["Key"].endswith(MANIFEST):
                return
            puts.append(params["Key"])
            if len(puts) > 2:
                raise ClientError({"Error": {"Code": "SlowDown", "Message": "Please reduce your request rate."}},
                                  "PutObject")
        client.meta.events.register("before-parameter-build.s3.PutObject", refuse)
        return client

    monkeypatch.setattr(S3Target, "client", failing_after_two)
    _, [failure] = publish_site(config, report=lambda line: None)
    message = str(failure)
    assert message.startswith("bucket: s3 publish failed at ") and "SlowDown: Please reduce your request rate." in message
    assert "uploaded 2 of 6 files and deleted 0 of 0" in message
    uploaded = [line.split(": ", 1)[1] for line in failure.details if line.startswith("  uploaded: ")]
    not_uploaded = [line.split(": ", 1)[1] for line in failure.details if line.startswith("  not uploaded: ")]
    assert len(uploaded) == 2 and len(not_uploaded) == 4
    assert keys(s3) == sorted("briefing/" + k for k in uploaded)        # the report matches the bucket
    assert uploaded == ["static/site.css", "ckb/index.html"]          # assets before pages, feeds last
    assert not_uploaded[-1] == "en/feed.xml"
    assert manifest(s3) == sorted(SITE_V1)       # listed before they went up: a new publish takes none for others'


def test_s3_never_deletes_or_overwrites_objects_hawal_did_not_put_there(tmp_path, s3, capsys):
    s3.put_object(Bucket="briefing-bucket", Key="briefing/stats/report.html", Body=b"the host's statistics")
    s3.put_object(Bucket="briefing-bucket", Key="briefing/index.html", Body=b"someone's own page")
    config = bucket_config(tmp_path, SITE_V1)
    assert run_cli(config) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: bucket: s3://briefing-bucket/briefing/ holds 2 file(s) that hawal did not put "
                             "there, and publishing would delete (-) or overwrite (~) them; nothing was changed.")
    assert err[1:] == ["  ~ index.html", "  - stats/report.html"]
    assert keys(s3) == ["briefing/index.html", "briefing/stats/report.html"]

    [result], failures = publish_site(config, report=lambda line: None, force=True)
    assert not failures and result.changes.removed == ["stats/report.html"]
    assert manifest(s3) == sorted(SITE_V1)
    s3.put_object(Bucket="briefing-bucket", Key="briefing/uploads/photo.jpg", Body=b"\xff\xd8")
    rebuild(config.root, SITE_V2)
    _, [failure] = publish_site(config, report=lambda line: None)
    assert failure.details == ["  - uploads/photo.jpg"]
    s3.delete_object(Bucket="briefing-bucket", Key="briefing/uploads/photo.jpg")
    [result], failures = publish_site(config, report=lambda line: None)     # hawal's own: no --force needed
    assert not failures and result.changes.removed == ["en/old-story/index.html"]
    assert keys(s3) == sorted("briefing/" + k for k in SITE_V2) and manifest(s3) == sorted(SITE_V2)


def test_s3_without_boto3_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    config = bucket_config(tmp_path, SITE_V1)
    monkeypatch.setitem(sys.modules, "boto3", None)
    assert run_cli(config) == 1
    assert capsys.readouterr().err.strip() == (
        "error: bucket: the s3 target needs boto3; install it with pip install 'hawal[s3]'")


def test_s3_cache_control_can_be_overridden_per_suffix(tmp_path, s3):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "bucket", "type": "s3", "bucket": "briefing-bucket",
                                                 "cache_control": {"css": "no-cache"}}])
    publish_site(config, report=lambda line: None)
    head = s3.head_object(Bucket="briefing-bucket", Key="static/site.css")
    assert head["CacheControl"] == "no-cache"
