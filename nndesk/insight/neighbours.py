"""The training images nearest to a drawing: in the network's last hidden layer (what the
network finds alike) and in pixel space (what looks alike), with their labels.

The features of the training images are computed once per model and cached in the user cache
folder, keyed by the model's fingerprint (SHA-256 of its spec and weights: a calibrated
re-save with the same weights keeps the cache, a retrained model gets its own). The cache is
an .npz read with `allow_pickle=False`; a stale or damaged one (other model, other data,
other shapes, non-finite values, or features that disagree with a few recomputed ones) is
rebuilt, never trusted. A nearest-neighbour look at a network's hidden representation is the
idea of Papernot & McDaniel, "Deep k-Nearest Neighbors" (2018). Never imports Qt.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk.insight.evaluation import Cancelled, as_input

__all__ = ["FeatureIndex", "FORMAT", "SPOT_CHECKS", "feature_layer", "model_fingerprint",
           "cache_path", "build_index", "save_index", "load_index", "training_index",
           "nearest", "Cancelled"]

FORMAT = 1  # the cache file's layout; another number is rebuilt
SPOT_CHECKS = 16  # training images recomputed to check a cache before it is used
PIXEL_CHUNK = 256  # uint8 training images made float32 at a time (0.8 MB: they stay in cache)


def feature_layer(net) -> int | None:
    """Index (0-based, in `net.forward_all`'s list) of the last hidden layer's output: the
    layer just before the last Dense layer (its input is the representation the classifier
    reads). None when the network has no hidden layer (softmax regression: the features
    would be the pixels)."""
    types = [layer.__class__.__name__ for layer in net.layers]
    last_dense = max((i for i, t in enumerate(types) if t == "Dense"), default=None)
    if last_dense is None or last_dense == 0:
        return None
    return last_dense - 1


def model_fingerprint(net) -> str:
    """SHA-256 hex of the network's spec (canonical JSON) and every parameter and buffer
    (name, dtype, shape and bytes): equal for the same weights whatever file holds them."""
    h = hashlib.sha256(json.dumps(net.spec, sort_keys=True).encode())
    for name, a in sorted(net.state_dict().items()):
        a = np.ascontiguousarray(a)
        h.update(f"{name}|{a.dtype.str}|{a.shape}".encode())
        h.update(a.tobytes())
    return h.hexdigest()


def cache_path(fingerprint: str, dataset: str = "mnist", cache_dir: Path | None = None) -> Path:
    """<user cache>/neighbours/<first 32 hex of the fingerprint>-<dataset>.npz."""
    from nndesk.paths import user_cache_dir

    folder = Path(cache_dir) if cache_dir is not None else user_cache_dir() / "neighbours"
    return folder / f"{fingerprint[:32]}-{dataset}.npz"


@dataclass
class FeatureIndex:
    """Training images for nearest-neighbour look-ups. `features` (N, D) float32 (the
    `layer`'s output), `pixels` (N, 784): uint8 0..255 (the data set's own decoded copy,
    shared, read-only: `training_index`) or float32 in [0, 1]; `image(i)` is row i as the
    network reads it. `labels` (N,) int64, `indices` (N,) int64 (positions in the training
    file), `fingerprint` of the model."""

    features: np.ndarray
    pixels: np.ndarray
    labels: np.ndarray
    indices: np.ndarray
    layer: int
    fingerprint: str
    dataset: str = "mnist"

    def __post_init__(self) -> None:
        self._sq = {"feature": np.einsum("ij,ij->i", self.features, self.features),
                    "pixel": self._pixel_rows(lambda p: np.einsum("ij,ij->i", p, p))}

    def image(self, i: int) -> np.ndarray:
        """Training image at row `i` as (784,) float32 in [0, 1] (what the network read)."""
        return as_input(self.pixels[i])

    def _pixel_rows(self, f: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """(N,) float32: `f` of the pixel rows as float32, `PIXEL_CHUNK` rows at a time when
        they are uint8 (each row's result is the one it has in a float32 copy of all rows:
        one row's dot product never reads another's)."""
        if self.pixels.dtype != np.uint8:
            return f(self.pixels)
        out = np.empty(len(self.pixels), dtype=np.float32)
        for start in range(0, len(self.pixels), PIXEL_CHUNK):
            out[start:start + PIXEL_CHUNK] = f(as_input(self.pixels[start:start + PIXEL_CHUNK]))
        return out

    def query(self, space: str, vector: np.ndarray, k: int = 5) -> list[dict]:
        """The k training images nearest to `vector` (Euclidean) in `space` ("feature":
        a (D,) layer output, "pixel": a 28x28 image): [{"index", "label", "distance"}],
        nearest first (ties by index)."""
        data = self.features if space == "feature" else self.pixels
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        if q.shape[0] != data.shape[1]:
            raise ValueError(f"a {space} vector of {data.shape[1]} values, not {q.shape[0]}")
        dot = data @ q if space == "feature" else self._pixel_rows(lambda p: p @ q)
        d2 = np.maximum(self._sq[space] - 2.0 * dot + float(q @ q), 0.0)
        k = min(int(k), len(d2))
        part = np.argpartition(d2, k - 1)[:k] if k < len(d2) else np.arange(len(d2))
        part = part[np.lexsort((part, d2[part]))]
        return [{"index": int(self.indices[i]), "label": int(self.labels[i]),
                 "distance": float(np.sqrt(d2[i]))} for i in part]


def _features(net, layer: int, x: np.ndarray, batch_size: int,
              progress: Callable[[int, int], None] | None,
              should_stop: Callable[[], bool] | None) -> np.ndarray:
    """(N, D) float32: `layer`'s output for every image, in batches (eval mode)."""
    parts = []
    for start in range(0, len(x), batch_size):
        if should_stop is not None and should_stop():
            raise Cancelled
        out = net.forward_all(as_input(x[start:start + batch_size]))[layer]
        parts.append(np.asarray(out, dtype=np.float32).reshape(len(out), -1))
        if progress is not None:
            progress(min(start + batch_size, len(x)), len(x))
    return np.concatenate(parts) if parts else np.zeros((0, 0), np.float32)


def build_index(net, x: np.ndarray, t: np.ndarray, indices: np.ndarray | None = None, *,
                dataset: str = "mnist", batch_size: int = 200,
                progress: Callable[[int, int], None] | None = None,
                should_stop: Callable[[], bool] | None = None) -> FeatureIndex:
    """Features of training images `x` (N, *input_shape) with labels `t` (N,): float, or
    uint8 0..255 (read as `load_mnist` scales them, and kept as they are, no copy).

    Raises ValueError for a network without a hidden layer, `Cancelled` when `should_stop()`
    turns true (asked before every batch); `progress(done, total)` after each batch.
    """
    layer = feature_layer(net)
    if layer is None:
        raise ValueError("this network has no hidden layer: its features are the pixels")
    feats = _features(net, layer, x, batch_size, progress, should_stop)
    idx = np.arange(len(x), dtype=np.int64) if indices is None else np.asarray(indices, np.int64)
    return FeatureIndex(feats, _pixels(x), np.asarray(t, np.int64), idx, layer,
                        model_fingerprint(net), dataset)


def _pixels(x: np.ndarray) -> np.ndarray:
    """(N, 784) rows of the images: uint8 ones as they are (a view), others as float32."""
    x = x if x.dtype == np.uint8 else np.asarray(x, np.float32)
    return x.reshape(len(x), -1)


def save_index(index: FeatureIndex, path: Path) -> Path:
    """Write the features, labels and indices (not the pixels: the data set has them) with a
    JSON header, atomically through `nndesk.fileio`. Raises OSError."""
    import io

    from nndesk.fileio import atomic_write

    header = json.dumps({"format": FORMAT, "fingerprint": index.fingerprint,
                         "dataset": index.dataset, "layer": index.layer,
                         "n": int(len(index.labels))})
    buf = io.BytesIO()
    np.savez(buf, header=np.array(header), features=index.features, labels=index.labels,
             indices=index.indices)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(path, lambda f: f.write(buf.getvalue()))


def load_index(path: Path, net, x: np.ndarray, t: np.ndarray,
               dataset: str = "mnist") -> FeatureIndex | None:
    """The cached index of `net` over training images `x`, `t` (the whole file, in order), or
    None when `path` is missing, unreadable, stale (another model, data set, layer or size)
    or wrong (bad dtypes or shapes, non-finite values, labels that are not the data's, or
    features that differ from `SPOT_CHECKS` recomputed ones). Never unpickles."""
    layer = feature_layer(net)
    try:
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as z:
            header = json.loads(str(z["header"][()]))
            feats, labels, idx = z["features"], z["labels"], z["indices"]
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile):
        return None  # missing, cut short, not a zip, a pickle, bad JSON: rebuilt
    n = len(x)
    if not (isinstance(header, dict) and header.get("format") == FORMAT
            and header.get("fingerprint") == model_fingerprint(net)
            and header.get("dataset") == dataset and header.get("layer") == layer
            and header.get("n") == n and layer is not None):
        return None
    if (feats.dtype != np.float32 or feats.ndim != 2 or feats.shape[0] != n
            or labels.dtype != np.int64 or labels.shape != (n,)
            or idx.dtype != np.int64 or not np.array_equal(idx, np.arange(n))):
        return None
    if not np.isfinite(feats).all() or not np.array_equal(labels, np.asarray(t, np.int64)):
        return None
    check = np.linspace(0, n - 1, min(SPOT_CHECKS, n)).astype(np.int64)
    fresh = _features(net, layer, x[check], len(check), None, None)
    if fresh.shape[1] != feats.shape[1] or not np.allclose(fresh, feats[check], rtol=1e-4,
                                                           atol=1e-5):
        return None
    return FeatureIndex(feats, _pixels(x), labels, idx, layer, header["fingerprint"], dataset)


