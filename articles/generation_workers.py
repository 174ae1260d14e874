"""Generating articles in several processes, each with its own database connection.

A generated article costs the database server about three times what it
costs the process making it (the search column and the indexes), and one
connection is served by one server process: one core. Writing batches from
several processes, each on its own connection, puts the server on every
core (docs/performance.md, "Filling a database").

The calling process writes batches itself, and jobs - 1 workers beside it
take the next batch not yet taken from a shared counter, so no process
waits for another to start or to finish its share. Workers are started
with "spawn": a fresh interpreter sets Django up and connects to the
database the caller uses (under tests, the test database), never inheriting
the caller's connection as a forked child would. This module imports
nothing of Django or the models at its top, since a spawned worker imports
it before Django is set up.
"""

import dataclasses
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

_writer = None
_next = None
_batches: list[tuple[int, int]] = []


def _start(run: dict, database: dict, batches: list[tuple[int, int]], next_batch) -> None:
    global _writer, _next, _batches
    import django

    django.setup()
    from django.db import connections

    # Before the first query: the caller's database, test database included.
    connections["default"].settings_dict.update(database)

    from articles.generation import _Run, _Writer

    _writer, _next, _batches = _Writer(_Run(**run)), next_batch, batches


def _take(next_batch, count: int) -> int | None:
    """The index of the next batch no process has taken, or None when all are."""
    with next_batch.get_lock():
        index = next_batch.value
        if index >= count:
            return None
        next_batch.value = index + 1
        return index


def _write_until_done(writer, next_batch, batches, stop=lambda: False) -> int:
    quotes = 0
    while not stop() and (index := _take(next_batch, len(batches))) is not None:
        quotes += writer.batch(*batches[index])
    return quotes


def _work() -> int:
    return _write_until_done(_writer, _next, _batches)


def write_batches(run, make_writer, batches: list[tuple[int, int]], *, jobs: int) -> int:
    """Write every batch, here with make_writer() and in jobs - 1 worker processes; the number of quotes written.

    The workers are started first: they take longer to be ready than the
    writer made here, which starts on the first batches meanwhile.

    Each batch is its own transaction, as in one process: a failure stops
    the run with the error, and the batches written before it stay.
    """
    from django.db import connections

    context = multiprocessing.get_context("spawn")
    next_batch = context.Value("i", 0)
    # The run goes as a dict: unpickling a _Run would import the models before Django is set up.
    initargs = (dataclasses.asdict(run), {"NAME": connections["default"].settings_dict["NAME"]}, batches, next_batch)
    with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=context, initializer=_start,
                             initargs=initargs) as pool:
        futures = [pool.submit(_work) for _ in range(jobs - 1)]
        try:
            quotes = _write_until_done(make_writer(), next_batch, batches,
                                       stop=lambda: any(f.done() and f.exception() for f in futures))
        except BaseException:
            with next_batch.get_lock():
                next_batch.value = len(batches)  # the workers stop after the batch they are writing
            raise
        return quotes + sum(future.result() for future in futures)
