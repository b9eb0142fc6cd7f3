#!/usr/bin/env python3
"""hawal: build the trilingual daily briefing site. Run `python build.py --help`."""
import sys

from hawal.cli import main

if __name__ == "__main__":
    sys.exit(main())
