"""Content errors: one line each, `path:line: what is wrong — how to fix it`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem} — {self.fix}"


class ContentErrors(Exception):
    """Raised when content does not validate; carries every error found."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


class ErrorSink:
    """Collects errors while loading, with paths shown relative to the project root."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self.warnings: list[ContentError] = []  # worth a look, but nothing is wrong enough to stop
        # Names of things that failed to load. A reference to one of them is not reported again:
        # one mistake gives one error, not one more for every place that names the broken thing.
        self.broken: set[str] = set()

    def mark_broken(self, kind: str, name: str) -> None:
        self.broken.add(f"{kind}:{name}")

    def is_broken(self, kind: str, name: str) -> bool:
        """True for a broken name, or a name inside a broken group (parameter file, document)."""
        parts = name.split(".") if kind == "param" else [name]
        return any(f"{kind}:{'.'.join(parts[:i])}" in self.broken for i in range(1, len(parts) + 1))

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int, problem: str, fix: str) -> None:
        self.errors.append(ContentError(self.rel(path), max(line, 1), problem, fix))

    def warn(self, path: Path, line: int, problem: str, fix: str) -> None:
        self.warnings.append(ContentError(self.rel(path), max(line, 1), problem, fix))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)
