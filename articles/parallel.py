"""Parsing source texts in worker processes, for imports of many texts.

Parsing and tagging (articles.text) is pure Python and CPU-bound: one
process parses about a thousand texts a second, and an import of a
scraper's folder waits on it. A ParsePool parses in one process per core
while the importing process does what only it can do, the database writes,
so those keep their batches and transactions as they are.

Each worker builds its Tagger once, from the Gazetteer passed when it starts
(plain frozen records: it pickles, 90 KB for the reference data), and gets
texts in chunks: fewer, larger messages, since a text takes about a
millisecond to parse. Results come back in the order the texts went out: a
ParsedArticle, or the SourceError saying why a text is not an article.

Workers start with "forkserver" where there is one (Linux) and "spawn"
elsewhere, never "fork": a forked child would inherit the parent's open
database connections and any lock another thread held at that moment. The
fork server imports the parser once (see context()), so a worker is ready in
the time it takes to build its Tagger. Nothing here imports Django.
"""

import logging
import multiprocessing
import os
import pickle
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

from articles.text.article_fields import article_fields
from articles.text.entities import Tagger
from articles.text.parse import parse_article, parse_bytes
from articles.text.records import Gazetteer, ParsedArticle, SourceError

#: Texts sent to a worker at once: half a batch (importing.BATCH_SIZE), so
#: both workers share each batch. Each chunk costs this process a fixed
#: price (a future, a message each way, waking the threads that carry
#: them): with chunks of 10 it spent about 0.07 ms a text of the two cores'
#: time, with 25, 0.05-0.07, and the pool parsed 6 % more texts a second
#: (docs/import-benchmark.md).
CHUNK_SIZE = 25
#: Batches handed out before the first of them is taken back: the workers
#: parse these while the importing process writes the one before. More only
#: holds more texts in memory.
AHEAD = 4

#: What a text's parsing gives: its record, the error that stopped it, or
#: None when the pool could not parse it (the caller parses it itself).
Parsed = ParsedArticle | Exception | None
T = TypeVar("T")

logger = logging.getLogger(__name__)


def available_cores() -> int:
    """The cores this process may run on (fewer than os.cpu_count() in a container or under taskset)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


class RemoteTraceback(Exception):
    """A worker's traceback, shown as the cause of the error it raised (as concurrent.futures does)."""

    def __str__(self):
        return self.args[0]


# --- In the worker process ---------------------------------------------------

_tagger: Tagger | None = None
_with_fields = True


def _start(gazetteer: Gazetteer, with_fields: bool = True) -> None:
    global _tagger, _with_fields
    _tagger, _with_fields = Tagger(gazetteer), with_fields


def _parse_one(file_name: str, text: str | bytes) -> ParsedArticle | Exception:
    try:
        if isinstance(text, bytes):
            parsed = parse_bytes(text, file_name=file_name, tagger=_tagger)
        else:
            parsed = parse_article(text, file_name=file_name, tagger=_tagger)
        if _with_fields:
            article_fields(parsed)  # made here, beside the parsing, not in the process that writes
        return parsed
    except SourceError as error:
        return error
    except Exception as error:  # a bug: one text fails with it, as it would in one process
        # The traceback does not survive pickling; its text does (pickled with the error's __dict__).
        trace = traceback.format_exc()
        try:
            pickle.loads(pickle.dumps(error))
        except Exception:  # a result that cannot be unpickled would break the whole pool
            error = RuntimeError(f"{type(error).__name__}: {error}")
        error.remote_traceback = trace
        return error


def _parse_chunk(items: list[tuple[str, str | bytes]]) -> list[ParsedArticle | Exception]:
    return [_parse_one(file_name, text) for file_name, text in items]


# --- In the importing process -------------------------------------------------

def context():
    """The multiprocessing context workers start with (see the module docstring)."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Has effect only before the fork server starts (once per process): it
    # imports the parser, and each worker forked from it has it already.
    context.set_forkserver_preload([__name__])
    return context


class ParsePool:
    """Worker processes that parse and tag texts, each with its own Tagger over `gazetteer`.

    Use it as a context manager: leaving it stops the workers, also when the
    caller stops early. with_fields=False leaves the article's fields
    (article_fields) to be made on first use: the benchmark times parsing alone.
    """

    def __init__(self, gazetteer: Gazetteer, *, jobs: int, chunk_size: int = CHUNK_SIZE, ahead: int = AHEAD,
                 with_fields: bool = True):
        self.jobs, self.chunk_size, self.ahead = jobs, chunk_size, ahead
        self.broken = False
        self._executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context(), initializer=_start,
                                             initargs=(gazetteer, with_fields))

    def __enter__(self) -> "ParsePool":
        return self

    def __exit__(self, *exc_info) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def start(self) -> None:
        """Start every worker and wait until each has built its Tagger (only for timing the start)."""
        for future in [self._executor.submit(_parse_chunk, []) for _ in range(self.jobs * 2)]:
            future.result()

    def _submit(self, items: Sequence[tuple[str, str | bytes]]) -> list[Future | None]:
        futures = []
        for start in range(0, len(items), self.chunk_size):
            future = None
            if not self.broken:
                try:
                    future = self._executor.submit(_parse_chunk, list(items[start:start + self.chunk_size]))
                except BrokenProcessPool as error:
                    self._stopped(error)
            futures.append(future)
        return futures

    def _stopped(self, error: Exception) -> None:
        # A worker died (killed, out of memory) and the pool with it: an import
        # goes on, parsing in its own process, slower; said once, not per chunk.
        if not self.broken:
            logger.warning("Parsing in worker processes stopped (%r); parsing in this process instead", error)
        self.broken = True

    def _collect(self, futures: list[Future | None], count: int) -> list[Parsed]:
        results: list[Parsed] = []
        for future in futures:
            try:
                chunk = future.result() if future is not None else None
            except BrokenProcessPool as error:
                self._stopped(error)
                chunk = None
            except Exception as error:  # a chunk that could not be sent or returned: the pool goes on
                logger.warning("Parsing %s texts in a worker process failed (%r); parsing them in this process",
                               min(self.chunk_size, count - len(results)), error)
                chunk = None
            for result in chunk or [None] * min(self.chunk_size, count - len(results)):
                if isinstance(result, Exception) and (remote := getattr(result, "remote_traceback", None)):
                    result.__cause__ = RemoteTraceback(remote)
                results.append(result)
        return results

    def parse_ahead(self, batches: Iterable[list[T]], text_of: Callable[[T], tuple[str, str | bytes] | None]
                    ) -> Iterator[list[tuple[T, Parsed]]]:
        """Each batch's items with what parsing their texts gave, batch after batch in order.

        text_of(item) is (file_name, text or raw bytes), or None for an item
        that needs no parsing (its result is None). The workers run up to
        `ahead` batches in advance of the one handed back.
        """
        in_flight: deque = deque()

        def taken_back():
            batch, wanted, futures = in_flight.popleft()
            parsed = dict(zip(wanted, self._collect(futures, len(wanted)), strict=True))
            return [(item, parsed.get(index)) for index, item in enumerate(batch)]

        for batch in batches:
            texts = [text_of(item) for item in batch]
            wanted = [index for index, text in enumerate(texts) if text is not None]
            in_flight.append((batch, wanted, self._submit([texts[index] for index in wanted])))
            if len(in_flight) > self.ahead:
                yield taken_back()
        while in_flight:
            yield taken_back()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last one shorter), taken from items as they come."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
