"""Staff's scripted conversations: a YAML format (model.py), a runner against the running bot
(runner.py), and the command line `python -m api.flows` (make flows)."""
