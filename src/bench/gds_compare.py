#!/usr/bin/env python3
"""Compares an audit's report.json with GDS's accessibility-tool-audit suite (tests.json).

The suite (https://github.com/alphagov/accessibility-tool-audit) has one test page per barrier
under tests/, named from its category and name in tests.json; a few tests put their barrier in a
page under example-pages/ that the test page links to (missing lang, empty title), so those pages
are audited too and their findings count for the tests that link to them.

  gds_compare.py sitemap GDS_DIR BASE_URL    prints a sitemap.xml listing every test page and
                                             every example page a test links to
  gds_compare.py pages GDS_DIR               prints the same pages, one path a line
  gds_compare.py compare GDS_DIR REPORT_JSON BASE_URL
                                             prints, for each test, what the audit found, then a
                                             table by category

For each test the audit has (a) a certain finding (a problem of one of its checks, axe's
violations among them), (b) only findings for a person to check (a check's "to check", or
axe's "incomplete"), or (c) nothing. Whether a certain finding is about the planted barrier is
for a person to judge, so every rule found is listed beside the test it was found on. Rules
found on at least half of the test pages come from what all the pages share (the suite's page
template), not from a test's barrier: they are listed once, and the second count leaves them out.

Standard library only, so that it runs wherever python3 does.
"""
import json
import os
import re
import sys
from collections import Counter, OrderedDict
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape


def file_name(category, name):
    """The test page's name, as the suite's build/generate.js getFilename makes it. JavaScript's
    String.replace with a string or a pattern without the g flag replaces the first match only,
    and the suite's file names keep that (a test name with two colons keeps the second)."""
    f = "-".join([category.lower(), name.lower()])
    f = re.sub(r"[^a-z0-9\- ]", "", f, count=1)
    f = f.replace("/", " ", 1).replace(":", "-", 1)
    f = re.sub(r"\s+", "-", f)
    f = re.sub(r"-+", "-", f)
    return "tests/" + f + ".html"


def load_tests(gds):
    with open(os.path.join(gds, "tests.json"), encoding="utf-8") as f:
        data = json.load(f, object_pairs_hook=OrderedDict)
    tests = []
    for category, by_name in data.items():
        for name, test in by_name.items():
            example = test.get("example", "") if isinstance(test, dict) else ""
            linked = sorted(set("example-pages/" + p for p in re.findall(r'href="example-pages/([^"#?]+)"', example)))
            tests.append({"category": category, "name": name, "page": file_name(category, name), "linked": linked})
    return tests


def pages(gds, tests):
    """Every page to audit: each test page, then each example page a test links to."""
    found, missing = [], []
    for t in tests:
        (found if os.path.isfile(os.path.join(gds, t["page"])) else missing).append(t["page"])
    for t in tests:
        for p in t["linked"]:
            if p not in found and os.path.isfile(os.path.join(gds, p)):
                found.append(p)
    return found, missing


def path_of(url, base):
    """The page's path in the suite: the address without the base, percent-decoded."""
    path = unquote(urlsplit(url).path)
    base_path = urlsplit(base).path
    return path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")


def findings(page):
    """(certain, to check) for one page of report.json, each a list of (source, rule, level)."""
    certain, to_check = [], []
    for check in page.get("checks") or []:
        for p in check.get("problems") or []:
            certain.append((check["check"], p["rule"], p.get("level") or ""))
        for p in check.get("toCheck") or []:
            to_check.append((check["check"], p["rule"], p.get("level") or ""))
    for rule in page.get("incomplete") or []:
        to_check.append(("axe", rule["id"], "incomplete"))
    return certain, to_check


def label(items):
    """Each rule once, as check:rule [level] (on the linked page) xN."""
    items = [tuple(x) + ("",) * (4 - len(x)) for x in items]
    counts = Counter((s, r, w) for s, r, _, w in items)
    levels = {(s, r, w): lv for s, r, lv, w in items}
    return ", ".join("%s:%s%s%s%s" % (s, r, " [" + levels[k] + "]" if levels[k] else "", " (on " + w + ")" if w else "",
                                      " x%d" % n if n > 1 else "") for k, n in sorted(counts.items()) for s, r, w in [k])


