"""Tiny real argos packages, built on the fly for tests (and, at realistic size, for benchmarks).

A package is what argos expects: one top folder holding `metadata.json`, a SentencePiece model
(`sentencepiece.model`) and a CTranslate2 model folder (`model/`). Two kinds of transformer:

- random (the default): random weights from a seed, so output is nonsense but deterministic — it
  loops, runs on and mixes scripts, which is what the guard on machine output must stop;
- `mapping=True`: weights set by hand so the model writes, for each SentencePiece piece of the
  source, one fixed piece of the target language's script (word starts stay word starts; digits,
  punctuation and placeholders pass unchanged), then stops where the source stops. Still not a
  translation, but output of the right script and length that follows its input: what a working
  model looks like to the guard, so pages show it.

Tests assert on what is true of the output (it came from the model, it was cached, it sits in the
right page), never on fixed strings.

Builds are memoised in a per-user temp folder keyed by every parameter, so a test session pays
for each distinct model once and later runs pay nothing. Importing this module also points argos's
settings at a temporary home (see `isolate_argos_home`).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

NLLB_CODES = {"en": "eng_Latn", "ar": "arb_Arab", "ckb": "ckb_Arab", "kmr": "kmr_Latn"}
LANGUAGE_NAMES = {"en": "English", "ar": "Arabic", "ckb": "Central Kurdish", "kmr": "Northern Kurdish"}
FACTORY_REVISION = "5"      # bump when the way models are built changes, to refresh the cache

# Original training lines in the three languages (plus the characters Markdown and numbers need),
# so the tokenizer covers every script the tests feed it without unknown pieces.
TRAINING_LINES = [
    "The ministry opened a new water station in the north of the city on Tuesday.",
    "Officials said 1,250 families would be connected before the end of March.",
    "A spokesperson told reporters that the budget talks will continue next week.",
    "Farmers in the plain asked for fuel support after a dry winter.",
    "Read the statement at https://example.org/news/2026_report or see `file_name.txt`.",
    "Prices rose by 3.5% in 2025, according to the statistics office [note] (source).",
    "“We will not accept delays,” the governor said; *schools* and **clinics** come first!",
    "The Kurdistan Region Presidency met delegates in the Green Zone in Baghdad.",
    "افتتحت الوزارة محطة مياه جديدة في شمال المدينة يوم الثلاثاء.",
    "قال المتحدث إن المحادثات حول الموازنة ستستمر الأسبوع المقبل.",
    "طالب المزارعون بدعم الوقود بعد شتاء جاف، وقالوا «لا نستطيع الانتظار».",
    "رئاسة إقليم كوردستان والمنطقة الخضراء في بغداد وأربيل ٢٠٢٦.",
    "وەزارەت وێستگەیەکی نوێی ئاو لە باکووری شار کردەوە.",
    "وتەبێژەکە گوتی گفتوگۆکانی بودجە هەفتەی داهاتوو بەردەوام دەبن.",
    "جووتیاران داوای پشتگیری سووتەمەنییان کرد دوای زستانێکی وشک.",
    "سەرۆکایەتیی هەرێمی کوردستان لە هەولێر و سلێمانی و دهۆک «کۆبوونەوە» ساز دەکات.",
    "0123456789 ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ _ - + = / : ; ? ! ؟ ، . , ( ) [ ] { } < > # @ & % ' \" ` ~ | ‹ ›",
    "snake_case names_with_underscores stay_as_they_are in_the_output",
]


def isolate_argos_home() -> None:
    """Point argos's settings, which it reads once at import and which create folders in the home
    directory, at a throw-away folder, so tests never touch the user's ~/.local or ~/.config."""
    if "argostranslate.settings" in sys.modules:
        return
    root = Path(tempfile.mkdtemp(prefix="hawal-argos-home-"))
    os.environ["XDG_DATA_HOME"] = str(root / "data")
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")
    os.environ["XDG_CACHE_HOME"] = str(root / "cache")
    os.environ["ARGOS_PACKAGES_DIR"] = str(root / "argos-packages")


isolate_argos_home()


def _cache_root() -> Path:
    root = Path(os.environ.get("HAWAL_TEST_MODEL_CACHE") or Path(tempfile.gettempdir()) / f"hawal-test-models-{os.getuid()}")
    root.mkdir(parents=True, exist_ok=True)
    return root


def _seed_of(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:4], "little")


