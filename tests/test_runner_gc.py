"""Garbage-collection settings of batch runs: set inside, restored after, results unchanged."""

import gc

import pytest

from newsvoices import runner
from newsvoices.model import Article


def test_fewer_collections_sets_and_restores_thresholds():
    before = gc.get_threshold()
    assert before != runner.BATCH_GC_THRESHOLD
    with runner.fewer_collections():
        assert gc.get_threshold() == runner.BATCH_GC_THRESHOLD
    assert gc.get_threshold() == before


def test_fewer_collections_restores_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with runner.fewer_collections():
            raise RuntimeError("boom")
    assert gc.get_threshold() == before


def test_sequential_run_gives_the_same_results_with_fewer_collections(tmp_path):
    arts = [Article(id=f"a{i}", text=f'Headline {i}\n"We will act now," said Ann Lee, the minister.\n'
                    f'Critics said the plan was late. "It is {i} years too late," said Bo Roe of Fair Pay.')
            for i in range(3)]
    plain = [runner.analyze_one(a) for a in arts]
    before = gc.get_threshold()
    stream = runner._local_results(((a, None, None, None) for a in arts), workers=1, time_budget=None)
    got = []
    for _item, res, _key, _buf in stream:
        assert gc.get_threshold() == runner.BATCH_GC_THRESHOLD  # raised for the whole run
        got.append(res)
    assert gc.get_threshold() == before
    assert got == plain
