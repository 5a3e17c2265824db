"""Engine tests run BLAS on one thread: tiny matrices gain nothing from a second thread and
lose much when other processes share the two cores. Their tiny batches are split between the
batch workers however small (`parallel.MIN_SPLIT_BYTES` = 0), so that the tests with two
workers exercise the split."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_limits

from nndesk.nn import parallel


@pytest.fixture(autouse=True)
def _one_blas_thread():
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(autouse=True)
def _split_however_small(monkeypatch):
    monkeypatch.setattr(parallel, "MIN_SPLIT_BYTES", 0)
