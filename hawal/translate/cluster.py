"""The translate stage's engine on a Ray cluster: the local engine's calls, run by actors anywhere.

`python build.py translate --cluster ...` (and `bench/bench_translate.py --cluster`) use it; Ray is
an optional extra (`pip install 'hawal[ray]'`) imported by this module only, and only when a run
asks for a cluster.

How a run goes, and why plain actors rather than Ray Data with an actor pool:

- The driver plans every CTranslate2 call exactly as the local engine does (`ModelRunner.plan`: the
  package's own tokenizer, length-sorted calls within `max_batch_tokens`) and sends each call's
  tokens to an actor, which runs `ModelRunner.run_call`, the code the local engine runs. Same
  calls, same settings, same kind of device: the same text as a local run, entry for entry.
  Ray Data would cut its own blocks (batch composition changes the output of a padded call), and
  it adds Arrow and pandas to every node for a job that moves a few lists of strings.
- One actor per worker slot (`cpus_per_worker` CPUs, or one GPU when the node has CUDA), each a
  hawal `Engine` that keeps its models loaded for the whole run.
- Model packages travel through Ray's object store (each distinct file put once: NLLB directions
  that share one weights file send it once), are unpacked once per node into a cache folder
  (`HAWAL_WORKER_CACHE`, else `$TMPDIR/hawal-worker-models-UID`) and checked against the driver's
  identity and version key. Or, with `worker_models`, read from a folder every node has.
- Results stream back as they finish (`ray.wait`); the driver alone writes the translation memory,
  one commit per call (the stage's `on_batch`), so a lost worker or driver loses only calls in flight.
- A worker that dies is restarted by Ray (`max_restarts`) and its calls retried (`max_task_retries`);
  a worker gone for good has its calls sent to the others.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import socket
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..errors import HawalError
from .engine import CallPlan, Engine, EngineSettings, ModelRunner
from .packages import InstalledModel, read_model
from .stage import TranslationError

RAY_HINT = "pip install 'hawal[ray]'"
CONNECT_TIMEOUT_ENV = "HAWAL_RAY_CONNECT_TIMEOUT"
CONNECT_TIMEOUT_S = 120.0
WORKER_CACHE_ENV = "HAWAL_WORKER_CACHE"
_READ_CHUNK = 1 << 24


class ClusterError(HawalError, RuntimeError):
    """The cluster cannot be used or lost all its workers; the message says why and what to do."""


class ConnectTimedOut(ClusterError):
    """Ray Client's connect did not return in time. Its thread is left behind, stuck inside Ray:
    the process should end soon after saying so (`os._exit`), as it may not end by itself."""


def _last_line(exc: BaseException) -> str:
    """The last line of an error whose message holds a remote traceback (Ray Client's server errors)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip() and line.strip() != ")"]
    return lines[-1] if lines else type(exc).__name__


def import_ray():
    """The `ray` module, or ClusterError with the one line that says how to get it."""
    try:
        import ray
    except ImportError:
        raise ClusterError(f"Ray is not installed: {RAY_HINT}") from None
    return ray


def ray_available() -> bool:
    try:
        import_ray()
    except ClusterError:
        return False
    return True


# --- connecting ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Connection:
    description: str          # the cluster, in words
    owned: bool               # this call joined it (and `close` leaves it); False: the process was already in one

    def close(self) -> None:
        """Leave the cluster if this connection joined it (a local one this process started stops)."""
        if self.owned:
            ray = import_ray()
            if ray.is_initialized():
                ray.shutdown()


def connect_timeout() -> float:
    """Seconds Ray Client's connect may take (HAWAL_RAY_CONNECT_TIMEOUT, default 120)."""
    try:
        value = float(os.environ.get(CONNECT_TIMEOUT_ENV, CONNECT_TIMEOUT_S))
    except ValueError:
        raise ClusterError(f"{CONNECT_TIMEOUT_ENV} must be a number of seconds, "
                           f"not {os.environ[CONNECT_TIMEOUT_ENV]!r}") from None
    return value if value > 0 else CONNECT_TIMEOUT_S


def _init_within(ray, address: str, timeout: float, where: str) -> None:
    """ray.init through Ray Client, given `timeout` seconds: when its proxy cannot start the
    per-driver server, Ray's connect can hang in its own clean-up instead of raising."""
    outcome: list[BaseException] = []

    def join() -> None:
        try:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
        except BaseException as exc:          # handed to the caller's thread
            outcome.append(exc)

    thread = threading.Thread(target=join, name="hawal-ray-connect", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise ConnectTimedOut(f"cannot connect to the Ray cluster at {where}: no answer within {timeout:g} s "
                              f"(is its Ray Client server running? {CONNECT_TIMEOUT_ENV}=SECONDS waits longer)")
    if outcome:
        raise outcome[0]


def connect(where: str) -> Connection:
    """Join a Ray cluster as its driver. `where` is `ray` (RAY_ADDRESS, else the cluster started on
    this machine with `ray start`, else a new one on this machine), `auto` (an existing cluster only:
    ClusterError when there is none), `ray://HOST:PORT` (Ray Client, given HAWAL_RAY_CONNECT_TIMEOUT
    seconds, default 120: ConnectTimedOut after) or a cluster's `HOST:PORT` (from one of its nodes).
    A process already in a cluster stays in it."""
    address = {"ray": None, "auto": "auto"}.get(where, where)
    client = bool(address and address.startswith("ray://"))
    if client:
        _send_token_through_ray_client()          # before Ray reads its settings at import
    timeout = connect_timeout() if client else 0.0
    ray = import_ray()
    if ray.is_initialized():
        return Connection(_describe(ray), owned=False)
    try:
        if client:
            _init_within(ray, address, timeout, where)
        else:           # starting a local cluster sets signal handlers: the main thread only
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
    except ClusterError:
        raise
    except ConnectionError as exc:
        if address and address.startswith("ray://"):      # the client server answered: the cluster exists
            raise ClusterError(f"cannot connect to the Ray cluster at {where}: {_last_line(exc)}") from None
        raise ClusterError(f"no Ray cluster found ({exc})") from None
    except Exception as exc:      # grpc, auth, version mismatch: all mean "cannot use this cluster"
        raise ClusterError(f"cannot connect to the Ray cluster at {where}: {type(exc).__name__}: {exc}") from None
    return Connection(_describe(ray), owned=True)


def _send_token_through_ray_client() -> None:
    """Ray Client sends the cluster's token only in token mode, which its connect does not turn on
    by itself (a direct connect does): turn it on when a token is at hand and nobody chose a mode."""
    if os.environ.get("RAY_AUTH_MODE"):
        return
    if (os.environ.get("RAY_AUTH_TOKEN") or os.environ.get("RAY_AUTH_TOKEN_PATH")
            or (Path.home() / ".ray" / "auth_token").is_file()):
        os.environ["RAY_AUTH_MODE"] = "token"


def _describe(ray) -> str:
    resources = ray.cluster_resources()
    nodes = sum(1 for n in ray.nodes() if n.get("Alive"))
    gpus = int(resources.get("GPU", 0))
    return (f"Ray cluster of {nodes} node{'s' * (nodes != 1)}, {int(resources.get('CPU', 0))} CPUs"
            + (f", {gpus} GPUs" if gpus else ""))


# --- what travels --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShippedFile:
    path: str                 # relative to the package folder
    blob: str                 # content digest: a worker stores each blob once and links it
    ref: object               # ray.ObjectRef of the bytes


@dataclass(frozen=True)
class ShippedPackage:
    """An installed package as workers receive it: its name and keys, and its files in the object
    store (none when workers read packages from a folder of their own)."""

    name: str
    identity: str
    version_key: str
    files: tuple[ShippedFile, ...] = ()


@dataclass(frozen=True)
class WorkerInfo:
    pid: int
    host: str
    device: str
    compute_type: str
    hawal_version: str
    code: str                 # digest of hawal's code on the worker


@dataclass(frozen=True)
class CallResult:
    outputs: list[str]
    pid: int                  # the worker process that computed them


# --- the actor -----------------------------------------------------------------------------------

def worker_cache_dir() -> Path:
    return Path(os.environ.get(WORKER_CACHE_ENV) or Path(tempfile.gettempdir()) / f"hawal-worker-models-{os.getuid()}")


class EngineWorker:
    """One worker slot: a local hawal Engine with the packages it was sent, loaded once each."""

    def __init__(self, settings: EngineSettings, worker_models: str | None = None):
        self.engine = Engine(settings)
        self.worker_models = Path(worker_models) if worker_models else None
        self.models: dict[tuple[str, str], InstalledModel] = {}

    def hello(self) -> WorkerInfo:
        from .. import __version__
        from ..digests import code_digest

        return WorkerInfo(os.getpid(), socket.gethostname(), self.engine.device, self.engine.compute_type,
                          __version__, code_digest())

    def cpu_seconds(self) -> float:
        """CPU time this worker process has used (benchmarks: cost per sentence under contention)."""
        return time.process_time()

    def translate_call(self, package: ShippedPackage, tokens: list[list[str]]) -> CallResult:
        runner = self.engine.runner(self._model(package))
        return CallResult(runner.run_call(tokens), os.getpid())

    def _model(self, package: ShippedPackage) -> InstalledModel:
        key = (package.identity, package.version_key)
        if key not in self.models:
            folder = self._unpacked(package) if package.files else self._shared(package)
            model = read_model(folder)
            if (model.identity(), model.version_key()) != key:
                raise ClusterError(f"{socket.gethostname()}: {folder} holds {model.identity()} {model.version_key()}, "
                                   f"not the driver's {package.identity} {package.version_key}")
            self.models[key] = model
        return self.models[key]

    def _shared(self, package: ShippedPackage) -> Path:
        if self.worker_models is None:
            raise ClusterError("a package was sent without files and no worker models folder was given")
        folder = self.worker_models / package.name
        if not folder.is_dir():
            raise ClusterError(f"{socket.gethostname()}: no {folder} (the worker models folder must hold the "
                               f"driver's packages)")
        return folder

    def _unpacked(self, package: ShippedPackage) -> Path:
        """The package's folder in this node's cache, written from the object store the first time.
        Blobs are stored once and hard-linked, so NLLB directions share one weights file (and one
        loaded translator); every write is staged and renamed, so actors on one node never clash."""
        import ray

        root = worker_cache_dir()
        key = hashlib.blake2b(f"{package.identity}\0{package.version_key}".encode(), digest_size=12).hexdigest()
        folder = root / "packages" / key / package.name
        if folder.is_dir():
            return folder
        (root / "blobs").mkdir(parents=True, exist_ok=True)
        (root / "packages").mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root / "packages"))
        try:
            for f in package.files:
                blob = root / "blobs" / f.blob
                if not blob.exists():
                    tmp = blob.with_name(f".{f.blob}.{os.getpid()}")
                    tmp.write_bytes(ray.get(f.ref))
                    os.replace(tmp, blob)
                target = staging / package.name / f.path
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(blob, target)
                except OSError:
                    shutil.copyfile(blob, target)
            folder.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.rename(staging / package.name, folder)
            except OSError:
                if not folder.is_dir():       # not another actor's rename winning the race
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return folder


