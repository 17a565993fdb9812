"""A unit's figures (the unit screen's worker, `services.workspace.unit_figures`) against
the same service at a baseline revision, measured in the same run.

The baseline's source is exported with `git archive` (into bench/.cache/), and each
version builds its own database (the pilot demo, plus N extra work-log entries for
县工业和信息化局 over 2020 through that version's `bench/tui_unit_open.build`), since
their schemas may differ. Then, alternating, one fresh process per version and round:
open the database, compute the bureau's figures once (imports, first use), then
`--repeat` times; the median of each process is one sample. Reported: the median of the
samples per version, and their ratio.

    uv run python bench/unit_figures.py [--baseline REV] [--entries 0 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"

PROBE = """
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[1]) / "bench"))
import tui_unit_open as bench
from sqlalchemy import select
path, entries, repeat = Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
if not path.exists():
    bench.build(path, entries)
from orgeval_tui.models import Unit
from orgeval_tui.services.workspace import unit_figures
from orgeval_tui.storage.database import Database
database = Database.open(str(path))
with database.read() as session:
    unit_id = session.scalar(select(Unit.id).where(Unit.name == bench.BUREAU))
unit_figures(database, unit_id)
times = []
for _ in range(repeat):
    began = time.perf_counter()
    unit_figures(database, unit_id)
    times.append(time.perf_counter() - began)
print(json.dumps(statistics.median(times)))
"""


def export(revision: str) -> Path:
    sha = subprocess.check_output(["git", "rev-parse", revision], cwd=ROOT, text=True).strip()
    tree = CACHE / f"src-{sha[:12]}"
    if not tree.exists():
        archive = subprocess.check_output(["git", "archive", sha], cwd=ROOT)
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
    return tree


def sample(tree: Path, db: Path, entries: int, repeat: int, env: dict) -> float:
    out = subprocess.check_output(
        [sys.executable, "-c", PROBE, str(tree), str(db), str(entries), str(repeat)],
        env={**env, "PYTHONPATH": str(tree)},
        cwd=tree,  # `python -c` puts the working directory first on sys.path
        text=True,
    )
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="54f8366")
    parser.add_argument("--entries", type=int, nargs="+", default=[0, 100_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    versions = {"baseline": export(args.baseline), "current": ROOT}
    with tempfile.TemporaryDirectory(prefix="orgeval-unit-figures-") as tmp:
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_DATA_HOME=tmp)
        env.pop("ORGEVAL_DB", None)
        print(
            f"{platform.machine()}, Python {platform.python_version()}, {sys.platform}, "
            f"baseline {args.baseline}, {args.rounds} rounds × median of {args.repeat}"
        )
        for entries in args.entries:
            samples: dict[str, list[float]] = {name: [] for name in versions}
            for _ in range(args.rounds):
                for name, tree in versions.items():
                    db = CACHE / f"unit-figures-{name}-{tree.name}-{entries}.db"
                    samples[name].append(sample(tree, db, entries, args.repeat, env))
            base = statistics.median(samples["baseline"])
            now = statistics.median(samples["current"])
            print(
                f"  +{entries:,} entries: baseline {base * 1000:.0f} ms, "
                f"current {now * 1000:.0f} ms, current / baseline {now / base:.2f}"
            )


if __name__ == "__main__":
    main()
