"""Rate limits against flooding, with the `limits` library (moving windows).

In memory by default; with VV_RATE_LIMIT_STORAGE=redis://host:port/db several API processes
share the counts. If the storage is unreachable the request is let through and logged: a Redis
outage must not stop people from chatting."""
from __future__ import annotations

import logging
import math
import time

from limits import parse_many
from limits.storage import storage_from_string
from limits.aio.strategies import MovingWindowRateLimiter

log = logging.getLogger("vagvisaren.ratelimit")
TOO_MANY_SV = "Du skickar meddelanden väldigt tätt. Vänta {wait} och försök sedan igen."


def too_many_sv(seconds: int) -> str:
    return TOO_MANY_SV.format(wait="1 sekund" if seconds == 1 else f"{seconds} sekunder")


class RateLimits:
    def __init__(self, storage_uri: str, rules: dict[str, str]):
        # limits' async storages are named async+memory://, async+redis://
        uri = storage_uri if storage_uri.startswith("async+") else f"async+{storage_uri}"
        # redis-py's asyncio client (already installed) rather than limits' default, coredis.
        options = {"implementation": "redispy"} if "redis" in uri else {}
        self.limiter = MovingWindowRateLimiter(storage_from_string(uri, **options))
        self.rules = {kind: parse_many(spec) for kind, spec in rules.items()}

    async def retry_after(self, kind: str, key: str) -> int | None:
        """Counts one hit; seconds to wait when over any of the kind's limits, else None."""
        try:
            for item in self.rules[kind]:
                if not await self.limiter.hit(item, kind, key):
                    stats = await self.limiter.get_window_stats(item, kind, key)
                    return max(1, math.ceil(stats.reset_time - time.time()))
        except Exception:  # noqa: BLE001 - fail open, see the module docstring
            log.warning("rate limit storage unreachable; request let through", exc_info=True)
        return None
