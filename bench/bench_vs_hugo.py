#!/usr/bin/env python3
"""hawal side by side with Hugo: `bench_build.py --hugo` (same synthetic articles, same rounds).

Usage: python bench/bench_vs_hugo.py [N ...] [bench_build options]   (default N: 3000)
Hugo is skipped, with a note, where it is not installed (`apt-get install hugo`).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_build  # noqa: E402

if __name__ == "__main__":
    sys.exit(bench_build.main(["--hugo", *sys.argv[1:]]))
