"""download(): mirrors served from 127.0.0.1 that work, 404, truncate, or send wrong bytes."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from nndesk.data import mnist
from nndesk.data.mnist import DataFile, DataMissingError, Dataset, DownloadError, download
from nndesk.data.mnist import missing_files as missing

NAMES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
         "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


@pytest.fixture(scope="module")
def payloads(tmp_path_factory):
    """Four tiny gzip IDX files, as bytes keyed by name."""
    folder = tmp_path_factory.mktemp("src")
    rng = np.random.default_rng(0)
    arrays = (rng.integers(0, 256, (12, 28, 28), dtype=np.uint8),
              np.arange(12, dtype=np.uint8) % 10,
              rng.integers(0, 256, (4, 28, 28), dtype=np.uint8), np.arange(4, dtype=np.uint8))
    for name, a in zip(NAMES, arrays, strict=True):
        mnist.write_idx(folder / name, a)
    return {name: (folder / name).read_bytes() for name in NAMES}


class _Handler(BaseHTTPRequestHandler):
    payloads: dict[str, bytes] = {}
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        mode, _, name = self.path.strip("/").partition("/")
        self.hits.append(self.path)
        body = self.payloads.get(name)
        if mode == "missing" or body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "good":
            self.wfile.write(body)
        elif mode == "short":      # promises all, sends half, hangs up
            self.wfile.write(body[: len(body) // 2])
        elif mode == "wrong":      # right length, wrong bytes
            self.wfile.write(bytes(b ^ 0x55 for b in body))
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(payloads):
    _Handler.payloads = payloads
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def tiny(payloads) -> Dataset:
    files = {role: DataFile(name, hashlib.sha256(payloads[name]).hexdigest(), len(payloads[name]))
             for role, name in zip(mnist.ROLES, NAMES, strict=True)}
    return Dataset("tiny", "Tiny", files, mirrors=("http://127.0.0.1:9/",), env="NNDESK_TINY")


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_good_mirror_after_a_404(server, tiny, tmp_path, payloads):
    seen = []
    got = download(tiny, tmp_path, progress=lambda done, total: seen.append((done, total)),
                   mirrors=[f"{server}/missing/", f"{server}/good/"])
    assert [p.name for p in got] == list(NAMES)
    for name in NAMES:
        assert (tmp_path / name).read_bytes() == payloads[name]
    assert _leftovers(tmp_path) == sorted(NAMES)
    total = sum(len(b) for b in payloads.values())
    assert seen[-1] == (total, total)
    assert all(a <= b for (a, _), (b, _) in zip(seen, seen[1:], strict=False))
    assert missing(tiny, tmp_path) == []
    assert download(tiny, tmp_path, mirrors=[f"{server}/missing/"]) == []  # nothing to do


@pytest.mark.parametrize("mode, reason", [("missing", "404"), ("short", "truncated|IncompleteRead"),
                                          ("wrong", "checksum mismatch")])
def test_each_bad_mirror_leaves_nothing(server, tiny, tmp_path, mode, reason):
    with pytest.raises(DownloadError, match=reason) as err:
        download(tiny, tmp_path, mirrors=[f"{server}/{mode}/"])
    assert _leftovers(tmp_path) == []
    assert str(tmp_path) in str(err.value) and NAMES[0] in str(err.value)
    assert isinstance(err.value, DataMissingError)


def test_all_bad_mirrors_are_reported_in_order(server, tiny, tmp_path):
    with pytest.raises(DownloadError) as err:
        download(tiny, tmp_path, mirrors=[f"{server}/wrong/", f"{server}/short/",
                                          "http://127.0.0.1:9/"])
    msg = str(err.value).split("\n", 1)[1]
    assert msg.index("/wrong/") < msg.index("/short/") < msg.index("127.0.0.1:9/")
    assert _leftovers(tmp_path) == []


def test_partial_folder_only_fetches_what_is_missing(server, tiny, tmp_path, payloads):
    (tmp_path / NAMES[1]).write_bytes(payloads[NAMES[1]])
    _Handler.hits.clear()
    download(tiny, tmp_path, mirrors=[f"{server}/good/"])
    assert sorted(h.rsplit("/", 1)[1] for h in _Handler.hits) == sorted(
        [NAMES[0], NAMES[2], NAMES[3]])


def test_load_with_download(server, tiny, tmp_path, monkeypatch, payloads):
    monkeypatch.setitem(mnist.DATASETS, "tiny",
                        Dataset("tiny", "Tiny", tiny.files, (f"{server}/good/",), "NNDESK_TINY"))
    with pytest.raises(DataMissingError):
        mnist.load_mnist(dataset="tiny", data_dir=tmp_path)
    s = mnist.load_mnist(dataset="tiny", data_dir=tmp_path, download=True, val_split=2)
    assert len(s.x_train) == 10 and len(s.x_test) == 4


def test_progress_is_rewound_after_a_mirror_fails_half_way(server, tiny, tmp_path, payloads):
    seen = []
    download(tiny, tmp_path, progress=lambda done, total: seen.append((done, total)),
             mirrors=[f"{server}/short/", f"{server}/good/"])
    total = sum(len(b) for b in payloads.values())
    # The short mirror sent half of each file before failing; none of it may be counted.
    assert seen[-1] == (total, total)
    assert all(done <= total and t == total for done, t in seen)
    first = len(payloads[NAMES[0]])
    dips = [b for (a, _), (b, _) in zip(seen, seen[1:], strict=False) if b < a]
    assert dips and min(dips) <= first // 2  # it went back to where that file started


def test_a_truncated_file_already_in_the_folder_is_named_not_fetched_again(
        server, tiny, tmp_path, payloads, monkeypatch):
    monkeypatch.setitem(mnist.DATASETS, "tiny", tiny)
    for name in NAMES:
        (tmp_path / name).write_bytes(payloads[name])
    cut = tmp_path / NAMES[2]
    cut.write_bytes(payloads[NAMES[2]][:len(payloads[NAMES[2]]) // 2])
    assert download(tiny, tmp_path, mirrors=[f"{server}/good/"]) == []  # present: kept as is
    with pytest.raises(mnist.IdxError, match=f"{NAMES[2]}: .*truncated") as err:
        mnist.load_mnist(dataset="tiny", data_dir=tmp_path)
    assert str(cut) in str(err.value)
