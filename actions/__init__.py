"""The Rasa SDK action server: `rasa run actions --actions actions`.

Keep import time free of side effects: rasa-sdk imports every module here."""