def train_sentencepiece(out_file: Path, vocab_size: int = 320, lines: Iterable[str] = TRAINING_LINES) -> Path:
    """Train a small unigram SentencePiece model on `lines` and write it to `out_file`."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)), model_writer=buffer, vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False, num_threads=1,
        minloglevel=2, split_digits=True, bos_id=1, eos_id=2, unk_id=0, pad_id=-1,
    )
    out_file.write_bytes(buffer.getvalue())
    return out_file


def _fill_variables(spec, d_model: int, ffn: int, vocab: int, rng: np.random.Generator) -> None:
    """Give every unset variable of a TransformerSpec a random array of the right shape."""
    def rand(*shape):
        return (rng.standard_normal(shape) * 0.5 / np.sqrt(shape[-1])).astype(np.float32)

    for name, value in list(spec.variables().items()):
        if value is not None:
            continue
        leaf = name.rsplit("/", 2)
        owner, attr = leaf[-2], leaf[-1]
        if attr == "gamma":
            array = np.ones(d_model, np.float32)
        elif attr == "beta":
            array = np.zeros(d_model, np.float32)
        elif "embeddings" in name or name.endswith("projection/weight"):
            array = rand(vocab, d_model)
        elif "/ffn/" in name:
            array = rand(ffn, d_model) if owner == "linear_0" else rand(d_model, ffn)
        elif "self_attention" in name:
            array = rand(3 * d_model, d_model) if owner == "linear_0" else rand(d_model, d_model)
        elif "/attention/" in name:     # decoder cross-attention: query, fused key/value, output
            array = rand(2 * d_model, d_model) if owner == "linear_1" else rand(d_model, d_model)
        else:
            raise ValueError(f"model factory does not know how to fill {name}")
        _set_variable(spec, name, array)


def _set_variable(spec, name: str, array: np.ndarray) -> None:
    scope = spec
    *path, attr = name.split("/")
    for part in path:
        base, _, index = part.rpartition("_")
        if base and index.isdigit() and not hasattr(scope, part):    # layer_0 → layer[0], linear_1 → linear[1]
            scope = getattr(scope, base)[int(index)]
        else:
            scope = getattr(scope, part)
    setattr(scope, attr, array)


def build_ct2_model(out_dir: Path, vocabulary: Sequence[str], *, layers: tuple[int, int] = (1, 1), d_model: int = 32,
                    heads: int = 2, ffn: int = 64, seed: int = 0, quantization: str | None = None) -> Path:
    """Write a random-weight CTranslate2 transformer with a shared vocabulary to `out_dir`."""
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    _fill_variables(spec, d_model, ffn, len(vocabulary), np.random.default_rng(seed))
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    if quantization:
        spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))
    return out_dir


MAPPING_POSITIONS = 256     # longest source (in pieces) a mapping model follows
MAPPING_CODE = 128          # width of its position codes


def _script_letters(lang: str):
    from hawal import langs

    return langs.get(lang).script.contains


def piece_mapping(vocabulary: Sequence[str], from_code: str, to_code: str) -> list[int]:
    """For each piece, the index of the piece a mapping model writes for it: pieces with letters go
    to pieces written in the target's letters (word starts to word starts where there are enough),
    never to themselves; the rest (specials, digits, punctuation, ▁) stay."""
    in_script = _script_letters(to_code)

    def letters_of(piece: str) -> str:
        return piece.lstrip("▁")

    target = [i for i, p in enumerate(vocabulary) if letters_of(p) and not p.startswith("<")
              and all(ch.isalpha() and in_script(ch) for ch in letters_of(p))]
    starts = [i for i in target if vocabulary[i].startswith("▁")]
    mapping = []
    for i, piece in enumerate(vocabulary):
        if piece.startswith("<") or not any(ch.isalpha() for ch in piece):
            mapping.append(i)
            continue
        pool = starts if piece.startswith("▁") and len(starts) >= 40 else target
        pool = [j for j in pool if j != i] or pool
        mapping.append(pool[_seed_of(from_code, to_code, piece) % len(pool)])
    return mapping


def build_mapping_model(out_dir: Path, vocabulary: Sequence[str], mapping: Sequence[int], *, add_source_eos: bool,
                        seed: int = 0) -> Path:
    """A CTranslate2 transformer that writes `mapping[piece]` for each source piece, in order.

    One encoder and one decoder layer whose self-attention and feed-forward parts are zero. The
    encoder passes each piece (one-hot) and its position (a random unit code) through; the
    decoder's cross-attention matches its own position to the source's (a sharp dot product of
    position codes) and copies that source piece, and the output projection maps piece to piece.
    The source's end-of-sentence maps to itself, so the translation ends where the source does."""
    from ctranslate2.specs import transformer_spec

    v, m, p = len(vocabulary), MAPPING_CODE, MAPPING_POSITIONS
    d = v + m
    codes = np.random.default_rng(seed).standard_normal((p, m))
    codes -= codes.mean(axis=1, keepdims=True)
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)

    def zeros(*shape):
        return np.zeros(shape, np.float32)

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1)
    enc, dec = spec.encoder, spec.decoder
    positions = zeros(p, d)
    positions[:, v:] = codes
    one_hot = zeros(v, d)
    one_hot[np.arange(v), np.arange(v)] = 1.0
    enc.embeddings[0].weight = one_hot
    enc.position_encodings.encodings = positions
    dec.embeddings.weight = zeros(v, d)
    dec.position_encodings.encodings = positions
    for layer in (enc.layer[0], dec.layer[0]):
        attention = layer.self_attention
        attention.linear[0].weight, attention.linear[0].bias = zeros(3 * d, d), zeros(3 * d)
        attention.linear[1].weight, attention.linear[1].bias = zeros(d, d), zeros(d)
        layer.ffn.linear_0.weight, layer.ffn.linear_0.bias = zeros(4, d), zeros(4)
        layer.ffn.linear_1.weight, layer.ffn.linear_1.bias = zeros(d, 4), zeros(d)
    for norm in (enc.layer_norm, dec.layer_norm, enc.layer[0].self_attention.layer_norm, enc.layer[0].ffn.layer_norm,
                 dec.layer[0].self_attention.layer_norm, dec.layer[0].attention.layer_norm, dec.layer[0].ffn.layer_norm):
        norm.gamma, norm.beta = np.ones(d, np.float32), zeros(d)
    cross = dec.layer[0].attention
    query = zeros(d, d)
    query[v:, v:] = np.eye(m) * 60.0                 # sharp: the same position scores far above any other
    key_value = zeros(2 * d, d)
    key_value[v:d, v:] = np.eye(m)                   # keys: the source position
    key_value[d:d + v, :v] = np.eye(v)               # values: the source piece
    out = zeros(d, d)
    out[:v, :v] = np.eye(v) * 10.0
    cross.linear[0].weight, cross.linear[0].bias = query, zeros(d)
    cross.linear[1].weight, cross.linear[1].bias = key_value, zeros(2 * d)
    cross.linear[2].weight, cross.linear[2].bias = out, zeros(d)
    projection = zeros(v, d)
    for source_piece, target_piece in enumerate(mapping):
        projection[target_piece, source_piece] = 20.0
    dec.projection.weight, dec.projection.bias = projection, zeros(v)
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.config.add_source_eos = add_source_eos
    spec.validate()
    spec.optimize(quantization="int8")
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))
    return out_dir


