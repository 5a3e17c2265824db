"""MNIST and Fashion-MNIST: where the files are, fetching them, and `load_mnist` as in the book."""

from __future__ import annotations

import hashlib
import http.client
import os
import threading
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk import paths
from nndesk.data.idx import IdxError, read_idx, write_idx
from nndesk.fileio import atomic_write

__all__ = ["IdxError", "read_idx", "write_idx", "Dataset", "DATASETS", "DataMissingError",
           "DownloadError", "data_dir", "missing_files", "download", "Splits", "load_mnist",
           "load_uint8", "scaled"]

ROLES = ("train_images", "train_labels", "test_images", "test_labels")


@dataclass(frozen=True)
class DataFile:
    name: str    # file name in the data folder and on the mirrors
    sha256: str
    size: int    # bytes, for the progress total (the checksum is what decides)


@dataclass(frozen=True)
class Dataset:
    """A data set in the MNIST layout: four IDX files known by checksum, and where to get them."""

    name: str
    title: str
    files: dict[str, DataFile]  # keyed by ROLES
    mirrors: tuple[str, ...]    # base URLs ending in "/", tried in order
    env: str                    # environment variable naming its folder


_MNIST_MIRRORS = ("https://ossci-datasets.s3.amazonaws.com/mnist/",
                  "https://storage.googleapis.com/cvdf-datasets/mnist/",
                  "http://yann.lecun.com/exdb/mnist/")
_FASHION_MIRRORS = ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/")


def _files(*rows: tuple[str, str, int]) -> dict[str, DataFile]:
    return {role: DataFile(*row) for role, row in zip(ROLES, rows, strict=True)}