def compare(gds, report_path, base):
    tests = load_tests(gds)
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    by_path = {path_of(p["url"], base): p for p in report["pages"]}
    print("Audit: %s, axe-core %s, %s; %d pages audited, found through the %s"
          % (report.get("tool"), report.get("axe"), report.get("browser"), len(report["pages"]), report.get("method")))

    per_test = []
    for t in tests:
        certain, to_check, errors, seen = [], [], [], False
        for p in [t["page"]] + t["linked"]:
            page = by_path.get(p)
            if page is None:
                continue
            seen = True
            c, k = findings(page)
            where = "" if p == t["page"] else p
            certain += [(s, r, lv, where) for s, r, lv in c]
            to_check += [(s, r, lv, where) for s, r, lv in k]
            if page.get("error"):
                errors.append(page["error"])
            errors += [c["check"] + ": " + (c.get("error") or "") for c in page.get("checks") or [] if c.get("status") == "error"]
        per_test.append(dict(t, certain=certain, to_check=to_check, errors=errors, seen=seen))

    # Rules on at least half the test pages come from what every page shares, not from a barrier.
    # Counted on the test pages themselves; ten pages at least, or there is no telling.
    on_pages = Counter()
    for t in per_test:
        on_pages.update(set((x[0], x[1]) for x in t["certain"] + t["to_check"] if not x[3]))
    audited = sum(1 for t in per_test if t["seen"])
    common = set(k for k, n in on_pages.items() if audited >= 10 and n * 2 >= audited)
    if common:
        print("\nRules found on at least half of the %d test pages (the suite's shared page template), "
              "left out of the 'specific' counts:" % audited)
        for s, r in sorted(common):
            print("  %s:%s on %d pages" % (s, r, on_pages[(s, r)]))

    def outcome(t, skip):
        c = [x for x in t["certain"] if (x[0], x[1]) not in skip or x[3]]
        k = [x for x in t["to_check"] if (x[0], x[1]) not in skip or x[3]]
        return "certain" if c else "to check" if k else "nothing"

    print("\nPer test (certain findings; then findings for a person to check):")
    for t in per_test:
        if not t["seen"]:
            print("\n[NOT AUDITED] %s / %s (%s)" % (t["category"], t["name"], t["page"]))
            continue
        specific = outcome(t, common)
        print("\n[%s] %s / %s (%s)" % (specific.upper(), t["category"], t["name"], t["page"]))
        c = [x for x in t["certain"] if (x[0], x[1]) not in common or x[3]]
        k = [x for x in t["to_check"] if (x[0], x[1]) not in common or x[3]]
        print("  certain:  " + (label(c) or "-"))
        print("  to check: " + (label(k) or "-"))
        for e in t["errors"]:
            print("  ERROR: " + e)

    cats = OrderedDict()
    for t in per_test:
        cats.setdefault(t["category"], []).append(t)

    def row(name, ts, skip):
        n = len(ts)
        o = Counter(outcome(t, skip) for t in ts)
        return "| %s | %d | %d | %d | %d |" % (name, n, o["certain"], o["to check"], o["nothing"])

    for title, skip in (("every rule", set()), ("specific rules (shared-template rules left out)", common)):
        print("\nBy category, counting %s:" % title)
        print("| Category | Tests | Found (certain) | For a person to check | Missed |")
        print("|---|---:|---:|---:|---:|")
        for cat, ts in cats.items():
            print(row(cat, ts, skip))
        print(row("**Total**", per_test, skip))

    # What axe alone finds, beside what the audit's own checks add.
    def specific(t):
        return [x for x in t["certain"] if (x[0], x[1]) not in common or x[3]]
    axe_only = sum(1 for t in per_test if any(x[0] == "axe" for x in specific(t)))
    own = sum(1 for t in per_test if any(x[0] != "axe" for x in specific(t)))
    own_alone = sum(1 for t in per_test
                    if not any(x[0] == "axe" for x in specific(t)) and any(x[0] != "axe" for x in specific(t)))
    print("\nSpecific certain findings: axe on %d tests; the audit's own checks on %d, %d of them where axe found "
          "nothing certain." % (axe_only, own, own_alone))

    test_pages = set(t["page"] for t in tests) | set(p for t in tests for p in t["linked"])
    others = [p for p in by_path if p not in test_pages]
    if others:
        print("\nOther pages audited (not a test page, nor a page a test links to):")
        for p in others:
            c, k = findings(by_path[p])
            print("  %s\n    certain:  %s\n    to check: %s" % (p, label(c) or "-", label(k) or "-"))
    missing = [t["page"] for t in per_test if not t["seen"]]
    if missing:
        print("\n%d test pages were not audited: %s" % (len(missing), ", ".join(missing)))


def main(argv):
    if len(argv) >= 3 and argv[1] in ("sitemap", "pages"):
        tests = load_tests(argv[2])
        found, missing = pages(argv[2], tests)
        for m in missing:
            print("gds_compare: tests.json names %s, which is not in the checkout" % m, file=sys.stderr)
        if argv[1] == "pages":
            print("\n".join(found))
        else:
            base = argv[3] if len(argv) > 3 else ""
            print('<?xml version="1.0" encoding="UTF-8"?>')
            print('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
            for p in found:
                print("  <url><loc>%s</loc></url>" % escape(base + p))
            print("</urlset>")
        return 0
    if len(argv) == 5 and argv[1] == "compare":
        compare(argv[2], argv[3], argv[4])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