# --- the driver's side ---------------------------------------------------------------------------

_LOST = ()        # filled with Ray's "the worker or its node is gone" exception classes on first use


class RayEngine:
    """The local Engine's interface (`runner(model)`, `calls`) over actors on a Ray cluster.

    Connect first (`connect`); `close()` ends the actors (the cluster stays)."""

    def __init__(self, settings: EngineSettings, *, workers: int | None = None, cpus_per_worker: int = 1,
                 worker_models: Path | str | None = None, in_flight: int = 2, max_restarts: int = 3,
                 max_task_retries: int = 3, startup_timeout: float = 120.0, line: Callable[[str], None] | None = None):
        self._ray = import_ray()
        if not self._ray.is_initialized():
            raise ClusterError("not connected to a Ray cluster (hawal.translate.cluster.connect)")
        if cpus_per_worker < 1:
            raise ClusterError("--cpus-per-worker: expected 1 or more")
        resources = self._ray.cluster_resources()
        gpus = int(resources.get("GPU", 0))
        if settings.device == "cuda" and not gpus:
            raise ClusterError("translation.device is cuda but the Ray cluster has no GPU")
        self.gpu = settings.device != "cpu" and gpus > 0
        slots = gpus if self.gpu else int(resources.get("CPU", 0)) // cpus_per_worker
        self.workers = workers or max(1, slots)
        self.cpus_per_worker = cpus_per_worker
        # Each worker runs CTranslate2 on its own slot: its threads are the slot's CPUs.
        self.settings = replace(settings, device="cuda" if self.gpu else "cpu",
                                threads=settings.threads or (0 if self.gpu else cpus_per_worker))
        self.worker_models = str(worker_models) if worker_models else None
        self.in_flight = max(1, in_flight)
        self.max_restarts, self.max_task_retries = max_restarts, max_task_retries
        self.startup_timeout = startup_timeout
        self.line = line or (lambda message: None)
        self.calls = 0
        self.resent = 0                      # calls sent again after their worker was lost for good
        self.pids: set[int] = set()          # worker processes that returned results
        self.info: list[WorkerInfo] = []
        self._actors: list = []
        self._alive: list[bool] = []
        self._shipped: dict[tuple[str, str], ShippedPackage] = {}
        self._blobs: dict[tuple[int, int], tuple[str, object]] = {}

    # -- actors --

    def start(self) -> None:
        """Start the workers and check they run this hawal; idempotent."""
        if self._actors:
            return
        ray = self._ray
        remote = ray.remote(EngineWorker).options(
            num_cpus=0 if self.gpu else self.cpus_per_worker, num_gpus=1 if self.gpu else 0,
            max_restarts=self.max_restarts, max_task_retries=self.max_task_retries, scheduling_strategy="SPREAD")
        actors = [remote.remote(self.settings, self.worker_models) for _ in range(self.workers)]
        hellos = [a.hello.remote() for a in actors]
        ready, _ = ray.wait(hellos, num_returns=len(hellos), timeout=self.startup_timeout)
        if not ready:
            for a in actors:
                ray.kill(a)
            raise ClusterError(f"no Ray worker started within {self.startup_timeout:.0f}s; each needs "
                               f"{'1 GPU' if self.gpu else f'{self.cpus_per_worker} CPU'} and the cluster has "
                               f"{self._ray.available_resources()} free")
        from .. import __version__
        from ..digests import code_digest

        for actor, hello in zip(actors, hellos):
            if hello not in ready:
                ray.kill(actor)
                continue
            info = ray.get(hello)
            if (info.hawal_version, info.code) != (__version__, code_digest()):
                for a in actors:
                    ray.kill(a)
                raise ClusterError(f"the worker on {info.host} runs hawal {info.hawal_version} ({info.code[:8]}), "
                                   f"this driver {__version__} ({code_digest()[:8]}): install the same hawal on "
                                   f"every node")
            self._actors.append(actor)
            self.info.append(info)
        self._alive = [True] * len(self._actors)
        if len(self._actors) < self.workers:
            self.line(f"warning: {len(self._actors)} of {self.workers} Ray workers started within "
                      f"{self.startup_timeout:.0f}s; going on with those")

    def close(self) -> None:
        for actor in self._actors:
            try:
                self._ray.kill(actor)
            except Exception:        # already gone with its node
                pass
        self._actors, self._alive = [], []

    def __enter__(self) -> "RayEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def describe(self) -> str:
        hosts = len({i.host for i in self.info})
        where = (f"1 GPU each" if self.gpu else f"{self.cpus_per_worker} CPU{'s' * (self.cpus_per_worker > 1)} each")
        shipping = (f"models read from {self.worker_models}" if self.worker_models
                    else "models sent through the object store")
        return f"{len(self._actors) or self.workers} Ray workers ({where}) on {hosts or '?'} host(s), {shipping}"

    def worker_cpu_seconds(self) -> float:
        """CPU time used by the live workers so far (call between runs)."""
        return sum(self._ray.get([a.cpu_seconds.remote() for a, alive in zip(self._actors, self._alive) if alive]))

    def worker_pids(self) -> list[int]:
        return [i.pid for i in self.info]

    # -- the engine interface --

    def runner(self, model: InstalledModel) -> "RayModelRunner":
        self.start()
        return RayModelRunner(self, model, self._ship(model))

    def _ship(self, model: InstalledModel) -> ShippedPackage:
        key = (model.identity(), model.version_key())
        if key not in self._shipped:
            files: tuple[ShippedFile, ...] = ()
            if self.worker_models is None:
                files = tuple(self._put(path, path.relative_to(model.path).as_posix())
                              for path in sorted(model.path.rglob("*")) if path.is_file())
            self._shipped[key] = ShippedPackage(model.name, *key, files)
        return self._shipped[key]

    def _put(self, path: Path, rel: str) -> ShippedFile:
        st = path.stat()
        inode = (st.st_dev, st.st_ino)
        if inode not in self._blobs:         # NLLB directions link one weights file: sent once
            data = path.read_bytes()
            blob = hashlib.blake2b(data, digest_size=16).hexdigest()
            self._blobs[inode] = (blob, self._ray.put(data))
        blob, ref = self._blobs[inode]
        return ShippedFile(rel, blob, ref)

    def run(self, package: ShippedPackage, plan: CallPlan) -> Iterator[tuple[list[int], list[str]]]:
        """Every planned call, sent to the workers (at most `in_flight` each), yielded as it finishes."""
        ray = self._ray
        lost = _lost_errors(ray)
        queue = deque((indices, 0) for indices in plan.batches)
        pending: dict = {}                    # ObjectRef → (slot, indices, tries)
        load = [0] * len(self._actors)
        while queue or pending:
            for slot in sorted(range(len(self._actors)), key=lambda s: load[s]):
                while self._alive[slot] and load[slot] < self.in_flight and queue:
                    indices, tries = queue.popleft()
                    ref = self._actors[slot].translate_call.remote(package, [plan.tokens[i] for i in indices])
                    pending[ref] = (slot, indices, tries)
                    load[slot] += 1
            if not pending:
                raise ClusterError("every Ray worker was lost; the finished calls are in the translation memory: "
                                   "run the same command again to translate the rest")
            [ref], _ = ray.wait(list(pending), num_returns=1)
            slot, indices, tries = pending.pop(ref)
            load[slot] -= 1
            try:
                result: CallResult = ray.get(ref)
            except lost as exc:
                # Ray restarted the worker and retried the call max_task_retries times: still lost.
                if isinstance(exc, getattr(ray.exceptions, "ActorDiedError", ())):
                    self._alive[slot] = False
                if tries >= 3:
                    raise ClusterError(f"a call was lost {tries + 1} times ({type(exc).__name__}); giving up") from None
                self.resent += 1
                queue.appendleft((indices, tries + 1))
                continue
            except ray.exceptions.RayTaskError as exc:
                cause = exc.cause if getattr(exc, "cause", None) is not None else exc
                if isinstance(cause, ClusterError):
                    raise ClusterError(str(cause)) from None
                raise TranslationError(f"{package.name}: a Ray worker failed: {type(cause).__name__}: {cause}") from None
            self.calls += 1
            self.pids.add(result.pid)
            yield indices, result.outputs


def _lost_errors(ray) -> tuple[type, ...]:
    global _LOST
    if not _LOST:
        e = ray.exceptions
        _LOST = (e.RayActorError, e.WorkerCrashedError, e.NodeDiedError, e.ObjectLostError, e.LocalRayletDiedError)
    return _LOST


class RayModelRunner:
    """A ModelRunner whose calls run on the cluster: planned here, translated there."""

    def __init__(self, engine: RayEngine, model: InstalledModel, package: ShippedPackage):
        self.engine, self.model, self.package = engine, model, package
        self.planner = ModelRunner(model, None, engine.settings)     # tokenizer only: plans like the local engine

    def translate(self, texts: Sequence[str],
                  on_batch: Callable[[list[int], list[str]], None] | None = None) -> list[str]:
        results: list[str | None] = [None] * len(texts)
        for indices, outputs in self.engine.run(self.package, self.planner.plan(texts)):
            for i, out in zip(indices, outputs):
                results[i] = out
            if on_batch is not None:
                on_batch(indices, outputs)
        return [r if r is not None else "" for r in results]
