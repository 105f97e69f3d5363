"""Tables of numpy columns: the tidy CSV tables of `village`, without the CSV."""

import numpy as np


class Table:
    """Named columns of equal length.

    Numeric columns are numpy arrays (read-only, shared with the simulator where they
    came from it: no copy). Text columns (metric, group, strategy, ...) are int32 codes
    into a list of categories; ``table["metric"]`` decodes them into an object array,
    ``table.codes("metric")`` and ``table.categories("metric")`` give the parts.
    """

    def __init__(self, columns, categories=None, names=None):
        self._columns = dict(columns)
        self._categories = {k: list(v) for k, v in (categories or {}).items()}
        self._names = list(names) if names is not None else list(self._columns)

    @classmethod
    def _from_core(cls, table):
        """From the dict _village.read_table and parse_table return."""
        return cls(table["columns"], table["categories"], table["names"])

    @property
    def names(self):
        """The column names, in file order."""
        return list(self._names)

    def __len__(self):
        return len(self._columns[self._names[0]]) if self._names else 0

    def __contains__(self, name):
        return name in self._columns

    def __iter__(self):
        return iter(self._names)

    def __getitem__(self, name):
        column = self._columns[name]
        if name in self._categories:
            return np.asarray(self._categories[name], dtype=object)[column]
        return column

    def is_categorical(self, name):
        return name in self._categories

    def codes(self, name):
        """A text column's int32 codes into categories(name)."""
        if name not in self._categories:
            raise KeyError(f"{name} is not a text column")
        return self._columns[name]

    def categories(self, name):
        """A text column's distinct values, in order of first appearance."""
        if name not in self._categories:
            raise KeyError(f"{name} is not a text column")
        return list(self._categories[name])

    def to_dict(self):
        """Every column as a numpy array (text columns decoded)."""
        return {name: self[name] for name in self._names}

    def to_pandas(self):
        """A pandas DataFrame; text columns become pandas Categoricals (codes shared)."""
        try:
            import pandas as pd
        except ImportError as error:  # pandas is optional
            raise ImportError("to_pandas() needs pandas: apt-get install python3-pandas") from error
        data = {}
        for name in self._names:
            column = self._columns[name]
            if name in self._categories:
                data[name] = pd.Categorical.from_codes(column, self._categories[name])
            else:
                data[name] = column
        return pd.DataFrame(data, copy=False)

    def __repr__(self):
        return f"Table({len(self)} rows: {', '.join(self._names)})"


def _column(values):
    """A list of values from SQLite as a numpy column, or (codes, categories)."""
    if all(isinstance(v, int) for v in values):
        return np.asarray(values, dtype=np.int64), None
    if all(v is None or isinstance(v, (int, float)) for v in values):
        return np.asarray([np.nan if v is None else v for v in values], dtype=np.float64), None
    categories = {}
    codes = np.fromiter((categories.setdefault("" if v is None else str(v), len(categories))
                         for v in values), dtype=np.int32, count=len(values))
    return codes, list(categories)


def read_sqlite_table(database, name):
    """A table of a village.sqlite database, in its rows' stored order; None if absent."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (name,)).fetchone() is None:
            return None
        cursor = connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    columns, categories = {}, {}
    for i, column_name in enumerate(names):
        column, column_categories = _column([row[i] for row in rows])
        columns[column_name] = column
        if column_categories is not None:
            categories[column_name] = column_categories
    return Table(columns, categories, names)