def training_index(net, *, dataset: str = "mnist", data_dir=None, limit: int | None = None,
                   cache_dir: Path | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   should_stop: Callable[[], bool] | None = None
                   ) -> tuple[FeatureIndex, str]:
    """(index, how) for the training file of `dataset` (all 60,000 MNIST training images in
    file order, or the first `limit`): loaded from the cache ("cached") or computed and
    written there ("built"; "rebuilt" when a cache file was there but not trusted). The
    index's pixels are the data set's own uint8 copy (`load_uint8`): no float32 copy of the
    training images is made, not even while the features are computed.

    Raises ValueError (no hidden layer), `Cancelled`, `DataMissingError`/`IdxError` (data),
    OSError only for reading; a cache that cannot be written is skipped.
    """
    from nndesk.data.mnist import load_uint8

    x, t = load_uint8("train", dataset=dataset, data_dir=data_dir)
    if limit is not None:
        x, t = x[:limit], t[:limit]
    x = x.reshape(len(x), *net.spec["input_shape"])
    if feature_layer(net) is None:
        raise ValueError("this network has no hidden layer: its features are the pixels")
    fingerprint = model_fingerprint(net)
    name = dataset if limit is None else f"{dataset}-{len(x)}"
    path = cache_path(fingerprint, name, cache_dir)
    found = load_index(path, net, x, t, name)
    if found is not None:
        return found, "cached"
    how = "rebuilt" if path.exists() else "built"
    index = build_index(net, x, t, dataset=name, progress=progress, should_stop=should_stop)
    try:
        save_index(index, path)
    except OSError:
        pass  # a read-only cache folder: the index still works for this session
    return index, how


def nearest(index: FeatureIndex, net, image: np.ndarray, k: int = 5,
            activations: list[np.ndarray] | None = None) -> dict:
    """{"feature": [...], "pixel": [...]}: the `k` training images nearest to `image`
    ((1, 28, 28) in [0, 1]) in the last hidden layer and in pixel space (see
    `FeatureIndex.query`). `activations`: the image's `forward_all` outputs, one image
    without the batch axis, when the caller has them (the window's AppState)."""
    if activations is None:
        activations = [a[0] for a in net.forward_all(np.asarray(image, np.float32)[None])]
    return {"feature": index.query("feature", activations[index.layer], k),
            "pixel": index.query("pixel", image, k)}
