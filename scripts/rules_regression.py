"""Same decisions before and after a change to rules_bridge that should not change any.

    .venv-api/bin/python scripts/rules_regression.py --write /tmp/before.txt   # on the old code
    .venv-api/bin/python scripts/rules_regression.py /tmp/before.txt           # on the new code

7 600 seeded inputs: the decision table, the benchmark's 1 000 histories, 5 000 generated
applications over every option, 1 500 with one field broken, a few malformed shapes. Each
gives its decision as JSON or its InputError; the second run prints how many differ and where.
"""
from __future__ import annotations

import copy
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "rules_bridge"))

from rules_bridge.benchmark import HISTORY, _varied  # noqa: E402
from test_cases import TABLE, build_input  # noqa: E402

def rnd_date(r, lo, hi):
    return lo + timedelta(days=r.randint(0, (hi - lo).days))

def gen(r):
    app = rnd_date(r, date(2022, 10, 1), date(2027, 12, 31)) if r.random() < 0.3 else date(2026, 11, 22)
    d = {"application_date": app.isoformat(), "situation": r.choice(["employed", "terminated", "self_employed", "other"])}
    c = r.random()
    if c < 0.6: d["birth_date"] = rnd_date(r, date(1955, 1, 1), date(2008, 1, 1)).isoformat()
    elif c < 0.8: d["age"] = r.randint(15, 70)
    elif c < 0.9:
        d["birth_date"] = rnd_date(r, date(1955, 1, 1), date(2008, 1, 1)).isoformat(); d["age"] = r.randint(15, 70)
    if r.random() < 0.2: d["birth_date"] = r.choice(["1961-11-22", "1961-11-23", "1960-02-29", "1964-02-29"])
    if d["situation"] == "terminated" or r.random() < 0.1:
        t = {}
        if r.random() < 0.9: t["reason"] = r.choice(["shortage_of_work", "illness", "fixed_term_ended", "own_resignation", "other", None])
        if r.random() < 0.8: t["initiated_by"] = r.choice(["employer", "employee", None])
        if r.random() < 0.6: t["last_day"] = rnd_date(r, date(2022, 6, 1), date(2027, 6, 1)).isoformat()
        if r.random() < 0.1: t["last_day"] = "2022-09-30"
        d["termination"] = t
    if r.random() < 0.8: d["special_needs_illness"] = r.choice([True, False, None])
    if d["situation"] != "self_employed" or r.random() < 0.5:
        e = {"sector": r.choice(["private", "municipality", "region", "state", "other", "unknown"]),
             "collective_agreement": r.choice(["yes", "no", "unknown"])}
        if r.random() < 0.7: e["name"] = r.choice(["Bageriet AB", "bageriet ab", "Kafé X", "  ", "Åkeri AB"])
        if r.random() < 0.8: e["worker_category"] = r.choice(["white_collar", "blue_collar"])
        if r.random() < 0.7: e["finances_registered_organisation"] = r.choice(["yes", "no", "unknown", None])
        if r.random() < 0.3: e["operates_in_sweden"] = r.choice([True, False, None])
        d["employer"] = e
    if r.random() < 0.5: d["role_exclusion"] = r.choice(["none", "ceo", "owner_third", "family_of_owner", "unknown", None])
    emps = []
    for i in range(r.choice([0, 1, 1, 2, 3, 3, 4, 6])):
        s = rnd_date(r, app - timedelta(days=1400), app + timedelta(days=30))
        m = {"start": s.isoformat()}
        if r.random() < 0.6:
            m["end"] = rnd_date(r, s, s + timedelta(days=r.choice([5, 40, 400, 900]))).isoformat()
        elif r.random() < 0.5: m["end"] = None
        if r.random() < 0.75: m["hours_per_week"] = r.choice([0, 8, 12, 15.99, 16, 20, 30, 37.5, 40, 7.3, r.uniform(0, 60)])
        if r.random() < 0.5: m["monthly_income_sek"] = r.choice([0, 10000, 17050, 17750, 18575, 19325, 20850, r.randint(0, 60000), 123.45])
        if r.random() < 0.3: m["country"] = r.choice(["SE", "NO", "de", "US", "UK", "EL", "CH"])
        if r.random() < 0.5: m["employer"] = r.choice(["Bageriet AB", "Kafé X", "Tidningsbud", None])
        if r.random() < 0.15: m["role_exclusion"] = r.choice(["none", "ceo", "unknown", None])
        emps.append(m)
    d["employments"] = emps
    if r.random() < 0.4:
        ps = []
        for i in range(r.randint(1, 3)):
            s = rnd_date(r, app - timedelta(days=1200), app)
            p = {"type": r.choice(["parental_benefit", "sickness_benefit", "military_service", "transition_study_support"]), "start": s.isoformat()}
            p["end"] = None if r.random() < 0.2 else rnd_date(r, s, s + timedelta(days=500)).isoformat()
            ps.append(p)
        d["skippable_periods"] = ps
    if r.random() < 0.25:
        d["previous_support"] = {"decision_date": rnd_date(r, app - timedelta(days=1500), app).isoformat()}
    if r.random() < 0.05: d["extra_field"] = 1
    return d

