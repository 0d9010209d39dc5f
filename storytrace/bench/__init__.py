"""Benchmarks against public data sets; each returns a BenchResult naming its primary metric."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


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
