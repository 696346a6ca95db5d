"""The action server with the case outbox worker: `python -m actions.server --actions actions`.

Same arguments as `python -m rasa_sdk`; the worker thread delivers cases that wait in the
outbox (the advisors' service was down, or the server restarted before delivering)."""
from __future__ import annotations

from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser

from actions.handoff import start_worker
from actions.reflect import warm_up


def main() -> None:
    args = create_argument_parser().parse_args()
    start_worker()
    warm_up()
    main_from_args(args)


if __name__ == "__main__":
    main()
