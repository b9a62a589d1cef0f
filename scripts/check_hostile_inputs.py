#!/usr/bin/env python3
"""Runs the real `dashboard` command on broken and hostile Authorities folders.

Each case must end with a clear message naming the problem and a non-zero exit: no crash (no
signal, no trace), no hang (each run has a time limit), and a Site/ built earlier must stay
byte-identical. Usage: scripts/check_hostile_inputs.py [--dashboard PATH]
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MINIMAL = os.path.join(ROOT, "Tests", "PartnershipDashboardTests", "Fixtures", "Minimal")
TIME_LIMIT = 60


def minimal_folder(path):
    os.makedirs(path)
    shutil.copy(os.path.join(ROOT, "Authorities", "indicators.json"), path)
    for name in ("england.json", "testshire.json", "testshire.md"):
        shutil.copy(os.path.join(MINIMAL, name), path)


def edit_json(path, change):
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    change(data)
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2)


def write_bytes(path, data):
    with open(path, "wb") as file:
        file.write(data)


def testshire(folder):
    return os.path.join(folder, "testshire.json")


def replace(folder, old, new):
    path = testshire(folder)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    assert old in text, old
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new))


HTML = '<script>alert("x")</script>'

# name, how to break the folder, text the message must contain
CASES = [
    ("truncated JSON", lambda f: write_bytes(testshire(f), open(testshire(f), "rb").read()[:700]), "missing?"),
    ("wrong types", lambda f: edit_json(testshire(f), lambda d: d.update(name=5, indicators={})), "expected text in double quotes, found the number 5"),
    ("value as text", lambda f: replace(f, '"value": 20,', '"value": "20",'), 'write 20 without quotes'),
    ("NaN", lambda f: replace(f, '"value": 20,', '"value": NaN,'), "NaN is not a number JSON allows"),
    ("Infinity", lambda f: replace(f, '"value": 20,', '"value": Infinity,'), "Infinity is not a number JSON allows"),
    ("huge number", lambda f: replace(f, '"value": 20,', '"value": 1e999,'), "is too large to use"),
    ("negative huge number", lambda f: replace(f, '"value": 20,', '"value": -1e308,'), "a count cannot be negative"),
    ("10 MB string", lambda f: replace(f, '"region": "Nowhere"', '"region": "' + "x" * 10_000_000 + '"'), "this is probably not the right file"),
    ("deeply nested arrays", lambda f: write_bytes(testshire(f), b"[" * 200_000 + b"]" * 200_000), "nested more than 64 levels deep"),
    ("duplicate keys", lambda f: replace(f, '"region": "Nowhere",', '"region": "Nowhere",\n  "region": "Elsewhere",'), 'appears twice in one object'),
    ("byte order mark", lambda f: write_bytes(testshire(f), b"\xef\xbb\xbf" + open(testshire(f), "rb").read()), "byte order mark"),
    ("invalid UTF-8", lambda f: write_bytes(testshire(f), open(testshire(f), "rb").read().replace(b"Nowhere", b"Now\xffhere")), "is not valid UTF-8"),
    ("id with ..", lambda f: edit_json(testshire(f), lambda d: d.update(id="../../etc/passwd")), "is not an id"),
    ("id with /", lambda f: edit_json(testshire(f), lambda d: d["claims"][0].update(id="a/b")), "is not an id"),
    ("file name with ..", lambda f: shutil.copy(testshire(f), os.path.join(f, "..evil.json")), "the file name is not a valid id"),
    ("script in the name", lambda f: edit_json(testshire(f), lambda d: d.update(name=HTML)), "looks like HTML"),
    ("script in a source title", lambda f: edit_json(testshire(f), lambda d: d["sources"][0].update(title=HTML)), "looks like HTML"),
    ("script in a note", lambda f: edit_json(testshire(f), lambda d: d["indicators"][0]["observations"][0].update(note=HTML)), "looks like HTML"),
    ("script in a claim", lambda f: edit_json(testshire(f), lambda d: d["claims"][0].update(statement=HTML)), "looks like HTML"),
    ("script in a phase", lambda f: edit_json(testshire(f), lambda d: d["partnership"]["phases"][0].update(name=HTML)), "looks like HTML"),
    ("script in a URL", lambda f: edit_json(testshire(f), lambda d: d["sources"][0].update(url='https://x.org/"><script>')), "looks like HTML"),
    ("javascript URL", lambda f: edit_json(testshire(f), lambda d: d["sources"][0].update(url="javascript:alert(1)")), "is not a web address"),
    ("period 9999-99", lambda f: replace(f, '"period": "2013-14", "value": 20', '"period": "9999-99", "value": 20'), "the year 9999 is outside 1900–2100"),
    ("end before start", lambda f: replace(f, '"date": "2016-03-31"', '"date": "2001-03-31"'), "before its last phase starts"),
    ("missing narrative", lambda f: os.remove(os.path.join(f, "testshire.md")), "no narrative"),
    ("raw HTML in a narrative", lambda f: write_bytes(os.path.join(f, "testshire.md"), b"# T\n\n<script>alert(1)</script>\n"), "raw HTML"),
    ("javascript link in a narrative", lambda f: write_bytes(os.path.join(f, "testshire.md"), b"# T\n\n[x](javascript:alert(1))\n"), 'a link to "javascript:'),
    ("unknown token", lambda f: write_bytes(os.path.join(f, "testshire.md"), b"# T\n\n{{children-adoptd.change}}\n"), "unknown token {{children-adoptd.change}}"),
    ("token with no value", lambda f: write_bytes(os.path.join(f, "testshire.md"), b"# T\n\n{{ceased-care-adopted-share.change}}\n"), "has no value"),
    ("empty folder", lambda f: [os.remove(os.path.join(f, n)) for n in os.listdir(f)], "no authority files"),
    ("a file, not a folder", None, "is a file, not a folder"),
    ("a folder that cannot be read", None, "cannot be read"),
]


def digest(folder):
    hashes = {}
    for base, folders, files in os.walk(folder):
        for name in folders:
            hashes[os.path.relpath(os.path.join(base, name), folder)] = "folder"
        for name in files:
            path = os.path.join(base, name)
            if os.path.islink(path) or not os.path.isfile(path):
                hashes[os.path.relpath(path, folder)] = "not a file"
                continue
            with open(path, "rb") as file:
                hashes[os.path.relpath(path, folder)] = hashlib.sha256(file.read()).hexdigest()
    return hashes


# Paths the commands must refuse, typed from a project's own folder: (arguments, text the message must contain).
PATHS = [
    (["build", "--output", "."], "it holds Package.swift, so it is a project's folder"),
    (["build", "--output", "Authorities"], "it is the authorities folder"),
    (["build", "--output", "Authorities/site"], "it is inside the authorities folder"),
    (["build", "--output", ".."], "it holds the authorities folder"),
    (["build", "--output", "Published"], "it is the authorities folder"),
    (["build", "--output", "Documents"], "it holds files this tool did not write (letter.txt)"),
    (["build", "--output", "README.md"], "it is a file, not a folder"),
    (["build", "--output", ".git/site"], "it is inside a .git folder"),
    (["build", "--output", "/"], "it is the root of the file system"),
    (["build", "--output", ""], "--output is empty"),
    (["build", "--cache", "Documents"], "it holds files this tool did not write (letter.txt)"),
    (["build", "--cache", "Site"], "it is the output folder Site"),
    (["charts", "--output", "Documents"], "it holds files this tool did not write (letter.txt)"),
    (["synthetic", "--output", "Data", "--catalogue", "Authorities/indicators.json"], "it holds files this tool did not write"),
    (["synthetic", "--output", "Authorities", "--catalogue", "Authorities/indicators.json"], "it is the authorities folder"),
    (["synthetic", "--output", "New", "--authorities", "0", "--catalogue", "Authorities/indicators.json"], "--authorities must be 1 or more"),
    (["new", "testshire", "--name", "Testshire"], "already exists; nothing was written"),
]


def check_paths(dashboard, work):
    """Each refused path exits non-zero with its message and leaves every file in the project as it was."""
    project = os.path.join(work, "project")
    minimal_folder(os.path.join(project, "Authorities"))
    shutil.copytree(os.path.join(project, "Authorities"), os.path.join(project, "Data"))
    os.makedirs(os.path.join(project, "Documents"))
    os.makedirs(os.path.join(project, ".git"))
    for name, text in (("Package.swift", "// the project\n"), ("README.md", "# read me\n"), ("Documents/letter.txt", "Dear minister\n"),
                       (".git/HEAD", "ref: refs/heads/main\n")):
        with open(os.path.join(project, name), "w", encoding="utf-8") as file:
            file.write(text)
    os.symlink("Authorities", os.path.join(project, "Published"))
    before = digest(project)
    failures = 0
    for arguments, expected in PATHS:
        result = subprocess.run([dashboard, *arguments], cwd=project, capture_output=True, text=True, timeout=TIME_LIMIT)
        output = result.stdout + result.stderr
        problems = []
        if result.returncode == 0:
            problems.append("exit 0")
        if "NSCocoaErrorDomain" in output or "Error Domain" in output:
            problems.append("a raw system error")
        if expected not in output:
            problems.append(f"no message containing {expected!r}")
        if digest(project) != before:
            problems.append("a file in the project changed")
        if problems:
            failures += 1
            print(f"FAIL {' '.join(arguments)}: {', '.join(problems)}\n     {output.strip()[:400]}")
        else:
            print(f"ok   {' '.join(arguments)}: {output.strip().splitlines()[0][:150]}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dashboard", default=None)
    arguments = parser.parse_args()
    dashboard = arguments.dashboard or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(), "dashboard")
    dashboard = os.path.abspath(dashboard)
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        failures += check_paths(dashboard, work)
        good = os.path.join(work, "good")
        minimal_folder(good)
        site = os.path.join(work, "Site")
        subprocess.run([dashboard, "build", "--authorities", good, "--output", site], check=True, capture_output=True)
        before = digest(site)
        for index, (name, breaker, expected) in enumerate(CASES):
            folder = os.path.join(work, f"case-{index}")
            minimal_folder(folder)
            if name == "a file, not a folder":
                folder = testshire(folder)
            elif name == "a folder that cannot be read":
                if os.geteuid() == 0:
                    # root reads any folder; a path through a file is unreadable for everyone.
                    folder = os.path.join(testshire(folder), "inside")
                    expected = "there is no folder here"
                else:
                    os.chmod(folder, 0)
            else:
                breaker(folder)
            for command in (["validate"], ["build", "--output", site]):
                try:
                    result = subprocess.run([dashboard, *command, "--authorities", folder], capture_output=True, text=True, timeout=TIME_LIMIT)
                except subprocess.TimeoutExpired:
                    print(f"FAIL {name} ({command[0]}): no answer within {TIME_LIMIT} s")
                    failures += 1
                    continue
                output = result.stdout + result.stderr
                problems = []
                if result.returncode == 0:
                    problems.append("exit 0")
                if result.returncode < 0 or result.returncode >= 128 or "Fatal error" in output or "Stack dump" in output:
                    problems.append(f"crashed (exit {result.returncode})")
                if expected not in output:
                    problems.append(f"no message containing {expected!r}")
                if digest(site) != before:
                    problems.append("Site/ changed")
                if problems:
                    failures += 1
                    print(f"FAIL {name} ({command[0]}): {', '.join(problems)}\n     {output.strip()[:400]}")
                elif command[0] == "validate":
                    first = next((line for line in output.splitlines() if expected in line), "")
                    print(f"ok   {name}: {first[:150]}")
            if name == "a folder that cannot be read" and os.geteuid() != 0:
                os.chmod(folder, 0o755)
    if failures:
        print(f"\n{failures} hostile input(s) were not handled.")
        sys.exit(1)
    print(f"\nAll {len(CASES)} hostile inputs and {len(PATHS)} refused paths gave a clear message and a non-zero exit;"
          " Site/ and the project's files were untouched.")


if __name__ == "__main__":
    main()
