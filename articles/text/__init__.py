"""Pure-Python text handling for Vietnamese news: no Django imports here.

Everything in this package takes strings and returns strings or plain
dataclass records, so it can be tested and benchmarked on its own and
reused by the importer, the admin and the search index alike.
"""
