# Vägvisaren. The two commands: `make run` (everything, on embedded defaults) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONDONTWRITEBYTECODE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

BOT_VENV := .venv-bot
API_VENV := .venv-api
BOT_PY := $(BOT_VENV)/bin/python
API_PY := $(API_VENV)/bin/python
RASA := $(BOT_VENV)/bin/rasa
SPACY_STAMP := .build/spacy/.installed
MODEL := models/vagvisaren.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data bot -name '*.yml' -o -name '*.py' 2>/dev/null)

.PHONY: help setup postgres prod-services chromium run run-prod test test-rules test-bot test-api test-prod test-stories validate rules-native bench-rules bench-nlu bench-api bench-load flows nlu-report nlu-noise nlu-baseline lock clean

help:
	@echo "make run    - install what is missing, train if needed, start everything: http://localhost:8000"
	@echo "make test   - every test suite (installs and trains first where needed)"
	@echo "make run-prod    - production mode on this machine: PostgreSQL, Redis, nginx, 2 Rasa + 2 action servers"
	@echo "make bench-rules - eligibility engine decisions per second"
	@echo "make bench-nlu   - /model/parse latency p50/p95 and the training time"
	@echo "make flows       - staff's scripted conversations (tests/flows/*.yml) against the product, with a report"
	@echo "make bench-load  - 50 concurrent conversations via /api/chat on production mode: turns/s, p50/p95/p99, cases"
	@echo "make bench-api   - case API p50/p95: creating a case, listing 50 of 10 000 (SQLite and PostgreSQL)"
	@echo "make nlu-report  - 5-fold cross-validation and the held-out messages: intent/entity reports, confusion matrix, macro-F1"
	@echo "make nlu-noise   - the held-out messages typed as people chat (no å/ä/ö, typing slips, capitals): how many still read right"
	@echo "make nlu-baseline - the same intent data through a plain linear classifier (tf-idf + SVM), for comparison"

# --- environments ---------------------------------------------------------------------------
$(BOT_VENV)/.installed: requirements/bot.lock
	@py=$$(scripts/find-python 3.10) || exit 1; rm -rf $(BOT_VENV); "$$py" -m venv $(BOT_VENV)
	$(BOT_PY) -m pip install --quiet -r requirements/bot.lock
	@touch $@

$(API_VENV)/.installed: requirements/api.lock
	@py=$$(scripts/find-python 3.11) || exit 1; rm -rf $(API_VENV); "$$py" -m venv $(API_VENV)
	$(API_PY) -m pip install --quiet -r requirements/api.lock
	@touch $@

# The eligibility engine compiled with mypyc from its own source (rules_bridge/native.py), about
# twice as fast. Rebuilt when a compiled module changes; the package itself ignores a build whose
# source digest no longer matches, so an edited rule always runs.
RULES_NATIVE := rules_bridge/_native/cpython-311/SOURCE_SHA256
$(RULES_NATIVE): $(API_VENV)/.installed $(addprefix rules_bridge/,engine.py model.py months.py params.py rules.py texts_sv.py work.py native.py build_native.py)
	$(API_PY) -m rules_bridge.build_native

rules-native: $(RULES_NATIVE)

# The Swedish spaCy pipeline (sv_vagvisaren), built from spaCy's language data and
# spacy-lookups-data, installed as a package into the bot environment.
$(SPACY_STAMP): $(BOT_VENV)/.installed bot/spacy_sv/build.py
	$(BOT_PY) -m bot.spacy_sv.build .build/spacy
	$(BOT_PY) -m pip install --quiet --no-deps --force-reinstall .build/spacy/dist/sv_vagvisaren-*.tar.gz
	@touch $@

# Trained only when config, domain, training data or bot/ components changed.
$(MODEL): $(TRAINING_INPUTS) $(SPACY_STAMP)
	@mkdir -p reports; start=$$(date +%s); \
	$(RASA) train --fixed-model-name vagvisaren --out models && \
	echo $$(( $$(date +%s) - start )) > reports/train_seconds.txt
	@touch $@

# PostgreSQL server binaries from Debian's packages: the API tests and benchmark start a throwaway
# server of their own (tests/support/postgres.py); nothing runs as a system service.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installing PostgreSQL from Debian's packages …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }

