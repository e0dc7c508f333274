#!/usr/bin/env python3
"""JSON parse floor for bench/run.py: simdjson's parse of the whole file through pysimdjson, parse only
(no Python objects built from the document). Exit 3 when pysimdjson is not installed.

    json_floor.py FILE
"""
import sys

try:
    import simdjson
except ImportError:
    sys.exit(3)

with open(sys.argv[1], "rb") as f:
    data = f.read()
document = simdjson.Parser().parse(data)
print(type(document).__name__)
