"""The same two texts get the same findings whatever else is in the run: alone or in a batch of other
pairs, in any order, and under any hash seed (each process draws its own PYTHONHASHSEED).

Session 14 (det14): one probe file once seemed to give three findings more on one run than on the
next; the harness (bench/RESULTS.md, "det14") found no dependency on the batch, the order, the hash
seed or the thread count in the findings. These tests keep it so.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.compare import Comparer, PairInput
from storytrace.config import Config

PAIRS = [
    # one sentence each: no aligner, the detectors alone
    ("The People's Bank of China cut the reserve ratio.", "The PBOC cut the reserve ratio."),
    ("The Korean Central News Agency reported the launch.", "North Korea's official KCNA reported the launch."),
    ("The Hong Kong Special Administrative Region government said the border would reopen.",
     "The HKSAR government said the border would reopen."),
    ("Pyongyang held a military parade on Wednesday.", "North Korea held a military parade on Wednesday."),
    ("Floods destroyed 40 houses in the village of Brenno on Sunday.", "Floods destroyed 400 houses in Brenno on Sunday."),
    # a few sentences each: aligned with the sentence encoder
    ("Japan and the European Union signed a trade deal in Tokyo on Tuesday. The deal covers trade worth "
     "$210bn a year. Prime Minister Shinzo Abe called it a historic day. Officials said tariffs on cheese "
     "would fall over 15 years.",
     "Japan and the EU signed a trade deal in Tokyo on Wednesday. The agreement covers trade worth $120bn a "
     "year. Prime Minister Taro Aso called it a historic day. Officials said tariffs on cheese would not fall."),
    ("The council met on Monday. It voted to close the old bridge for repairs until June. The mayor, Anna "
     "Berg, said 300 people had signed a petition.",
     "The council met on Monday. It voted to close the old bridge until July. Mayor Anna Berg said 30 people "
     "had signed a petition against the closure."),
]
# pairs only there to be around the others: each source against another pair's version, and reversed
AROUND = [(s, PAIRS[(i + 2) % len(PAIRS)][1]) for i, (s, _) in enumerate(PAIRS)] + [(d, s) for s, d in PAIRS]

SCRIPT = """
import json, sys
from storytrace.compare import Comparer, PairInput
from storytrace.config import Config
pairs = json.loads(sys.stdin.read())
inputs = [PairInput(str(i), s, d) for i, (s, d) in enumerate(pairs)]
out = {r.id: sorted([f.type, f.severity, f.derived_value, f.source_value, f.explanation] for f in r.findings)
       for r in Comparer(Config(quiet=True)).compare(inputs[::-1])}
print(json.dumps([out[str(i)] for i in range(len(pairs))]))
"""


def _described(result) -> list[list[str]]:
    return sorted([f.type, f.severity, f.derived_value, f.source_value, f.explanation] for f in result.findings)


@pytest.fixture(scope="module")
def alone() -> list[list[list[str]]]:
    comparer = Comparer(Config(quiet=True))
    return [_described(next(iter(comparer.compare([PairInput(str(i), s, d)])))) for i, (s, d) in enumerate(PAIRS)]


def test_the_pairs_have_findings_to_compare(alone):
    assert sum(map(len, alone)) >= 6
    assert sum(1 for found in alone if found) >= 4


def test_a_pairs_findings_are_the_same_alone_and_in_a_shuffled_batch_of_other_pairs(alone):
    comparer = Comparer(Config(quiet=True))
    mixed = [PairInput(f"around{i}", s, d) for i, (s, d) in enumerate(AROUND)]
    for i, (s, d) in enumerate(PAIRS):
        mixed.insert((5 * i) % (len(mixed) + 1), PairInput(str(i), s, d))
    found = {r.id: _described(r) for r in comparer.compare(mixed)}
    assert [found[str(i)] for i in range(len(PAIRS))] == alone


@pytest.mark.parametrize("seed", ["0", "1"])
def test_a_pairs_findings_do_not_depend_on_the_hash_seed(alone, seed):
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ, PYTHONHASHSEED=seed, OMP_NUM_THREADS="1",
               PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", SCRIPT], input=json.dumps(PAIRS), capture_output=True,
                          text=True, env=env, timeout=600, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == alone
