"""The `publish:` list of config.yaml read into target objects, checked before anything is sent."""
from __future__ import annotations

from typing import Any, Sequence

from ..config import Config
from .common import Target, TargetConfigError
from .dir_target import DirTarget
from .git_target import GitTarget
from .rsync_target import RsyncTarget
from .s3_target import S3Target

TARGET_TYPES: dict[str, Any] = {cls.kind: cls for cls in (DirTarget, GitTarget, RsyncTarget, S3Target)}


def parse_targets(entries: Sequence[Any], config: Config) -> list[Target]:
    """Every configured target, or TargetConfigError naming the first entry and key that is wrong."""
    targets: list[Target] = []
    seen: set[str] = set()
    known_types = ", ".join(TARGET_TYPES)
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise TargetConfigError(f"publish[{index}]: expected a mapping with name and type, got {entry!r}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise TargetConfigError(f"publish[{index}]: missing key 'name'")
        if name in seen:
            raise TargetConfigError(f"publish target {name!r}: the name is used twice")
        seen.add(name)
        kind = entry.get("type")
        if kind is None:
            raise TargetConfigError(f"publish target {name!r}: missing key 'type' (one of {known_types})")
        cls = TARGET_TYPES.get(kind)
        if cls is None:
            raise TargetConfigError(f"publish target {name!r}: unknown type {kind!r} (known: {known_types})")
        options = {k: v for k, v in entry.items() if k not in {"name", "type"}}
        allowed = (*cls.required, *cls.optional)
        for key in options:
            if key not in allowed:
                raise TargetConfigError(f"publish target {name!r}: unknown key {key!r} for type {kind} "
                                        f"(known: {', '.join(allowed)})")
        for key in cls.required:
            if options.get(key) is None:
                raise TargetConfigError(f"publish target {name!r}: missing key {key!r} for type {kind}")
        targets.append(cls.from_options(name, options, config))
    return targets


def select_targets(targets: list[Target], names: Sequence[str] | None) -> list[Target]:
    """The targets named (all when none are), in config order; TargetConfigError for an unknown name."""
    if not names:
        return targets
    known = {t.name for t in targets}
    for name in names:
        if name not in known:
            raise TargetConfigError(f"unknown publish target {name!r} (configured: {', '.join(sorted(known)) or 'none'})")
    wanted = set(names)
    return [t for t in targets if t.name in wanted]
