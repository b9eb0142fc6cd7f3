"""Publish stage: deploy the last complete build to the targets named in config.yaml `publish:`.

    publish:
      - {name: mirror, type: dir, path: /srv/www/briefing}
      - {name: pages, type: git, repo: ../briefing-pages, branch: gh-pages, remote: origin}
      - {name: box, type: rsync, dest: user@host:/var/www/briefing/, options: ["--chmod=F644"]}
      - {name: bucket, type: s3, bucket: my-bucket, prefix: briefing/}
"""
from __future__ import annotations

from .common import (BuildNotReady, BuiltSite, Changes, PublishError, PublishLock, PublishResult, SiteFile,
                     Target, TargetConfigError, load_completed_build)
from .targets import TARGET_TYPES, parse_targets, select_targets
from .cli import add_subcommand, publish_site

__all__ = [
    "BuildNotReady", "BuiltSite", "Changes", "PublishError", "PublishLock", "PublishResult", "SiteFile", "Target",
    "TargetConfigError", "TARGET_TYPES", "add_subcommand", "load_completed_build", "parse_targets", "publish_site",
    "select_targets",
]
