"""What runs inside the Rasa server: the Swedish spaCy pipeline builder and custom NLU components."""
