"""Many new rows of one model at once: COPY on PostgreSQL, bulk_create elsewhere.

The generator and the importer write thousands of rows a second. On
PostgreSQL Django's bulk_create sends a batch as one array per column
(INSERT … SELECT * FROM UNNEST(…)): psycopg quotes every element of those
arrays in Python, one regular-expression call per quotation mark or
backslash (a parser report's JSON has hundreds), and builds every value
through the SQL compiler. COPY … FROM STDIN carries the same values in
PostgreSQL's copy format, escaped by psycopg's C code; about 1.3 ms less
of this process's time per imported article (docs/import-benchmark.md).

The server reads a COPY row by row as it arrives, so objects handed over
as an iterator are made while the ones before them are being inserted:
on two cores the generator builds its articles while PostgreSQL computes
the search column and indexes of the previous ones. Ids cannot come back
from a COPY: they are taken from the table's sequence first, in one query
(reserve_pks), and sent with the rows, as bulk_create sets them from
RETURNING.

Everything else is bulk_create's: the same fields and values (pre_save,
get_db_prep_save), no save() and no signals, the pks set on the objects,
errors raised as Django's (IntegrityError …) inside the caller's
transaction.
"""

from collections.abc import Iterable, Sequence
from itertools import chain

from django.db import connections, router
from django.db.models import Model

__all__ = ["bulk_insert", "insert_rows", "reserve_pks"]


def reserve_pks(model: type[Model], count: int) -> list[int] | None:
    """Primary keys for `count` new rows, in ascending order, taken now from the table's sequence.

    None where inserts return their ids (SQLite): bulk_insert sets them there.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or count < 1:
        return None
    opts = model._meta
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [connection.ops.quote_name(opts.db_table), opts.pk.column, count])
        return sorted(pk for (pk,) in cursor.fetchall())


def bulk_insert(objs: Iterable[Model], *, batch_size: int | None = None) -> list[Model]:
    """Insert these new instances of one model, as bulk_create does; returns them with their pks.

    A list may hold objects without pks. Objects from an iterator (made as
    they are sent) must have theirs already, from reserve_pks(), on
    PostgreSQL. batch_size applies where bulk_create runs (SQLite's limit
    on query parameters); a COPY takes any number of rows.
    """
    objs = iter(objs) if not isinstance(objs, Sequence) else objs
    first = next(iter(objs), None)
    if first is None:
        return []
    if not isinstance(objs, Sequence):
        objs = chain([first], objs)
    model = type(first)
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql":
        return model._default_manager.using(using).bulk_create(list(objs), batch_size=batch_size)
    if isinstance(objs, Sequence):
        new = [obj for obj in objs if obj.pk is None]
        for obj, pk in zip(new, reserve_pks(model, len(new)) or [], strict=True):
            obj.pk = pk
    fields = [field for field in model._meta.concrete_fields if not field.generated]
    sql = _copy_statement(connection, model, fields)
    inserted = []
    with connection.cursor() as cursor, connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for obj in objs:
            if obj.pk is None:
                raise ValueError(f"{model.__name__} made while sent needs its pk first: see reserve_pks()")
            # As bulk_create: a foreign key given as an object saved since gets its
            # id; an unsaved one is an error.
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            copy.write_row([field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields])
            inserted.append(obj)
    for obj in inserted:
        obj._state.adding = False
        obj._state.db = using
    return inserted


def insert_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert rows given as plain values of these fields, in order: no instances are made.

    For many small rows of simple values, such as the links between
    articles and their tags (two ids a row, ten rows an article): making
    a model instance for each and preparing its every field costs more
    than the COPY itself. The values must be what the database stores
    (ids for foreign keys, as their attname). Elsewhere than PostgreSQL,
    instances are made and go through bulk_create.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        bulk_insert([model(**dict(zip(fields, row, strict=True))) for row in rows])
        return
    sql = _copy_statement(connection, model, [model._meta.get_field(name) for name in fields])
    with connection.cursor() as cursor, connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _copy_statement(connection, model: type[Model], fields) -> str:
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    return f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
