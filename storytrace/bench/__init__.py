"""Benchmarks against public data sets; each returns a BenchResult naming its primary metric."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storytrace.errors import BenchError


@dataclass
class BenchResult:
    benchmark: str
    data: str
    n: int
    primary: str
    metrics: dict[str, float]
    backend: str
    seconds: float
    details: dict = field(default_factory=dict)  # extra tables (confusion matrix, ...) shown in text mode

    def to_json(self) -> str:
        payload = asdict(self)
        payload.pop("details")
        return json.dumps(payload)

    def to_text(self) -> str:
        lines = [f"{self.benchmark}  ({self.data}, n={self.n}, backend: {self.backend}, {self.seconds:.1f} s)"]
        for name, value in self.metrics.items():
            marker = "  <- primary" if name == self.primary else ""
            lines.append(f"  {name:28s} {value:.4f}{marker}" if isinstance(value, float) else f"  {name:28s} {value}{marker}")
        for name, value in self.details.items():
            lines.append(f"  {name}: {value}")
        return "\n".join(lines)


@contextmanager
def bench_db(db: Path | None, name: str) -> Iterator[Path]:
    """Where a benchmark builds its corpus: `db` when the user wants to keep it (it must not exist yet, so a
    figure never mixes with old articles), else a file in a temporary folder removed afterwards."""
    if db is not None:
        if Path(db).exists():
            raise BenchError(f"{db}: already exists; a benchmark builds its corpus in a new database")
        yield Path(db)
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp) / f"{name}.db"
