"""Print one closing line for all pytest suites of `make test` (they run in two virtualenvs):
`tests: N passed, M failed, K skipped`, summed from reports/junit/*.xml. Exit 1 if any failed
or if no test ran at all."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(folder: str = "reports/junit") -> int:
    total = failed = skipped = 0
    for path in sorted(Path(folder).glob("*.xml")):
        for suite in ET.parse(path).getroot().iter("testsuite"):
            total += int(suite.get("tests", 0))
            failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skipped += int(suite.get("skipped", 0))
    passed = total - failed - skipped
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
