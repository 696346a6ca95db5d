import sys
from pathlib import Path

# The repository root holds the packages (rules_bridge, api, actions, bot).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
