"""Engine tests run BLAS on one thread: tiny matrices gain nothing from a second thread and
lose much when other processes share the two cores."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_limits


@pytest.fixture(autouse=True)
def _one_blas_thread():
    with threadpool_limits(limits=1):
        yield