def _sentencepiece_vocabulary(sp_file: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_file))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _build_package_folder(folder: Path, from_code: str, to_code: str, *, nllb: bool, version: str, layers, d_model,
                          heads, ffn, vocab_size, quantization, mapping: bool = False) -> None:
    folder.mkdir(parents=True)
    sp_file = train_sentencepiece(folder / "sentencepiece.model")
    vocabulary = _sentencepiece_vocabulary(sp_file)
    if nllb:    # NLLB keeps language tokens in the model vocabulary only, not in the tokenizer
        vocabulary += [code for code in NLLB_CODES.values() if code not in vocabulary]
    vocabulary += [f"<extra_{i}>" for i in range(max(0, vocab_size - len(vocabulary)))]
    if mapping:     # NLLB tokenization adds the end of sentence itself; argos-style sources get it from the model
        build_mapping_model(folder / "model", vocabulary, piece_mapping(vocabulary, from_code, to_code),
                            add_source_eos=not nllb, seed=_seed_of(from_code, to_code, nllb, version))
    else:
        build_ct2_model(folder / "model", vocabulary, layers=layers, d_model=d_model, heads=heads, ffn=ffn,
                        seed=_seed_of(from_code, to_code, nllb, version), quantization=quantization)
    metadata = {
        "package_version": version, "argos_version": "1.11",
        "from_code": from_code, "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code, "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate", "links": [],
    }
    if nllb:
        metadata.update(target_prefix=NLLB_CODES[to_code], source_prefix=NLLB_CODES[from_code],
                        license="CC-BY-NC-4.0", hawal_kind="nllb-packed")
    else:
        metadata["license"] = "MIT"
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False), encoding="utf-8")
    kind = "Piece-for-piece mapping" if mapping else "Random-weight"
    (folder / "README.md").write_text(f"{kind} test model {from_code}→{to_code}, not a translator.\n")


