#!/usr/bin/env python3
"""Checks the machine-readable schemas against the fixtures.

Every valid fixture must pass its schema; every invalid fixture whose problem is structural must be
rejected; `semantic-*` fixtures (problems only a catalog can reveal: unknown ids, bad references) must
pass the schema, which checks structure and types only. Prints one line per file and a summary
`N passed, N failed`; exits 1 on any failure, 2 when a schema library is missing.

Needs the Python packages jsonschema and xmlschema (.ci/run installs them).
"""
import glob
import json
import os
import sys

try:
    import jsonschema
    import xmlschema
except ImportError as error:  # pragma: no cover
    print(f"check-schemas: {error}; install with: pip install jsonschema xmlschema", file=sys.stderr)
    sys.exit(2)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.chdir(ROOT)

catalog_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/catalog.schema.json")))
evidence_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/evidence.schema.json")))
xsd = xmlschema.XMLSchema("docs/schemas/evidence.xsd")
cmmi3_xsd = xmlschema.XMLSchema("docs/schemas/cmmi3-evidence.xsd")
report_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/report.schema.json")))
readiness_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/readiness.schema.json")))
trend_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/trend.schema.json")))
plan_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/plan.schema.json")))
cmmi3_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/cmmi3-evidence.schema.json")))
cmmi3_report_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/cmmi3-report.schema.json")))
practice_area_schema = jsonschema.Draft202012Validator(
    json.load(open("docs/schemas/practice-area-catalog.schema.json")))
crosswalk_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/crosswalk.schema.json")))
cross_version_schema = jsonschema.Draft202012Validator(json.load(open("docs/schemas/cross-version.schema.json")))


def check_json(validator, path):
    try:
        document = json.load(open(path, encoding="utf-8-sig"))
    except ValueError as error:
        return [f"not JSON: {error}"]
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]


def check_xml(path, schema=None):
    try:
        return [str(e.reason) for e in (schema or xsd).iter_errors(path)]
    except Exception as error:  # malformed XML, forbidden DTD, …
        return [f"not valid XML: {type(error).__name__}"]


cases = []
# Practice-area catalogs (the CMMI V3.0 structure, docs/cmmi-3.md) are named *-structure.json.
for path in sorted(glob.glob("practice-catalogs/*.json") + glob.glob("fixtures/catalogs/*.json")):
    schema = practice_area_schema if path.endswith("-structure.json") else catalog_schema
    cases.append((path, True, check_json(schema, path)))
for path in sorted(glob.glob("fixtures/invalid/catalogs/*.json")):
    cases.append((path, False, check_json(catalog_schema, path)))
valid_evidence = sorted(glob.glob("fixtures/evidence/*") + glob.glob("fixtures/company-a/*"))
invalid_evidence = sorted(glob.glob("fixtures/invalid/evidence/*"))
for path in valid_evidence + invalid_evidence:
    name = os.path.basename(path)
    if path.endswith(".json"):
        problems = check_json(evidence_schema, path)
    elif path.endswith(".xml"):
        problems = check_xml(path)
    else:
        continue  # CSV has no schema; its reader is the specification (docs/evidence-format.md).
    should_pass = path in valid_evidence or name.startswith("semantic-")
    cases.append((path, should_pass, problems))

# CMMI V3.0 evidence files (docs/cmmi-3-evidence-format.md) against their own schemas: the fixtures are
# accepted, the invalid ones rejected unless named semantic-* (problems only the catalog reveals).
valid_cmmi3 = sorted(glob.glob("fixtures/cmmi3/*"))
for path in valid_cmmi3 + sorted(glob.glob("fixtures/invalid/cmmi3/*")):
    if path.endswith(".json"):
        problems = check_json(cmmi3_schema, path)
    elif path.endswith(".xml"):
        problems = check_xml(path, cmmi3_xsd)
    else:
        continue
    cases.append((path, path in valid_cmmi3 or os.path.basename(path).startswith("semantic-"), problems))

# The JSON report golden files (written by the built binary) must match the report schema, the
# `validate --readiness` ones (readiness-*) the readiness schema, the `trend` ones (trend*) the trend
# schema, the `plan` ones (plan-*) the plan schema; the evidence files `appraise import`
# writes (import-*) must match the evidence schemas.
for path in sorted(glob.glob("Tests/AppraiseTests/Golden/*.json") + glob.glob("Tests/AppraiseTests/Golden/import-*.xml")):
    if os.path.basename(path).startswith("import-"):
        problems = check_json(evidence_schema, path) if path.endswith(".json") else check_xml(path)
    elif os.path.basename(path).startswith("readiness-"):
        problems = check_json(readiness_schema, path)
    elif os.path.basename(path).startswith("trend"):
        problems = check_json(trend_schema, path)
    elif os.path.basename(path).startswith("plan-"):
        problems = check_json(plan_schema, path)
    elif os.path.basename(path).startswith("rate-cmmi3"):
        problems = check_json(cmmi3_report_schema, path)
    else:
        problems = check_json(report_schema, path)
    cases.append((path, True, problems))
# The CMMI V3.0 report goldens (written by the library, Tests/AppraiseKitTests/CMMI3ReportTests.swift).
for path in sorted(glob.glob("Tests/AppraiseKitTests/Golden/cmmi3-*.json")):
    cases.append((path, True, check_json(cmmi3_report_schema, path)))

# Model crosswalks (docs/cmmi-3.md, "Crosswalk") and the cross-version report golden files.
for path in sorted(glob.glob("practice-catalogs/mappings/crosswalk-*.json")):
    cases.append((path, True, check_json(crosswalk_schema, path)))
for path in sorted(glob.glob("Tests/AppraiseKitTests/Golden/cross-version*.json")):
    cases.append((path, True, check_json(cross_version_schema, path)))

passed = failed = 0
for path, should_pass, problems in cases:
    ok = (not problems) if should_pass else bool(problems)
    expectation = "accepted" if should_pass else "rejected"
    if ok:
        passed += 1
        print(f"ok    {path} ({expectation})")
    else:
        failed += 1
        detail = "; ".join(problems[:3]) if problems else "the schema accepted it"
        print(f"FAIL  {path}: expected {expectation}: {detail}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
