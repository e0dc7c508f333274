#!/usr/bin/env python3
"""CSV parse floor for bench/run.py: the standard library's csv module reading every row, nothing built.

    csv_floor.py FILE
"""
import csv
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        pass
