"""Damaged inputs for the fuzz suite and `benchmarks/fuzz.py`, and how each outcome is judged.

Every maker takes a `seed` (and a folder), builds one damaged input deterministically from it,
and returns its path (or, for specs, the spec). `judge_*` runs the reader nndesk uses on it
and returns one of: "clean" (the reader's own error, naming the problem), "loaded" (accepted,
and what it loaded works: finite predictions, a step that trains), or "wrong" (accepted, but
what it loaded does not work). Any other exception propagates: a traceback.
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
from pathlib import Path

import numpy as np

# Small networks the mutants start from: a dense one with BatchNorm/Dropout, a conv one.
SPECS = [
    {"name": "Tiny", "input_shape": [1, 28, 28], "layers": [
        {"type": "Dense", "units": 16}, {"type": "BatchNorm"}, {"type": "ReLU"},
        {"type": "Dropout", "rate": 0.2}, {"type": "Dense", "units": 10}]},
    {"name": "TinyConv", "input_shape": [1, 28, 28], "layers": [
        {"type": "Conv2D", "filters": 3, "kernel_size": 5}, {"type": "ReLU"},
        {"type": "MaxPool2D", "pool_size": 2}, {"type": "Dense", "units": 10}]},
]
# Values that break things when they land where a number, a name or a list should be.
ODD_VALUES = [-1, 0, 1.5, -0.0, 10**30, 2**63, float("nan"), float("inf"), -float("inf"),
              True, False, None, "", "x", "\x1b[2J", [], {}, [1, 2], {"a": 1}, 1e308, -1e-308]
DTYPES = ["int8", "int64", "uint64", "float16", "float64", "bool", "complex64", "<U3", ">f4"]


# --- model files and checkpoints -------------------------------------------------------------
def _net(seed: int):
    from nndesk.nn import Network

    return Network.from_spec(SPECS[seed % len(SPECS)], seed=seed)


def _checkpoint_state(net, rng: np.random.Generator) -> dict:
    from nndesk.nn import Adam
    from nndesk.train import TrainConfig

    opt = Adam(lr=0.001)
    opt.update(net.params(), {k: rng.standard_normal(v.shape).astype(v.dtype)
                              for k, v in net.params().items()})
    state_rng = np.random.default_rng(1)
    return {"epoch": 1, "batch": 0, "step": 10, "config": TrainConfig(epochs=3).to_dict(),
            "rng": state_rng.bit_generator.state, "epoch_rng": None,
            "net_rng": net.rng.bit_generator.state, "history": [{"epoch": 1, "val_acc": 0.5}],
            "best_epoch": 1, "best_val_acc": 0.5, "since_best": 0, "train_time_s": 1.0,
            "epoch_loss_sum": 0.0, "epoch_loss_count": 0, "epoch_time_s": 0.0,
            "start_loss": 2.3, "optimizer": opt.state_dict(), "best_weights": None}


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _write_entries(path: Path, entries: dict[str, bytes], deflate: bool = False) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
        for name, data in entries.items():
            z.writestr(name, data)


def _npy(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=True)
    return buf.getvalue()


def _json_npy(obj) -> bytes:
    return _npy(np.frombuffer(json.dumps(obj).encode(), dtype=np.uint8))


def _odd_json(rng: np.random.Generator, depth: int = 0):
    """A random JSON-able value: odd scalars, nesting, sometimes very deep."""
    r = rng.random()
    if depth > 3 or r < 0.5:
        return ODD_VALUES[rng.integers(len(ODD_VALUES))]
    if r < 0.55:
        deep = int(rng.choice([50, 1000, 100_000]))
        return json.loads("[" * deep + "]" * deep) if deep < 900 else {"deep": deep}
    if r < 0.8:
        return [_odd_json(rng, depth + 1) for _ in range(rng.integers(0, 4))]
    return {str(ODD_VALUES[rng.integers(len(ODD_VALUES))]): _odd_json(rng, depth + 1)
            for _ in range(rng.integers(0, 4))}


def _deep_text(n: int) -> bytes:
    return _npy(np.frombuffer(("[" * n + "]" * n).encode(), dtype=np.uint8))


def _bytes_mutation(data: bytes, rng: np.random.Generator) -> bytes:
    b = bytearray(data)
    kind = rng.integers(6)
    if kind == 0:  # truncate
        return bytes(b[:rng.integers(0, len(b))])
    if kind == 1:  # flip bytes
        for _ in range(rng.integers(1, 17)):
            b[rng.integers(len(b))] ^= int(rng.integers(1, 256))
        return bytes(b)
    if kind == 2:  # insert garbage
        at = rng.integers(len(b))
        return bytes(b[:at]) + rng.bytes(int(rng.integers(1, 64))) + bytes(b[at:])
    if kind == 3:  # zero a range
        at = int(rng.integers(len(b)))
        end = min(len(b), at + int(rng.integers(1, 4096)))
        b[at:end] = bytes(end - at)
        return bytes(b)
    if kind == 4:  # duplicate a chunk
        at = rng.integers(len(b))
        return bytes(b[:at]) + bytes(b[at:at + 512]) + bytes(b[at:])
    return bytes(rng.bytes(int(rng.integers(0, 64))))  # random short file


def _structure_mutation(entries: dict[str, bytes], rng: np.random.Generator) -> tuple[dict, bool]:
    """Change the archive's content; returns (entries, deflate)."""
    names = sorted(entries)
    name = names[rng.integers(len(names))]
    kind = rng.integers(10)
    deflate = False
    if kind == 0:  # drop an entry
        del entries[name]
    elif kind == 1:  # an entry outside the format
        odd = ["evil.npy", "../x.npy", "w/../../x.npy", "opt/zz.npy", "best/9.W.npy",
               "w/99.W.npy", "metadata", "spec.npy.npy"][rng.integers(8)]
        entries[odd] = _npy(np.zeros(3, np.float32))
    elif kind == 2:  # an array of another dtype or shape
        dtype = DTYPES[rng.integers(len(DTYPES))]
        shape = tuple(int(s) for s in rng.integers(0, 5, rng.integers(0, 3)))
        entries[name] = _npy(np.zeros(shape, dtype=dtype))
    elif kind == 3 and name.endswith((".W.npy", ".b.npy")):  # NaN / inf in the values
        arr = np.load(io.BytesIO(entries[name]), allow_pickle=False)
        if arr.size:
            arr = arr.copy()
            arr.flat[rng.integers(arr.size)] = [np.nan, np.inf, -np.inf, 3e38][rng.integers(4)]
            entries[name] = _npy(arr)
    elif kind == 4 and name.removesuffix(".npy") in ("spec", "metadata", "checkpoint",
                                                     "__format__"):
        obj = json.loads(np.load(io.BytesIO(entries[name]), allow_pickle=False).tobytes())
        _poke(obj, rng)
        entries[name] = _json_npy(obj)
    elif kind == 5:  # JSON bomb
        target = ["metadata.npy", "spec.npy", "checkpoint.npy"][rng.integers(3)]
        entries[target] = _deep_text(int(rng.choice([1000, 100_000])))
    elif kind == 6:  # zip bomb: a declared-large entry of zeros, deflated
        header = io.BytesIO()
        n = int(rng.choice([1 << 22, 1 << 25]))
        np.lib.format.write_array_header_1_0(
            header, {"descr": "<f4", "fortran_order": False, "shape": (n // 4,)})
        entries[name] = header.getvalue() + bytes(n)
        deflate = True
    elif kind == 7:  # an object array (pickle)
        entries[name] = _npy(np.array([{"evil": 1}], dtype=object))
    elif kind == 8:  # the spec asks for a huge network
        spec = json.loads(np.load(io.BytesIO(entries["spec.npy"]), allow_pickle=False).tobytes()
                          ) if "spec.npy" in entries else {}
        for layer in spec.get("layers", []):
            if "units" in layer:
                layer["units"] = int(rng.choice([1000, 99_999, 10**9]))
        entries["spec.npy"] = _json_npy(spec)
    else:  # recompress everything (legal)
        deflate = True
    return entries, deflate


def _poke(obj, rng: np.random.Generator) -> None:
    """Set, delete or nest one random key somewhere inside a JSON object."""
    for _ in range(int(rng.integers(1, 4))):
        node = obj
        for _ in range(int(rng.integers(0, 3))):
            kids = [v for v in (node.values() if isinstance(node, dict) else node)
                    if isinstance(v, (dict, list)) and v] if isinstance(node, (dict, list)) else []
            if not kids:
                break
            node = kids[rng.integers(len(kids))]
        if isinstance(node, dict) and node:
            key = sorted(node, key=str)[rng.integers(len(node))]
            if rng.random() < 0.2:
                del node[key]
            else:
                node[key] = _odd_json(rng)
        elif isinstance(node, list) and node:
            node[rng.integers(len(node))] = _odd_json(rng)


_BASES: dict[tuple[int, bool], bytes] = {}


def _base_file(index: int, checkpoint: bool, folder: Path) -> bytes:
    """The undamaged file a mutant starts from (made once per network and kind)."""
    from nndesk.train import save_model

    key = (index, checkpoint)
    if key not in _BASES:
        net = _net(index)
        path = save_model(Path(folder) / f".base{index}{int(checkpoint)}.npz", net,
                          {"accuracy": 0.5}, checkpoint=_checkpoint_state(
                              net, np.random.default_rng(index)) if checkpoint else None)
        _BASES[key] = path.read_bytes()
        path.unlink()
    return _BASES[key]


def make_model_file(seed: int, folder: Path, checkpoint: bool = False) -> Path:
    """A model (or checkpoint) file damaged in one of many ways, chosen by `seed`."""
    rng = np.random.default_rng(seed)
    path = Path(folder) / f"{'c' if checkpoint else 'm'}{seed}.npz"
    path.write_bytes(_base_file(seed % len(SPECS), checkpoint, folder))
    if rng.random() < 0.3:
        path.write_bytes(_bytes_mutation(path.read_bytes(), rng))
    else:
        entries, deflate = _structure_mutation(_entries(path), rng)
        if checkpoint and rng.random() < 0.5:  # and a second hit on the training state
            entries, deflate2 = _structure_mutation(entries, rng)
            deflate |= deflate2
        _write_entries(path, entries, deflate)
    return path


def judge_model(path: Path) -> str:
    """Load a model file; 'clean', 'loaded' (and it predicts finite probabilities), 'wrong'."""
    from nndesk.train import ModelFileError, load_model

    try:
        m = load_model(path)
    except ModelFileError:
        return "clean"
    x = np.random.default_rng(0).random((4, *m.spec["input_shape"]), dtype=np.float32)
    weights_ok = all(np.all(np.isfinite(v)) for v in m.network.state_dict().values())
    with np.errstate(all="ignore"):
        p = m.network.predict(x)
    # 3e38 weights can overflow the output: nndesk predict reports it per image (never NaN)
    return "loaded" if weights_ok and p.shape == (4, 10) else "wrong"


class _Data:
    def __init__(self, rng: np.random.Generator) -> None:
        self.x_train = rng.random((40, 1, 28, 28), dtype=np.float32)
        self.t_train = rng.integers(0, 10, 40)
        self.x_val, self.t_val = self.x_train[:10], self.t_train[:10]
        self.x_test, self.t_test = self.x_train[:10], self.t_train[:10]


def judge_checkpoint(path: Path) -> str:
    """Load a checkpoint and resume it for a few steps; 'wrong' when an accepted one cannot."""
    from nndesk.train import ModelFileError, TrainConfig, Trainer, load_model

    try:
        m = load_model(path)
    except ModelFileError:
        return "clean"
    if m.checkpoint is None:
        return "loaded"
    data = _Data(np.random.default_rng(0))
    saved = m.checkpoint["config"]
    config = TrainConfig.from_dict({**saved, "epochs": m.checkpoint["epoch"] + 1,
                                    "batch_size": 10, "val_split": 0, "train_limit": 0,
                                    "train_eval_size": 0})
    try:
        trainer = Trainer.from_checkpoint(path, data, config)
    except ModelFileError:
        return "clean"
    trainer.checkpoint_path = None
    result = trainer.run()
    finite = all(np.all(np.isfinite(v)) for v in trainer.net.state_dict().values())
    return "loaded" if finite or result.stopped == "diverged" else "wrong"


# --- specs -----------------------------------------------------------------------------------
LAYER_TYPES = ["Dense", "Conv2D", "MaxPool2D", "AvgPool2D", "Flatten", "ReLU", "LeakyReLU",
               "Sigmoid", "Tanh", "BatchNorm", "Dropout", "Conv9D", "", "self"]
SETTINGS = ["units", "filters", "kernel_size", "stride", "pad", "pool_size", "init", "alpha",
            "rate", "eps", "momentum", "self", "type", "__class__"]


def make_spec(seed: int):
    """A random, usually malformed, network spec (sometimes not even a dict)."""
    rng = np.random.default_rng(seed)
    if rng.random() < 0.05:
        return _odd_json(rng)
    base = json.loads(json.dumps(SPECS[seed % len(SPECS)]))
    for _ in range(int(rng.integers(1, 4))):
        r = rng.random()
        layers = base.get("layers")
        layers = layers if isinstance(layers, list) and layers else None
        if r < 0.3 and layers and isinstance(layers[0], dict):
            layer = layers[rng.integers(len(layers))]
            if isinstance(layer, dict):
                layer[SETTINGS[rng.integers(len(SETTINGS))]] = (
                    ODD_VALUES[rng.integers(len(ODD_VALUES))] if rng.random() < 0.7
                    else int(rng.integers(-3, 10**6)))
        elif r < 0.45 and layers:
            layers.insert(int(rng.integers(len(layers) + 1)),
                          {"type": LAYER_TYPES[rng.integers(len(LAYER_TYPES))]})
        elif r < 0.55:
            base["input_shape"] = _odd_json(rng) if rng.random() < 0.5 else [
                int(v) for v in rng.integers(-1, 100_000, rng.integers(0, 5))]
        elif r < 0.65:
            base["loss"] = _odd_json(rng)
        elif r < 0.75:
            base["layers"] = _odd_json(rng)
        elif r < 0.85 and layers:
            del layers[int(rng.integers(len(layers)))]
        else:
            base[str(_odd_json(rng))] = _odd_json(rng)
    return base


def judge_spec(spec) -> str:
    """`nn.infer`; a spec it accepts must build and run a forward pass when it is small."""
    from nndesk.nn import Network, SpecError, infer

    try:
        info = infer(spec)
    except SpecError:
        return "clean"
    sizes = [math.prod(layer.output_shape) for layer in info] + [math.prod(info[0].input_shape)]
    if sum(layer.params for layer in info) > 2_000_000 or max(sizes) > 2_000_000:
        return "loaded"  # big but valid: not built here (the engine estimates its memory)
    net = Network.from_spec(spec)
    x = np.zeros((2, *spec["input_shape"]), np.float32)
    with np.errstate(all="ignore"):
        out = net.forward(x)
    return "loaded" if out.shape[0] == 2 and out.ndim == 2 else "wrong"


# --- images ----------------------------------------------------------------------------------
def make_image(seed: int, folder: Path) -> Path:
    """An image file: valid in an odd mode/size, or the bytes of one damaged."""
    from PIL import Image

    rng = np.random.default_rng(seed)
    modes = ["1", "L", "P", "RGB", "RGBA", "I;16", "I", "F", "LA", "CMYK"]
    mode = modes[rng.integers(len(modes))]
    w, h = (int(v) for v in rng.integers(1, 400, 2))
    fmt = ["PNG", "BMP", "GIF", "TIFF", "JPEG", "WEBP"][rng.integers(6)]
    img = Image.fromarray(rng.integers(0, 256, (h, w), dtype=np.uint8)).convert(
        "L" if mode in ("I;16", "I", "F") else mode)
    buf = io.BytesIO()
    try:
        img.save(buf, format=fmt)
    except (OSError, ValueError, KeyError):
        img.convert("RGB").save(buf, format="PNG")
        fmt = "PNG"
    data = buf.getvalue()
    if rng.random() < 0.6:
        data = _bytes_mutation(data, rng)
    path = Path(folder) / f"i{seed}.{fmt.lower()}"
    path.write_bytes(data)
    return path


def judge_image(path: Path) -> str:
    """`preprocess`: ImageError is clean; a result must be None or a finite (1, 28, 28)."""
    from nndesk.data.preprocess import ImageError, preprocess

    try:
        x = preprocess(path)
    except ImageError:
        return "clean"
    if x is None:
        return "loaded"
    ok = x.shape == (1, 28, 28) and x.dtype == np.float32 and bool(np.all(np.isfinite(x)))
    return "loaded" if ok else "wrong"


# --- data folders ----------------------------------------------------------------------------
def make_data_folder(seed: int, folder: Path) -> Path:
    """Even seeds: an MNIST-layout folder of tiny IDX files, one damaged. Odd seeds: a digit
    folder (0/ ... 9/) with some odd files (empty, not images, damaged, a sub-folder)."""
    from PIL import Image

    from nndesk.data.idx import write_idx

    rng = np.random.default_rng(seed)
    root = Path(folder) / f"d{seed}"
    root.mkdir()
    if seed % 2 == 0:
        arrays = {"train-images-idx3-ubyte.gz": rng.integers(0, 256, (30, 28, 28), np.uint8),
                  "train-labels-idx1-ubyte.gz": rng.integers(0, 10, 30).astype(np.uint8),
                  "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (10, 28, 28), np.uint8),
                  "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, 10).astype(np.uint8)}
        for name, a in arrays.items():
            write_idx(root / name, a)
        names = sorted(arrays)
        victim = root / names[rng.integers(4)]
        r = rng.random()
        if r < 0.4:
            victim.write_bytes(_bytes_mutation(victim.read_bytes(), rng))
        elif r < 0.7:  # a header that lies, written raw or gzip
            import gzip

            dims = [int(v) for v in rng.integers(0, 2**31, rng.integers(1, 4))]
            code = int(rng.choice([8, 9, 11, 12, 13, 14, 7]))
            head = bytes([0, 0, code, len(dims)]) + np.array(dims, ">u4").tobytes()
            body = head + bytes(int(rng.integers(0, 2048)))
            victim.write_bytes(gzip.compress(body) if rng.random() < 0.5 else body)
        elif r < 0.85:  # a gzip bomb of the right shape
            import gzip

            n = int(rng.choice([60_000, 200_000]))
            head = bytes([0, 0, 8, 3]) + np.array([n, 28, 28], ">u4").tobytes()
            victim.write_bytes(gzip.compress(head + bytes(n * 784), compresslevel=1))
        else:  # labels of another type or range
            bad = [np.full(30, 10, np.uint8), np.full(30, np.nan, np.float32),
                   np.arange(30, dtype=np.int32) - 5][rng.integers(3)]
            write_idx(root / "train-labels-idx1-ubyte.gz", bad)
        return root
    for digit in rng.choice(10, int(rng.integers(0, 4)), replace=False):
        sub = root / str(digit)
        sub.mkdir()
        for i in range(int(rng.integers(0, 3))):
            img = np.zeros((28, 28), np.uint8)
            img[4:24, 12:16] = 255
            Image.fromarray(img).save(sub / f"{i}.png")
        odd = int(rng.integers(5))
        if odd == 0:
            (sub / "empty.png").write_bytes(b"")
        elif odd == 1:
            (sub / "notes.png").write_text("not an image")
        elif odd == 2:
            (sub / "dir.png").mkdir()
        elif odd == 3:
            p = sub / "cut.png"
            Image.fromarray(np.full((28, 28), 200, np.uint8)).save(p)
            p.write_bytes(p.read_bytes()[:40])
        elif odd == 4 and hasattr(os, "mkfifo"):
            os.mkfifo(sub / "pipe.png")
    return root


def judge_data_folder(root: Path) -> str:
    """load_mnist (IDX layout) or load_folder (digit folders) on the folder."""
    from nndesk.data.folder import FolderError, load_folder
    from nndesk.data.mnist import DataMissingError, IdxError, load_mnist

    if (root / "train-images-idx3-ubyte.gz").exists():
        try:
            d = load_mnist(data_dir=root, val_split=0)
        except (IdxError, DataMissingError):
            return "clean"
        ok = (len(d.x_test) > 0 and d.t_train.min() >= 0 and d.t_train.max() <= 9
              and bool(np.all(np.isfinite(d.x_train))))
        return "loaded" if ok else "wrong"
    try:
        x, t = load_folder(root)
    except FolderError:
        return "clean"
    ok = len(x) == len(t) > 0 and x.shape[1:] == (1, 28, 28) and set(t.tolist()) <= set(range(10))
    return "loaded" if ok else "wrong"
