"""What every benchmark shares: the run's settings, figures, targets and timing.

Every figure is measured together with its baseline in the same run, with the two
interleaved repetition by repetition, and reported as the ratio of their medians: these
machines are noisy, and a ratio measured in one run is what can be compared between runs.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Config:
    """Settings of one run.

    Attributes:
        quick: tiny sizes and one repetition, to check that the scripts work.
        repeat: repetitions of each measurement (the median is reported).
        workdir: a scratch folder for project files (deleted after the run).
    """

    quick: bool
    repeat: int
    workdir: Path

    def size(self, full: int, quick: int) -> int:
        """``full`` in a normal run, ``quick`` in a quick one."""
        return quick if self.quick else full

    def repeats(self, most: int | None = None) -> int:
        """The repetitions to make, at most ``most`` (for measurements taking seconds)."""
        return max(1, min(self.repeat, most) if most else self.repeat)


@dataclass(frozen=True)
class Target:
    """A target set by the product owner: a ceiling on the ratio or on the value itself.

    Attributes:
        limit: the ceiling.
        on: ``"ratio"`` (Diptych / baseline) or ``"value"`` (Diptych's figure, its unit).
        inclusive: True for ``<=``, False for ``<``.
    """

    limit: float
    on: str = "ratio"
    inclusive: bool = True

    def describe(self, unit: str) -> str:
        """The target as the table shows it, e.g. ``<= 1.5x`` or ``< 16 ms``."""
        sign = "<=" if self.inclusive else "<"
        return f"{sign} {self.limit:g}x" if self.on == "ratio" else f"{sign} {self.limit:g} {unit}"

    def met(self, value: float, ratio: float) -> bool:
        """True if the figure meets the target."""
        x = ratio if self.on == "ratio" else value
        return x <= self.limit if self.inclusive else x < self.limit


@dataclass
class Figure:
    """One measured figure with its baseline.

    Attributes:
        benchmark: the benchmark's name (``--only`` takes it).
        name: what was measured, e.g. ``"open 1 MB to first paint"``.
        unit: the unit of ``samples`` and ``baseline_samples``, e.g. ``"ms"``.
        samples: Diptych's measurements.
        baseline: what the baseline is, in words.
        baseline_samples: the baseline's measurements.
        target: the product owner's target, if any.
        extra: further numbers worth keeping (rates, sizes, breakdowns).
    """

    benchmark: str
    name: str
    unit: str
    samples: list[float]
    baseline: str
    baseline_samples: list[float]
    target: Target | None = None
    extra: dict[str, float | str] = field(default_factory=dict)

    @property
    def value(self) -> float:
        """The median of Diptych's measurements."""
        return statistics.median(self.samples)

    @property
    def baseline_value(self) -> float:
        """The median of the baseline's measurements."""
        return statistics.median(self.baseline_samples)

    @property
    def ratio(self) -> float:
        """Diptych's median over the baseline's (infinite if the baseline took no time)."""
        base = self.baseline_value
        return self.value / base if base > 0 else math.inf

    @property
    def passed(self) -> bool | None:
        """Whether the target is met; None without a target."""
        return None if self.target is None else self.target.met(self.value, self.ratio)

    def to_json(self) -> dict[str, Any]:
        """The figure as plain JSON data (read back by :meth:`from_json`)."""
        data = asdict(self)
        data.update(
            target_text=self.target.describe(self.unit) if self.target else None,
            value=self.value,
            baseline_value=self.baseline_value,
            ratio=self.ratio if math.isfinite(self.ratio) else None,
            passed=self.passed,
        )
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        """A figure written by :meth:`to_json`."""
        target = Target(**data["target"]) if data.get("target") else None
        fields = ("benchmark", "name", "unit", "samples", "baseline", "baseline_samples", "extra")
        return cls(**{k: data[k] for k in fields}, target=target)


def interleave(
    subject: Callable[[], float],
    baseline: Callable[[], float],
    repeat: int,
    *,
    warmup: int = 0,
) -> tuple[list[float], list[float]]:
    """Run baseline and subject alternately; each returns one measurement.

    Alternating (rather than all of one, then all of the other) spreads the machine's
    slow moments over both, so that their ratio is steadier. ``warmup`` rounds run first
    and are not kept (first calls fill caches that every later call finds full).
    """
    for _ in range(warmup):
        baseline()
        subject()
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        theirs.append(baseline())
        ours.append(subject())
    return ours, theirs


def elapsed_ms(action: Callable[[], object]) -> float:
    """Milliseconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def format_value(value: float, unit: str) -> str:
    """A value with its unit, at a sensible precision."""
    if unit == "ms" and value < 1:
        return f"{value:.3f} ms"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}" if abs(value) >= 10 else f"{value:.2f} {unit}"


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table."""
    head = "| Benchmark | Measure | Diptych | Baseline | Ratio | Target | Result |"
    rows = [head, "|---|---|---:|---|---:|---|---|"]
    for f in figures:
        target = f.target.describe(f.unit) if f.target else "—"
        result = {None: "—", True: "pass", False: "**FAIL**"}[f.passed]
        base = f"{format_value(f.baseline_value, f.unit)} ({f.baseline})"
        rows.append(
            f"| {f.benchmark} | {f.name} | {format_value(f.value, f.unit)} | {base} "
            f"| {f.ratio:.2f}x | {target} | {result} |"
        )
    return "\n".join(rows)