# Production mode on one machine (make run-prod, the fault tests, the load test): Redis for
# Rasa's lock store and nginx for sticky routing, from Debian's packages, started by us.
prod-services: postgres
	@{ command -v redis-server && command -v nginx; } >/dev/null 2>&1 || { \
	  echo "Installing Redis and nginx from Debian's packages …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends redis-server nginx-light >/dev/null; }

# Debian's Chromium for the browser tests (Playwright drives it; nothing downloads a browser).
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Chromium from Debian's packages …"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

setup: $(BOT_VENV)/.installed $(API_VENV)/.installed $(RULES_NATIVE) $(SPACY_STAMP) $(MODEL)

# --- the two commands -----------------------------------------------------------------------
run: setup
	@$(API_PY) scripts/stack.py

# Production mode on this machine: PostgreSQL, Redis, nginx, two Rasa servers, two action
# servers, the API with two workers (README, "Scaling out"). Data stays in .run-prod/.
run-prod: setup prod-services
	@$(API_PY) scripts/stack.py --prod --run-dir .run-prod

test: setup
	@rm -rf reports/junit
	$(MAKE) --no-print-directory validate test-rules test-bot test-stories test-api test-prod
	@$(API_PY) scripts/test_summary.py

# --- parts ----------------------------------------------------------------------------------
validate: $(SPACY_STAMP)
	$(RASA) data validate --fail-on-warnings

test-rules: $(RULES_NATIVE)
	$(API_PY) -m pytest tests/rules_bridge -q --junitxml=reports/junit/rules_bridge.xml

test-bot: $(SPACY_STAMP) $(API_VENV)/.installed
	$(BOT_PY) -m pytest tests/bot -q --junitxml=reports/junit/bot.xml

test-stories: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors --out reports/stories

test-api: setup postgres chromium
	$(API_PY) -m pytest tests/api tests/e2e -q --junitxml=reports/junit/api.xml

# Production mode under faults: Rasa, action server, API and PostgreSQL crash mid-conversation.
test-prod: setup prod-services
	$(API_PY) -m pytest tests/prod -q --junitxml=reports/junit/prod.xml

# With valgrind present it also counts instructions per decision: steady where seconds are not.
bench-rules: $(RULES_NATIVE)
	$(API_PY) -m rules_bridge.benchmark $(if $(shell command -v valgrind),--instructions,)
	RULES_BRIDGE_PURE=1 $(API_PY) -m rules_bridge.benchmark $(if $(shell command -v valgrind),--instructions,)

# Starts the product on free ports for the run; against a running `make run` instead:
# .venv-api/bin/python -m api.flows [files]
flows: setup
	$(API_PY) -m api.flows --start-stack

# 50 people chatting through to a case at once against production mode (scripts/bench_load.py).
bench-load: setup prod-services
	$(API_PY) scripts/bench_load.py

bench-api: $(API_VENV)/.installed postgres
	$(API_PY) scripts/bench_api.py

bench-nlu: $(MODEL)
	$(BOT_PY) scripts/bench_nlu.py

# Cross-validation on config_nlu_testing.yml (no FallbackClassifier); writes reports/nlu/.
nlu-report: $(SPACY_STAMP) $(MODEL)
	rm -rf reports/nlu reports/nlu-holdout
	$(RASA) test nlu --nlu data/nlu --config config_nlu_testing.yml --cross-validation --folds 5 --successes \
		--out reports/nlu
	$(RASA) test nlu --nlu tests/nlu/holdout.yml --model $(MODEL) --successes --out reports/nlu-holdout
	$(BOT_PY) scripts/nlu_report.py reports/nlu reports/nlu-holdout
	$(BOT_PY) scripts/nlu_noise.py $(MODEL) tests/nlu/holdout.yml

# The held-out messages without å/ä/ö, with typing slips, in capitals: reports/nlu-holdout/noise.json.
nlu-noise: $(SPACY_STAMP) $(MODEL)
	$(BOT_PY) scripts/nlu_noise.py $(MODEL) tests/nlu/holdout.yml --show 3

nlu-baseline: $(BOT_VENV)/.installed
	$(BOT_PY) scripts/nlu_baseline.py data/nlu

# Re-resolve the pinned versions from requirements/*.in (needs the registries).
lock:
	rm -rf .build/lock && mkdir -p .build/lock
	"$$(scripts/find-python 3.10)" -m venv .build/lock/bot && .build/lock/bot/bin/pip install -q -r requirements/bot.in
	(echo "# Generated from bot.in by pip freeze on Python 3.10 (make lock). Do not edit by hand."; .build/lock/bot/bin/pip freeze) > requirements/bot.lock
	"$$(scripts/find-python 3.11)" -m venv .build/lock/api && .build/lock/api/bin/pip install -q -r requirements/api.in
	(echo "# Generated from api.in by pip freeze on Python 3.11 (make lock). Do not edit by hand."; .build/lock/api/bin/pip freeze) > requirements/api.lock

clean:
	rm -rf $(BOT_VENV) $(API_VENV) .build models reports .run rules_bridge/_native
