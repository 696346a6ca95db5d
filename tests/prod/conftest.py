"""The production stack, once per test module (tests/support/prod.py)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.prod import Prod, start_prod


@pytest.fixture(scope="module")
def prod(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prod]:
    running = start_prod(tmp_path_factory.mktemp("prod"))
    try:
        yield running
    finally:
        running.stop()