def package_folder_name(from_code: str, to_code: str, version: str = "1.0", nllb: bool = False) -> str:
    return f"translate-{from_code}_{to_code}{'-nllb' if nllb else ''}-{version.replace('.', '_')}"


def make_package_dir(out_dir: Path | str, from_code: str, to_code: str, *, nllb: bool = False, version: str = "1.0",
                     layers: tuple[int, int] = (1, 1), d_model: int = 32, heads: int = 2, ffn: int = 64,
                     vocab_size: int = 0, quantization: str | None = None, mapping: bool = False) -> Path:
    """An unpacked argos package folder `out_dir/<name>/` (built once, then copied from the cache);
    `mapping=True` makes the piece-for-piece model whose output passes the guard."""
    params = (FACTORY_REVISION, from_code, to_code, nllb, version, tuple(layers), d_model, heads, ffn, vocab_size,
              quantization, mapping)
    key = hashlib.sha256(repr(params).encode()).hexdigest()[:16]
    name = package_folder_name(from_code, to_code, version, nllb)
    cached = _cache_root() / key / name
    if not cached.exists():
        staging = Path(tempfile.mkdtemp(dir=_cache_root()))
        _build_package_folder(staging / name, from_code, to_code, nllb=nllb, version=version, layers=tuple(layers),
                              d_model=d_model, heads=heads, ffn=ffn, vocab_size=vocab_size, quantization=quantization,
                              mapping=mapping)
        try:
            (staging / name).parent.rename(cached.parent)      # atomic publish; a racing builder loses harmlessly
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    target = Path(out_dir) / name
    shutil.copytree(cached, target, dirs_exist_ok=True)
    return target


def zip_package(folder: Path, archive: Path) -> Path:
    """Zip a package folder under its one top folder, as argos expects."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


def make_argos_package(out_dir: Path | str, from_code: str, to_code: str, *, nllb: bool = False, version: str = "1.0",
                       **sizes) -> Path:
    """An `.argosmodel` file for one direction in `out_dir`; `nllb=True` adds language tokens and prefixes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_package_dir(tmp, from_code, to_code, nllb=nllb, version=version, **sizes)
        return zip_package(folder, out_dir / f"{folder.name}.argosmodel")


def install_test_models(models_dir: Path | str, pairs: Iterable[tuple[str, str]], *, nllb: bool = False,
                        version: str = "1.0", **sizes) -> list[Path]:
    """Put unpacked packages for `pairs` straight into `models_dir` (what `models install` would leave)."""
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    return [make_package_dir(models_dir, a, b, nllb=nllb, version=version, **sizes) for a, b in pairs]


def make_nllb_ct2_dir(out_dir: Path | str, languages: Sequence[str] = ("en", "ar", "ckb", "kmr")) -> Path:
    """A tiny stand-in for a CTranslate2 conversion of NLLB-200: model.bin, shared vocabulary with
    language tokens, and the tokenizer as `sentencepiece.bpe.model` (its name in NLLB releases)."""
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_package_dir(tmp, languages[0], languages[1], nllb=True)
        shutil.copytree(folder / "model", out_dir, dirs_exist_ok=True)
        shutil.copy(folder / "sentencepiece.model", out_dir / "sentencepiece.bpe.model")
    return out_dir


class RecordingTranslator:
    """Wraps a real `ctranslate2.Translator`, keeping every `translate_batch` call's inputs and outputs
    (and optionally failing on call number `fail_on`, to simulate a build killed mid-way)."""

    def __init__(self, translator, fail_on: int | None = None):
        self.translator = translator
        self.fail_on = fail_on
        self.calls: list[dict] = []

    def translate_batch(self, source, **kwargs):
        if self.fail_on is not None and len(self.calls) + 1 >= self.fail_on:
            raise KeyboardInterrupt("simulated kill during a translate_batch call")
        results = self.translator.translate_batch(source, **kwargs)
        self.calls.append({"source": [list(s) for s in source], "kwargs": kwargs,
                           "hypotheses": [list(r.hypotheses[0]) for r in results]})
        return results


def recording_factory(log: list, fail_on: int | None = None):
    """A translator factory for `hawal.translate.engine.Engine` that records into `log`."""
    import ctranslate2

    def make(model_dir, **kwargs):
        recorder = RecordingTranslator(ctranslate2.Translator(model_dir, **kwargs), fail_on)
        recorder.model_dir = model_dir
        log.append(recorder)
        return recorder

    return make
