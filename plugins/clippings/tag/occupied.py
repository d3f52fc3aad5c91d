"""Which characters of a text some span already covers: overlap tests in the time of the span's
own length, so that a text with thousands of names costs no more per name than a short one."""

from __future__ import annotations

from collections.abc import Iterable


class Occupied:
    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(size + 1)
        for start, end in spans:
            self.take(start, end)

    def take(self, start: int, end: int) -> None:
        start, end = max(start, 0), min(end, len(self._mask))
        if start < end:
            self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any character of start:end is taken."""
        return 1 in self._mask[max(start, 0):max(end, 0)]