BAD = [None, [], {}, "x", {"application_date": "2026-13-01", "situation": "employed", "employments": []},
       {"application_date": "2019-01-01", "situation": "employed", "employer": {"sector": "private", "collective_agreement": "no"}, "employments": []}]

def mutate(r, d):
    d = copy.deepcopy(d)
    paths = []
    def walk(o, p):
        if isinstance(o, dict):
            for k, v in o.items(): paths.append((o, k)); walk(v, p + [k])
        elif isinstance(o, list):
            for i, v in enumerate(o): paths.append((o, i)); walk(v, p + [i])
    walk(d, [])
    if paths:
        o, k = r.choice(paths)
        o[k] = r.choice([None, "x", 1, -5, 1e9, True, [], {}, "2026-02-30", "20261122", float("nan"), 10**30, "unknown"])
    return d

def corpus():
    r = random.Random(42)
    items = [build_input(c) for c in TABLE["cases"]]
    items += [HISTORY] + _varied(1000)
    items += [gen(r) for _ in range(5000)]
    items += [mutate(r, r.choice(items)) for _ in range(1500)]
    items += BAD
    return items

def run(evaluate, InputError):
    out = []
    for d in corpus():
        try:
            out.append(json.dumps(evaluate(d), ensure_ascii=False, sort_keys=False))
        except InputError as e:
            out.append("ERR " + json.dumps(e.as_dict(), ensure_ascii=False))
        except Exception as e:
            out.append(f"EXC {type(e).__name__}: {e}")
    return out

if __name__ == "__main__":
    from rules_bridge import ENGINE, InputError, evaluate
    write = "--write" in sys.argv[1:]
    paths = [a for a in sys.argv[1:] if a != "--write"]
    if len(paths) != 1:
        sys.exit(__doc__)
    out = run(evaluate, InputError)
    target = Path(paths[0])
    if write:
        target.write_text("\n".join(out)); print("wrote", len(out), f"(engine: {ENGINE})")
    else:
        base = target.read_text().split("\n")
        diff = [i for i, (a, b) in enumerate(zip(base, out)) if a != b]
        print(f"engine: {ENGINE};", len(out), "inputs,", len(diff), "differ;", sum(o.startswith("ERR") for o in out), "errors,", sum(o.startswith("EXC") for o in out), "exceptions")
        for i in diff[:5]:
            a, b = base[i], out[i]
            k = next((j for j in range(min(len(a), len(b))) if a[j] != b[j]), min(len(a), len(b)))
            print("---", i, "at", k, "\nOLD", a[max(0, k - 300):k + 300], "\nNEW", b[max(0, k - 300):k + 300])
        sys.exit(1 if diff else 0)