DATASETS: dict[str, Dataset] = {
    "mnist": Dataset("mnist", "MNIST", _files(
        ("train-images-idx3-ubyte.gz",
         "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9912422),
        ("train-labels-idx1-ubyte.gz",
         "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28881),
        ("t10k-images-idx3-ubyte.gz",
         "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1648877),
        ("t10k-labels-idx1-ubyte.gz",
         "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4542)),
        _MNIST_MIRRORS, "NNDESK_DATA_DIR"),
    # Checksums as published alongside other loaders (two independent sources agree);
    # sizes from the Fashion-MNIST README, used only for the progress bar.
    "fashion": Dataset("fashion", "Fashion-MNIST", _files(
        ("train-images-idx3-ubyte.gz",
         "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc", 26421880),
        ("train-labels-idx1-ubyte.gz",
         "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc", 29515),
        ("t10k-images-idx3-ubyte.gz",
         "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229", 4422102),
        ("t10k-labels-idx1-ubyte.gz",
         "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf", 5148)),
        _FASHION_MIRRORS, "NNDESK_FASHION_DIR"),
}


class DataMissingError(FileNotFoundError):
    """Data files are absent: says which, and the folder to put them in."""

    def __init__(self, dataset: Dataset, folder: Path, missing: Sequence[str], detail: str = ""):
        self.dataset, self.folder, self.missing = dataset, Path(folder), list(missing)
        msg = (f"{dataset.title} files missing in {self.folder}: {', '.join(self.missing)}. "
               f"Put them in that folder (from {dataset.mirrors[0]}), set {dataset.env} to "
               "a folder that has them, or download them (`download=True`).")
        super().__init__(msg + (f"\n{detail}" if detail else ""))


class DownloadError(DataMissingError):
    """No mirror delivered a good copy; the message lists what each mirror did."""


def _dataset(dataset: str | Dataset) -> Dataset:
    if isinstance(dataset, Dataset):
        return dataset
    try:
        return DATASETS[dataset]
    except KeyError:
        raise ValueError(f"unknown data set {dataset!r}; known: {', '.join(DATASETS)}") from None


def data_dir(explicit: str | os.PathLike | None = None, dataset: str = "mnist") -> Path:
    """The folder of a data set: `explicit` > its environment variable > the user data dir."""
    ds = _dataset(dataset)
    if explicit is not None:
        return Path(explicit).expanduser()
    env = os.environ.get(ds.env)
    if env:
        return Path(env).expanduser()
    return paths.user_data_dir() / "data" / ds.name


def missing_files(dataset: str | Dataset, dir: str | os.PathLike) -> list[str]:
    """Names of the data set's files that are not in `dir`."""
    ds = _dataset(dataset)
    return [f.name for f in ds.files.values() if not (Path(dir) / f.name).is_file()]


def _fetch(url: str, dest: Path, want: DataFile, tick: Callable[[int], None]) -> None:
    """Stream `url` to a temp file beside `dest`, check length and SHA-256, rename into place."""
    digest = hashlib.sha256()

    def write(f) -> None:
        with urllib.request.urlopen(url, timeout=30) as r:  # noqa: S310 - http(s) mirrors only
            expected = r.headers.get("Content-Length")
            got = 0
            while chunk := r.read(1 << 16):
                if got > 4 * want.size + (1 << 20):     # a wrong file; don't fill the disk
                    raise OSError(f"far larger than the expected {want.size} bytes")
                f.write(chunk)
                digest.update(chunk)
                got += len(chunk)
                tick(len(chunk))
        if expected is not None and got != int(expected):
            raise OSError(f"truncated: {got} of {expected} bytes")
        if digest.hexdigest() != want.sha256:
            raise OSError(f"checksum mismatch (got sha256 {digest.hexdigest()[:16]}..., "
                          f"expected {want.sha256[:16]}...)")

    atomic_write(dest, write)


def download(dataset: str | Dataset, dir: str | os.PathLike | None = None,
             progress: Callable[[int, int], None] | None = None,
             mirrors: Sequence[str] | None = None) -> list[Path]:
    """Fetch the missing files of a data set into `dir`, trying each mirror in order.

    `progress(bytes_done, bytes_total)` is called as data arrives. Each file is verified by
    SHA-256 and renamed into place only when good; a failure leaves nothing behind and raises
    `DownloadError` naming each mirror's failure.
    """
    ds = _dataset(dataset)
    folder = data_dir(dir, ds.name) if isinstance(dataset, str) else Path(dir or ".")
    folder.mkdir(parents=True, exist_ok=True)
    todo = [f for f in ds.files.values() if not (folder / f.name).is_file()]
    total = sum(f.size for f in todo)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, max(total, done))

    fetched = []
    for want in todo:
        failures = []
        start = done
        for base in mirrors if mirrors is not None else ds.mirrors:
            url = base.rstrip("/") + "/" + want.name
            try:
                _fetch(url, folder / want.name, want, tick)
                break
            except (OSError, http.client.HTTPException, ValueError) as e:
                failures.append(f"  {url}: {e}")
                done = start  # what that mirror sent is gone: the bar goes back with it
                if progress is not None:
                    progress(done, max(total, done))
        else:
            missing = [f.name for f in todo if not (folder / f.name).is_file()]
            raise DownloadError(ds, folder, missing, "no mirror gave a good copy of "
                                f"{want.name}:\n" + "\n".join(failures))
        fetched.append(folder / want.name)
    return fetched


_data_dir, _download = data_dir, download  # load_mnist's arguments shadow these names


@dataclass
class Splits:
    """The book's (x_train, t_train), (x_test, t_test), plus a validation set from training."""

    x_train: np.ndarray
    t_train: np.ndarray
    x_val: np.ndarray
    t_val: np.ndarray
    x_test: np.ndarray
    t_test: np.ndarray


_cache: dict[tuple, tuple[np.ndarray, ...]] = {}
_cache_lock = threading.Lock()


def _read_raw(ds: Dataset, folder: Path) -> tuple[np.ndarray, ...]:
    """The four arrays as uint8, read once per process and kept read-only."""
    files = [folder / ds.files[role].name for role in ROLES]
    key = (ds.name, tuple((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size)
                          for p in files))
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        arrays = [read_idx(p) for p in files]
        for images, labels, ip, lp in ((arrays[0], arrays[1], files[0], files[1]),
                                       (arrays[2], arrays[3], files[2], files[3])):
            if images.ndim != 3 or images.dtype != np.uint8:
                raise IdxError(ip, f"expected uint8 images (N, rows, cols), got {images.dtype} "
                                   f"{images.shape}")
            if len(images) == 0:
                raise IdxError(ip, "holds 0 images: nothing to train or measure on")
            if labels.dtype.kind not in "iu":
                raise IdxError(lp, f"labels must be whole numbers (an integer IDX type), "
                                   f"found {labels.dtype}")
            if labels.ndim != 1:
                raise IdxError(lp, f"expected labels (N,), got shape {labels.shape}")
            if len(images) != len(labels):
                raise IdxError(lp, f"{len(labels)} labels for the {len(images)} images "
                                   f"in {ip.name}")
            if labels.size and (labels.min() < 0 or labels.max() > 9):
                raise IdxError(lp, f"labels must be 0-9, found {labels.min()}..{labels.max()}")
        for a in arrays:
            a.flags.writeable = False
        _cache.clear()  # one data set at a time is plenty (60k images = 47 MB)
        _cache[key] = tuple(arrays)
        return _cache[key]


def scaled(x: np.ndarray) -> np.ndarray:
    """uint8 pixels 0..255 as float32 in [0, 1]: `load_mnist`'s values, bit for bit (a new
    array of `x`'s shape)."""
    out = x.astype(np.float32)
    out /= np.float32(255)
    return out


def _images(x: np.ndarray, normalize: bool, flatten: bool) -> np.ndarray:
    # (N, 28, 28), a fresh array the caller owns
    out = scaled(x) if normalize else x.astype(np.float32)
    return out.reshape(len(x), x.shape[1] * x.shape[2]) if flatten else out[:, None, :, :]


def _labels(t: np.ndarray, one_hot: bool) -> np.ndarray:
    t = t.astype(np.int64)
    if not one_hot:
        return t
    out = np.zeros((len(t), 10), dtype=np.float32)
    out[np.arange(len(t)), t] = 1
    return out


def _raw(dataset: str, data_dir, download: bool) -> tuple[np.ndarray, ...]:
    ds = _dataset(dataset)
    folder = _data_dir(data_dir, ds.name)
    missing = missing_files(ds, folder)
    if missing and download:
        _download(ds, folder)
    elif missing:
        raise DataMissingError(ds, folder, missing)
    return _read_raw(ds, folder)


def load_uint8(split: str = "train", *, dataset: str = "mnist",
               data_dir: str | os.PathLike | None = None,
               download: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(images (N, 28, 28) uint8 0..255, labels (N,) int64) of the whole `split` file
    ("train" or "test"), in file order. The images are the process's one decoded copy
    (read-only, shared, no copy made: 47 MB for MNIST's training file where `load_mnist`
    makes 188 MB of float32); `scaled(images[a:b])` gives `load_mnist`'s values.
    Raises `DataMissingError` / `IdxError` as `load_mnist` does."""
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    xtr, ttr, xte, tte = _raw(dataset, data_dir, download)
    x, t = (xtr, ttr) if split == "train" else (xte, tte)
    return x, t.astype(np.int64)


def load_mnist(normalize: bool = True, flatten: bool = True, one_hot: bool = False, *,
               dataset: str = "mnist", data_dir: str | os.PathLike | None = None,
               val_split: int = 5000, seed: int = 0, download: bool = False) -> Splits:
    """MNIST (or Fashion-MNIST) as float32 arrays with the book's flags.

    normalize: pixels in [0, 1] instead of 0..255; flatten: (N, 784) instead of
    (N, 1, 28, 28); one_hot: labels as (N, 10) float32 rows instead of int64 (N,).
    `val_split` training images, chosen by `seed`, form the validation set.
    """
    xtr, ttr, xte, tte = _raw(dataset, data_dir, download)
    if not 0 <= val_split <= len(xtr):
        raise ValueError(f"val_split must be 0..{len(xtr)}, got {val_split}")
    perm = np.random.default_rng(seed).permutation(len(xtr))
    val, train = np.sort(perm[:val_split]), np.sort(perm[val_split:])
    return Splits(_images(xtr[train], normalize, flatten), _labels(ttr[train], one_hot),
                  _images(xtr[val], normalize, flatten), _labels(ttr[val], one_hot),
                  _images(xte, normalize, flatten), _labels(tte, one_hot))
