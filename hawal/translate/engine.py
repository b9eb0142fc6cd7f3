"""The engine: CTranslate2 driven directly, every sentence of a build for one model in few calls.

Sentences are tokenized with the package's own SentencePiece model, sorted by length and cut into
calls of at most `max_batch_tokens` (padded) tokens, so padding is small and every finished call
can be committed to the translation memory. What argos 1.11 gets wrong is done right here: real
underscores survive decoding, NLLB source tokens are added and target prefixes stripped.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Sequence

from .packages import InstalledModel

DEFAULT_MAX_DECODING_LENGTH = 256
# Sources are grouped by length in steps of this many tokens; a call holds one group only, and its
# decoding limit comes from the group, so a sentence's translation never depends on its neighbours.
LENGTH_STEP = 16
EOS = "</s>"


@dataclass(frozen=True)
class EngineSettings:
    beam_size: int = 2
    compute_type: str = "int8"
    threads: int = 0                  # 0: CTranslate2 decides
    device: str = "auto"              # auto | cpu | cuda
    max_batch_tokens: int = 4096
    max_decoding_length: int | None = None   # None: 1.5 × the source's length group + 10, capped

    @classmethod
    def from_config(cls, config) -> "EngineSettings":
        return cls(config.beam_size, config.compute_type, config.threads, config.device, config.max_batch_tokens)


def resolve_device(device: str) -> str:
    """`auto` is CUDA when CTranslate2 sees a GPU, else the CPU."""
    import ctranslate2

    if device == "auto":
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    return device


_FALLBACKS = {
    "int8": ("int8", "int8_float16", "int8_bfloat16", "int8_float32"),
    "int8_float16": ("int8_float16", "int8", "float16"),
    "float16": ("float16", "bfloat16", "float32"),
    "bfloat16": ("bfloat16", "float16", "float32"),
}


def resolve_compute_type(device: str, requested: str) -> str:
    """The requested compute type if the device supports it, else the nearest one it does, else `default`."""
    import ctranslate2

    try:
        supported = ctranslate2.get_supported_compute_types(device)
    except (RuntimeError, ValueError):
        return "default"
    for candidate in _FALLBACKS.get(requested, (requested,)):
        if candidate in supported:
            return candidate
    return "default"


class ModelRunner:
    """One installed package ready to translate: tokenizer, CTranslate2 translator, NLLB tokens."""

    def __init__(self, model: InstalledModel, translator, settings: EngineSettings):
        """`translator` may be None for a runner that only tokenizes and plans (a cluster's driver)."""
        self.model = model
        self.translator = translator
        self.settings = settings
        self.sp = model.package.tokenizer.lazy_processor() if model.package is not None and getattr(
            model.package, "tokenizer", None) is not None else _load_sentencepiece(model)
        self._pieces = {self.sp.id_to_piece(i) for i in range(self.sp.get_piece_size())}
        self.calls = 0

    # -- tokens --

    def tokenize(self, text: str) -> list[str]:
        pieces = self.sp.encode(text, out_type=str)
        if self.model.source_prefix:           # NLLB: language token first, end-of-sentence last
            return [self.model.source_prefix, *pieces, EOS]
        return pieces

    def detokenize(self, tokens: Sequence[str]) -> str:
        """Tokens back to text: target prefix stripped, pieces decoded by SentencePiece (which keeps
        real underscores, unlike argos's `.replace('_', ' ')`), stray special tokens dropped."""
        tokens = list(tokens)
        if self.model.target_prefix and tokens and tokens[0] == self.model.target_prefix:
            tokens = tokens[1:]
        return self.sp.decode_pieces([t for t in tokens if t in self._pieces]).strip()

    # -- translation --

    def plan(self, texts: Sequence[str]) -> "CallPlan":
        """How `texts` go to CTranslate2: tokenized, then cut into length-sorted calls. The cluster
        backend plans on the driver with this same method, so its calls are the local ones."""
        tokenized = [self.tokenize(t) for t in texts]
        lengths = [len(t) for t in tokenized]
        return CallPlan(tokenized, plan_batches(lengths, self.settings.max_batch_tokens,
                                                [self.decoding_limit(n) for n in lengths]))

    def decoding_limit(self, source_length: int) -> int:
        """Most tokens a translation may have: fixed by the settings, else from the source's length
        group (the same for every sentence a call holds, whatever else the run translates)."""
        if self.settings.max_decoding_length:
            return self.settings.max_decoding_length
        group = -(-max(source_length, 1) // LENGTH_STEP) * LENGTH_STEP
        return min(DEFAULT_MAX_DECODING_LENGTH, int(group * 1.5) + 10)

    def run_call(self, source: Sequence[Sequence[str]]) -> list[str]:
        """One CTranslate2 call over tokenized sentences; their translations, detokenized."""
        source = [list(s) for s in source]
        max_length = self.decoding_limit(max(len(s) for s in source))
        prefix = [[self.model.target_prefix]] * len(source) if self.model.target_prefix else None
        hypotheses = self.translator.translate_batch(
            source, target_prefix=prefix, beam_size=self.settings.beam_size,
            max_batch_size=self.settings.max_batch_tokens, batch_type="tokens",
            max_decoding_length=max_length + (1 if prefix else 0), return_scores=False)
        self.calls += 1
        return [self.detokenize(h.hypotheses[0]) for h in hypotheses]

    def translate(self, texts: Sequence[str],
                  on_batch: Callable[[list[int], list[str]], None] | None = None) -> list[str]:
        """Translate `texts`; `on_batch(indices, outputs)` is called after each CTranslate2 call."""
        plan = self.plan(texts)
        results: list[str | None] = [None] * len(texts)
        for indices in plan.batches:
            outputs = self.run_call([plan.tokens[i] for i in indices])
            for i, out in zip(indices, outputs):
                results[i] = out
            if on_batch is not None:
                on_batch(indices, outputs)
        return [r if r is not None else "" for r in results]


@dataclass(frozen=True)
class CallPlan:
    """Texts tokenized, and the calls they go in: indices into `tokens`, longest sentences first."""

    tokens: list[list[str]]
    batches: list[list[int]]


def plan_batches(lengths: Sequence[int], max_batch_tokens: int, groups: Sequence[object] | None = None
                 ) -> list[list[int]]:
    """Indices grouped into calls: longest first, each call at most `max_batch_tokens` once padded,
    and (when `groups` is given, one per index, in length order) never two groups in one call."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    width = 0
    for i in order:
        w = max(width, lengths[i], 1)
        if current and (w * (len(current) + 1) > max_batch_tokens
                        or (groups is not None and groups[i] != groups[current[0]])):
            batches.append(current)
            current, w = [], max(lengths[i], 1)
        current.append(i)
        width = w
    if current:
        batches.append(current)
    return batches


def _load_sentencepiece(model: InstalledModel):
    import sentencepiece as spm

    return spm.SentencePieceProcessor(model_file=str(model.tokenizer_file))


class Engine:
    """Loads translators on demand and shares one per weights file (NLLB packs link one model.bin)."""

    def __init__(self, settings: EngineSettings, translator_factory: Callable | None = None):
        self.settings = settings
        self.device = resolve_device(settings.device)
        self.compute_type = resolve_compute_type(self.device, settings.compute_type)
        self._translator_factory = translator_factory
        self._translators: dict[tuple[int, int], object] = {}
        self._runners: dict[str, ModelRunner] = {}

    def runner(self, model: InstalledModel) -> ModelRunner:
        weights = self._weights_key(model)
        key = (str(model.path), weights)          # a package replaced in place gets a new runner
        if key not in self._runners:
            self._runners[key] = ModelRunner(model, self._translator(model, weights), self.settings)
        return self._runners[key]

    @staticmethod
    def _weights_key(model: InstalledModel) -> tuple[int, int]:
        st = os.stat(model.model_dir / "model.bin")
        return (st.st_dev, st.st_ino)

    def _translator(self, model: InstalledModel, key: tuple[int, int]):
        if key not in self._translators:
            self._translators[key] = self._load(str(model.model_dir))
        return self._translators[key]

    def _load(self, model_dir: str):
        import ctranslate2

        make = self._translator_factory or ctranslate2.Translator
        kwargs = dict(device=self.device, inter_threads=1, intra_threads=self.settings.threads)
        try:
            return make(model_dir, compute_type=self.compute_type, **kwargs)
        except (ValueError, RuntimeError):
            if self.compute_type == "default":
                raise
            self.compute_type = "default"       # e.g. a GPU without int8 kernels: the model's own type
            return make(model_dir, compute_type="default", **kwargs)

    @property
    def calls(self) -> int:
        return sum(r.calls for r in self._runners.values())


class EnginePool:
    """Engines kept by a long-running process (`serve`) from build to build, one per settings, so
    a model is loaded once, not on every rebuild."""

    def __init__(self) -> None:
        self._engines: dict[EngineSettings, Engine] = {}

    def get(self, settings: EngineSettings) -> Engine:
        if settings not in self._engines:
            self._engines = {settings: Engine(settings)}       # settings changed: let the old ones go
        return self._engines[settings]
