#!/usr/bin/env python3
"""Stops the real `dashboard` command part-way, as Ctrl-C, SIGTERM and a crash (SIGKILL) would.

After Ctrl-C or SIGTERM the command must exit 130 or 143 with a message, leave the site exactly as
it was (or, if the build had already finished, exactly what the data builds) and leave nothing
behind; after SIGKILL the next build must remove what the killed one left and succeed. The same
for `synthetic` and `bench`. Usage: scripts/check_interruptions.py [--dashboard PATH]
"""

import argparse
import glob
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join(ROOT, "Authorities", "indicators.json")


def digest(folder):
    """Every entry under a folder: files by SHA-256, anything else by kind."""
    found = {}
    for base, folders, files in os.walk(folder):
        for name in folders:
            found[os.path.relpath(os.path.join(base, name), folder)] = "folder"
        for name in files:
            path = os.path.join(base, name)
            if os.path.islink(path):
                found[os.path.relpath(path, folder)] = "link"
                continue
            with open(path, "rb") as file:
                found[os.path.relpath(path, folder)] = hashlib.sha256(file.read()).hexdigest()
    return found


def leftovers(work):
    return sorted(name for name in os.listdir(work) if ".staging-" in name or ".previous-" in name)


def run(dashboard, *arguments):
    return subprocess.run([dashboard, *arguments], capture_output=True, text=True, timeout=600)


def stop_after(dashboard, arguments, seconds, which):
    process = subprocess.Popen([dashboard, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(seconds)
    process.send_signal(which)
    output, errors = process.communicate(timeout=120)
    return process.returncode, output + errors


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dashboard", default=None)
    arguments = parser.parse_args()
    dashboard = arguments.dashboard or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(),
        "dashboard")
    failures = []

    def expect(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as work:
        nation = os.path.join(work, "nation")
        site = os.path.join(work, "Site")
        made = run(dashboard, "synthetic", "--output", nation, "--authorities", "40", "--catalogue", CATALOGUE)
        expect(made.returncode == 0, f"synthetic writes a nation to interrupt builds of ({made.stderr.strip()[:200]})")
        built = run(dashboard, "build", "--authorities", nation, "--output", site)
        expect(built.returncode == 0, f"a first build ({built.stderr.strip()[:200]})")
        for which, code, name in ((signal.SIGINT, 130, "Ctrl-C"), (signal.SIGTERM, 143, "SIGTERM")):
            for delay in (0.3, 1.0, 2.0):
                before = digest(site)
                # A changed figure, so the build has work to do; the cache is cleared so it has plenty.
                with open(os.path.join(nation, "synthetic-001.md"), "a", encoding="utf-8") as file:
                    file.write(f"\nA change before {name} at {delay} s.\n")
                subprocess.run(["rm", "-rf", os.path.join(work, ".dashboard-cache")], check=True)
                returncode, output = stop_after(dashboard, ["build", "--authorities", nation, "--output", site], delay, which)
                if returncode == 0:
                    check = run(dashboard, "build", "--check", "--authorities", nation, "--output", site)
                    expect(check.returncode == 0, f"{name} after {delay} s came after the build finished, and Site is what the data builds")
                else:
                    expect(returncode == code, f"{name} after {delay} s exits {code} (got {returncode})")
                    expect("what it was writing was removed" in output, f"{name} after {delay} s says what it did")
                    expect(digest(site) == before, f"{name} after {delay} s leaves Site exactly as it was")
                expect(leftovers(work) == [], f"{name} after {delay} s leaves no staging folder ({leftovers(work)})")

        # A crash leaves the staging folder; the next build removes it and succeeds.
        with open(os.path.join(nation, "synthetic-002.md"), "a", encoding="utf-8") as file:
            file.write("\nA change before the kill.\n")
        subprocess.run(["rm", "-rf", os.path.join(work, ".dashboard-cache")], check=True)
        before = digest(site)
        returncode, _ = stop_after(dashboard, ["build", "--authorities", nation, "--output", site], 1.0, signal.SIGKILL)
        if returncode == -signal.SIGKILL:
            expect(digest(site) == before, "SIGKILL leaves Site exactly as it was")
        rebuilt = run(dashboard, "build", "--authorities", nation, "--output", site)
        expect(rebuilt.returncode == 0, "the build after SIGKILL succeeds")
        expect(leftovers(work) == [], f"the build after SIGKILL removed what the killed one left ({leftovers(work)})")
        check = run(dashboard, "build", "--check", "--authorities", nation, "--output", site)
        expect(check.returncode == 0, "and Site is then exactly what the data builds")

        # synthetic: interrupted, its output is absent or whole, and nothing is left beside it.
        other = os.path.join(work, "other")
        returncode, _ = stop_after(dashboard, ["synthetic", "--output", other, "--authorities", "150", "--catalogue", CATALOGUE], 0.2,
                                   signal.SIGINT)
        whole = os.path.isdir(other) and len(glob.glob(os.path.join(other, "synthetic-*.json"))) == 150
        # A signal that lands while the program is still being loaded, before any of its code runs,
        # ends it the system's way (-2): acceptable only because nothing can have been written yet.
        started = returncode in (0, 130) or (returncode == -signal.SIGINT and not os.path.exists(other))
        expect(started and (not os.path.exists(other) or whole),
               f"synthetic stopped by Ctrl-C leaves no folder or a whole one (exit {returncode})")
        expect(leftovers(work) == [], "synthetic stopped by Ctrl-C leaves no staging folder")

        # bench: interrupted, its temporary folder is removed.
        temporary = tempfile.gettempdir()
        existing = set(glob.glob(os.path.join(temporary, "dashboard-bench-*")))
        returncode, output = stop_after(dashboard, ["bench", "--authorities", "20", "--catalogue", CATALOGUE], 1.5, signal.SIGINT)
        time.sleep(0.5)
        left = set(glob.glob(os.path.join(temporary, "dashboard-bench-*"))) - existing
        expect(returncode == 130, f"bench stopped by Ctrl-C exits 130 (got {returncode})")
        expect(not left, f"bench stopped by Ctrl-C removes its temporary folder ({sorted(left)})")

    if failures:
        print(f"\n{len(failures)} interruption check(s) failed.")
        sys.exit(1)
    print("\nEvery interruption left what was there before, and nothing behind.")


if __name__ == "__main__":
    main()
