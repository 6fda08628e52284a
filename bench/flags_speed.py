"""CPU of the damage flags (`cleaners.flags.compute_flags`) per 5,000 characters of text, best of N passes:

    .venv/bin/python bench/flags_speed.py RECORDS.jsonl [--passes 3] [--profile]

on the DAnIEL gold texts (../shared/eval/daniel-zh-dev/reference, no references) and on the `text` and
`references` of each record of RECORDS.jsonl (e.g. `mirrorclean clean FOLDER -o RECORDS.jsonl` of the wild-2017 dev
pages named in fixtures/wild/labels.jsonl). Each text's cached model scores are dropped first, as for a new record.
To compare two trees in one run, set PYTHONPATH to each in turn (the script's own folder, not the working directory,
is first on sys.path, so PYTHONPATH wins over the editable install). --profile adds cProfile by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path

import cleaners.charlm as charlm
from cleaners.flags import compute_flags

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "daniel-zh-dev" / "reference"


def run(texts: list[tuple[str, list[str]]]) -> None:
    for text, references in texts:
        charlm.padded_logprobs.cache_clear()
        compute_flags(text, references)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    sets = {
        "daniel": [(p.read_text(encoding="utf-8"), []) for p in sorted(GOLD.glob("*.txt"))],
        "records": [(r["text"], r.get("references") or []) for r in
                    map(json.loads, Path(args.records).read_text(encoding="utf-8").splitlines())],
    }
    print(f"code: {charlm.__file__}")
    run(sets["daniel"][:5])  # warm: the model, the word tables, the regexes
    for name, texts in sets.items():
        chars = sum(len(t) for t, _ in texts)
        times = []
        for _ in range(args.passes):
            start = time.process_time()
            run(texts)
            times.append(time.process_time() - start)
        print(f"{name}: {len(texts)} texts, {chars} characters; CPU s {', '.join(f'{t:.3f}' for t in times)}; "
              f"best {min(times) / chars * 5000 * 1000:.2f} ms per 5,000 characters", flush=True)
    if args.profile:
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        run(sets["records"] + sets["daniel"])
        profile.disable()
        pstats.Stats(profile).sort_stats("cumtime").print_stats(40)


if __name__ == "__main__":
    main()
