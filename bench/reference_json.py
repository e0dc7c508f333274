#!/usr/bin/env python3
"""Reference: json.load an evidence JSON file and build one record per evidence item, observation and
characterization (the equivalent of what appraise builds)."""
import json
import sys

document = json.load(open(sys.argv[1], encoding="utf-8"))
items = [(e["id"], e["practice"], e["instantiation"], e["indicator"], e["locator"].get("document"),
          e["locator"].get("section"), e["locator"].get("version"), e["locator"].get("date"), e["locator"].get("url"))
         for e in document.get("evidence") or []]
observations = [(o["type"], o["practice"], o["instantiation"], o.get("impact"), o["text"])
                for o in document.get("observations") or []]
characterizations = [(c["practice"], c["instantiation"], c["value"]) for c in document.get("characterizations") or []]
print(len(items), len(observations), len(characterizations))
