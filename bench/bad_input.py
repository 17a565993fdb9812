"""Bad input: generated files through every importer, counted.

    uv run python bench/bad_input.py [--per-importer 1000] [--seed 0]

Each importer (rosters, duty logs, 12345 cases of both channels, both questionnaires, the
ledger, the rubric, self-scores, self-reports) gets ``--per-importer`` files made by
hypothesis from real ones (tests/ingest/bad_files.py: bytes cut or flipped, cells
replaced by dates as anything, formulas, huge text, escapes; duplicate headers, empty
sheets; CSV in other encodings), then one 100,000-row roster with one bad row at its
end. Each file is imported into a copy of the same office (tests/ingest/
bad_input_office.py) and counted as accepted, refused (a UserError naming the file, the
database's content digest unchanged) or a failure (traceback, unnamed refusal, content
changed by a refusal, hang past 60 s). Failures are kept in bench/.cache/bad-input/ with
what was done to make them.
"""

from __future__ import annotations

import argparse
import collections
import platform
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.ingest.bad_files import BadFile, bad_file  # noqa: E402
from tests.ingest.bad_input_office import FAILURES, Office, build_office  # noqa: E402
from tests.ingest.many_rows import long_roster  # noqa: E402

SLOW_SECONDS = 5
KEPT = Path(__file__).resolve().parent / ".cache" / "bad-input"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-importer", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default=None, help="importers' names, comma-separated")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="orgeval-bench-bad-"))
    template, targets = build_office(folder)
    office = Office(template, folder / "office")
    counts: dict[str, collections.Counter] = {}
    slowest = (0.0, "", "")
    started = time.perf_counter()
    for name, target in targets.items():
        if args.only and name not in args.only.split(","):
            continue
        tally = counts[name] = collections.Counter()

        slowest = _run(office, target, tally, args, slowest)
        print(name, dict(tally), flush=True)

    many = long_roster(100_000, bad_row=True)
    outcome = office.attempt(targets["roster"], many)
    counts["roster, 100,000 rows"] = collections.Counter([outcome.kind])
    print("roster, 100,000 rows:", outcome.kind, f"{outcome.seconds:.1f} s", flush=True)
    if outcome.seconds > slowest[0]:
        slowest = (outcome.seconds, "roster", many.how)
    office.close()
    _report(counts, slowest, time.perf_counter() - started)


def _run(office, target, tally, args, slowest):
    """``--per-importer`` files for one importer, the same ones for the same ``--seed``."""
    worst = [slowest]

    @seed(args.seed)
    @settings(
        max_examples=args.per_importer,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(bad=bad_file(target.seeds))
    def run(bad: BadFile) -> None:
        outcome = office.attempt(target, bad)
        tally[outcome.kind] += 1
        if outcome.seconds > worst[0][0]:
            worst[0] = (outcome.seconds, target.name, bad.how)
        if outcome.seconds > SLOW_SECONDS:
            print(
                f"  slow: {outcome.seconds:.1f} s, {bad.how} ({len(bad.data):,} bytes)", flush=True
            )
        if outcome.kind in FAILURES:
            _keep(target.name, bad, outcome, sum(tally.values()))

    run()
    return worst[0]


def _keep(name: str, bad: BadFile, outcome, number: int) -> None:
    where = KEPT / f"{name.replace(':', '-')}-{number}"
    where.mkdir(parents=True, exist_ok=True)
    (where / bad.name).write_bytes(bad.data)
    (where / "what.txt").write_text(f"{outcome.kind}\n{bad.how}\n\n{outcome.message}\n")
    print(f"  {outcome.kind}: {bad.how} -> {where}", flush=True)


def _report(counts, slowest, seconds: float) -> None:
    total = collections.Counter()
    columns = ["importer", "files", "accepted", "refused", *FAILURES]
    print("\n| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, tally in counts.items():
        total.update(tally)
        print(_line(name, tally))
    print(_line("**all**", total))
    print(f"\nslowest file: {slowest[0]:.2f} s ({slowest[1]}: {slowest[2]})")
    print(f"wall time {seconds:.0f} s; {platform.python_version()}, {platform.machine()}")


def _line(name: str, tally) -> str:
    cells = [sum(tally.values()), tally["accepted"], tally["refused"]]
    cells += [tally[kind] for kind in FAILURES]
    return f"| {name} | " + " | ".join(f"{n:,}" for n in cells) + " |"


if __name__ == "__main__":
    main()
