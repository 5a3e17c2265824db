"""IDX files: round trips, and a clear IdxError for each kind of bad file."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from nndesk.data.mnist import IdxError, read_idx, write_idx


@pytest.mark.parametrize("name", ["a.idx", "a.idx.gz"])
@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
def test_round_trip(tmp_path, name, dtype):
    a = (np.arange(2 * 3 * 4) - 5).astype(dtype).reshape(2, 3, 4)
    write_idx(tmp_path / name, a)
    b = read_idx(tmp_path / name)
    assert b.dtype == np.dtype(dtype) and b.shape == (2, 3, 4)
    np.testing.assert_array_equal(a, b)
    b[0, 0, 0] = 1  # the caller owns the result


def test_gzip_found_by_magic_not_suffix(tmp_path):
    write_idx(tmp_path / "x.gz", np.arange(5, dtype=np.uint8))
    (tmp_path / "x.gz").rename(tmp_path / "x.idx")
    np.testing.assert_array_equal(read_idx(tmp_path / "x.idx"), np.arange(5))


def test_header_bytes_are_the_standard_ones(tmp_path):
    write_idx(tmp_path / "l.idx", np.array([5, 0, 4], dtype=np.uint8))
    raw = (tmp_path / "l.idx").read_bytes()
    assert raw == bytes([0, 0, 8, 1, 0, 0, 0, 3, 5, 0, 4])  # magic 2049, count 3


def _bad(tmp_path, data: bytes, gz: bool = False):
    path = tmp_path / ("bad.gz" if gz else "bad.idx")
    path.write_bytes(gzip.compress(data) if gz else data)
    with pytest.raises(IdxError) as err:
        read_idx(path)
    assert str(path) in str(err.value)
    return str(err.value)


GOOD = bytes([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2]) + bytes(range(8))


def test_wrong_magic(tmp_path):
    assert "not an IDX file" in _bad(tmp_path, b"PK\x03\x04" + GOOD[4:])
    assert "not an IDX file" in _bad(tmp_path, bytes([0, 0, 7, 3]) + GOOD[4:])  # no type 7
    assert "not an IDX file" in _bad(tmp_path, bytes([0, 0, 8, 0]) + GOOD[4:])  # 0 dims


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_data(tmp_path, gz):
    msg = _bad(tmp_path, GOOD[:-3], gz)
    assert "truncated" in msg and "(2, 2, 2)" in msg


def test_truncated_header(tmp_path):
    assert "truncated" in _bad(tmp_path, GOOD[:10])
    assert "truncated" in _bad(tmp_path, GOOD[:2])


@pytest.mark.parametrize("gz", [False, True])
def test_trailing_bytes(tmp_path, gz):
    assert "more data than" in _bad(tmp_path, GOOD + b"\x00", gz)


def test_corrupt_gzip(tmp_path):
    data = bytearray(gzip.compress(GOOD))
    data[-8] ^= 0xFF  # CRC
    assert "gzip" in _bad(tmp_path, bytes(data))
    assert "gzip" in _bad(tmp_path, gzip.compress(GOOD)[:-6])  # cut inside the trailer


def test_absurd_dimensions_do_not_allocate(tmp_path):
    head = bytes([0, 0, 8, 3]) + np.array([2**31, 2**31, 28], ">u4").tobytes()
    assert "too large" in _bad(tmp_path, head)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_idx(tmp_path / "nope.idx")


def _peak_bytes(fn) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_header_promising_more_than_the_file_holds_allocates_nothing(tmp_path):
    path = tmp_path / "lie.idx"  # 20 bytes on disk, 100 MB promised (under the ceiling)
    path.write_bytes(bytes([0, 0, 8, 3]) + np.array([100_000, 1000, 1], ">u4").tobytes()
                     + bytes(4))
    messages = []

    def read():
        with pytest.raises(IdxError, match="truncated: the header's dimensions") as err:
            read_idx(path)
        messages.append(str(err.value))
    assert _peak_bytes(read) < 1 << 20  # nothing near 100 MB was allocated
    assert "100,000,016 bytes, the file has 20" in messages[0]


def test_a_gzip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    n = 60 << 20  # 60 MB of zeros behind a valid header: a ~60 kB file
    path = tmp_path / "bomb-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(bytes([0, 0, 8, 3]) + np.array([n // 784, 28, 28], ">u4")
                                   .tobytes() + bytes(n), compresslevel=9))
    assert path.stat().st_size < 1 << 20

    def read():
        with pytest.raises(IdxError, match="refused unread"):
            read_idx(path)
    assert _peak_bytes(read) < 1 << 20


def test_a_gzip_trailer_that_contradicts_the_header(tmp_path):
    data = bytearray(gzip.compress(GOOD))
    data[-4:] = (len(GOOD) - 2).to_bytes(4, "little")  # the length the trailer records
    assert "corrupt or truncated gzip data" in _bad(tmp_path, bytes(data))


def test_reads_in_chunks_a_file_larger_than_one_chunk(tmp_path):
    from nndesk.data import idx

    big = np.arange(3 * idx._CHUNK // 4 * 2, dtype=np.int32).reshape(-1, 2) % 251
    write_idx(tmp_path / "big.idx", big)
    assert np.array_equal(read_idx(tmp_path / "big.idx"), big)
