"""The trained pair classifier: a MiniLM encoder (ONNX, int8) and small numpy heads.

One encoder pass per sentence that holds an actor; each candidate pair is then
scored from pooled token vectors (the sentence, the source mention, the target
mention, the words between them) and the rule coder's root for the pair. The
same arithmetic is written in torch in ``tools/train_event_model.py``; this is
the run-time half, so users need onnxruntime and tokenizers, never torch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from detente.errors import EventModelError

from .candidates import Pair
from .layout import between_tokens, position, token_indices
from .syntax import PairSyntax

MODEL_PACKAGE = "detente.events.learned"
MODEL_DIR = "data"
ONNX_FILE, HEADS_FILE, META_FILE, TOKENIZER_FILE = (
    "encoder.int8.onnx", "heads.npz", "meta.json", "tokenizer.json")
MAX_TOKENS = 96          # the encoder was trained on up to 128; longer sentences are rare and costly
INSTALL_HINT = "pip install onnxruntime tokenizers threadpoolctl"


@dataclass(frozen=True)
class Scored:
    """The model's reading of one candidate pair (probabilities already calibrated)."""

    label: str               # the most probable CAMEO root other than NONE ("19")
    probability: float       # its calibrated probability
    none_probability: float  # calibrated probability that the pair holds no event
    modality: str
    rule_label: str = ""     # the rule coder's root for the pair ("" when it proposed none)
    rule_probability: float = 0.0   # the model's probability of that root


def default_model_dir() -> Path:
    return Path(str(resources.files(MODEL_PACKAGE) / MODEL_DIR))


def load_pair_model(path: str | None = None) -> "PairModel":
    """The model in ``path`` (default: the one shipped in the package), loaded once per process."""
    return _load(str(Path(path).resolve()) if path else str(default_model_dir()))


@lru_cache(maxsize=4)
def _load(directory: str) -> "PairModel":
    return PairModel(Path(directory))


load_pair_model.cache_clear = _load.cache_clear


class PairModel:
    def __init__(self, directory: Path):
        missing = [f for f in (ONNX_FILE, HEADS_FILE, META_FILE, TOKENIZER_FILE)
                   if not (directory / f).is_file()]
        if missing:
            raise EventModelError(f"the event model in {directory} lacks {', '.join(missing)}: "
                             "rebuild it with `make model`, or use --coder rules")
        try:
            import onnxruntime as ort
            from threadpoolctl import ThreadpoolController
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EventModelError(f"the learned event coder needs onnxruntime, tokenizers and threadpoolctl "
                             f"(`{INSTALL_HINT}`), or use --coder rules") from exc
        self.meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        self.labels: list[str] = self.meta["labels"]
        self.modalities: list[str] = self.meta["modalities"]
        self.rules: list[str] = self.meta["rule_roots"]
        self.temperature = float(self.meta.get("temperature", 1.0))
        self.thresholds: dict[str, float] = self.meta.get("thresholds", {})
        self.default_threshold = float(self.meta.get("default_threshold", 0.5))
        self.rule_threshold = float(self.meta.get("rule_threshold", 1.0))
        # One threshold for every type and for confirming the rules, when the development
        # split chose it over the per-type thresholds end to end (tools/tune_event_model.py).
        point = self.meta.get("min_confidence")
        self.min_confidence: float | None = float(point) if point is not None else None
        heads = np.load(directory / HEADS_FILE)
        self.heads = {k: heads[k].astype(np.float32) for k in heads.files}
        self.tokenizer = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(directory / ONNX_FILE), options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.blas = ThreadpoolController()

    def threshold(self, label: str) -> float:
        return float(self.thresholds.get(label, self.default_threshold))

    def encode(self, sentences: list[str]):
        """Token vectors and character offsets of each sentence (one padded encoder call)."""
        encodings = self.tokenizer.encode_batch(sentences)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, :len(enc.ids)] = enc.ids
            mask[row, :len(enc.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]
        return [(hidden[row, :len(enc.ids)], enc.offsets, enc.special_tokens_mask)
                for row, enc in enumerate(encodings)]

    def score(self, encoded, spans: list[tuple[int, int]], pairs: list[Pair]) -> list[Scored | None]:
        """Score each pair of one encoded sentence; None where a mention fell past truncation."""
        hidden, offsets, special = encoded
        tokens = [token_indices(offsets, special, s, e) for s, e in spans]
        sentence = hidden[[i for i, sp in enumerate(special) if not sp]].mean(axis=0)
        rows, keep = [], []
        for n, pair in enumerate(pairs):
            feats = self.features(hidden, sentence, tokens, pair)
            if feats is not None:
                rows.append(feats)
                keep.append(n)
        out: list[Scored | None] = [None] * len(pairs)
        if not rows:
            return out
        root, modality = self.forward(np.stack(rows))
        none = self.labels.index("NONE")
        for n, r, m in zip(keep, root, modality):
            best = int(np.argmax(np.where(np.arange(len(r)) == none, -1.0, r)))
            rule = pairs[n].rule_root if pairs[n].rule_root in self.labels else ""
            out[n] = Scored(self.labels[best], float(r[best]), float(r[none]),
                            self.modalities[int(m.argmax())], rule,
                            float(r[self.labels.index(rule)]) if rule else 0.0)
        return out

    def features(self, hidden, sentence, tokens, pair: Pair):
        src = tokens[pair.source]
        if not src:
            return None
        s_vec = hidden[src].mean(axis=0)
        if pair.target is None:
            tgt, gap = None, []
            t_vec, between = self.heads["none_target"], sentence
        else:
            tgt = tokens[pair.target]
            if not tgt:
                return None
            t_vec = hidden[tgt].mean(axis=0)
            gap = between_tokens(src, tgt)
            between = hidden[gap].mean(axis=0) if gap else sentence
        rule = self.heads["rule_embedding"][self.rule_index(pair.rule_root)]
        syn = pair.syntax or PairSyntax(0, 0, 0, 0)
        parse = [self.heads["dep_embedding"][syn.source_dep], self.heads["dep_embedding"][syn.target_dep],
                 self.heads["path_embedding"][syn.path], self.heads["lemma_embedding"][syn.lemma]]
        return np.concatenate([sentence, s_vec, t_vec, s_vec * t_vec, between, rule, *parse,
                               np.asarray(position(src, tgt, gap), dtype=np.float32)]).astype(np.float32)

    def rule_index(self, root: str) -> int:
        return self.rules.index(root) if root in self.rules else self.rules.index("none")

    def forward(self, x: np.ndarray):
        # One BLAS thread: the matrices are small, and OpenBLAS's extra threads spin while
        # they wait, which cost a third of the model pipeline's CPU time (bench_events).
        with self.blas.limit(limits=1, user_api="blas"):
            h = np.maximum(x @ self.heads["w1"].T + self.heads["b1"], 0.0)
        root = softmax((h @ self.heads["w_root"].T + self.heads["b_root"]) / self.temperature)
        modality = softmax(h @ self.heads["w_mod"].T + self.heads["b_mod"])
        return root, modality


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
