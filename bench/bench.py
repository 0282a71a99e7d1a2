"""`make bench`: how long a calculator page takes to its first result, next to the same Pyodide
bare (1+1 in a worker); how soon a clause page paints; how many bytes each page fetches; and that
pages without a calculator fetch nothing from /pyodide/. Figures are reported, never asserted.

Each sample opens a fresh Chromium profile (empty HTTP cache, no service worker): the first visit
is "cold", a second visit in the same profile is "warm". Results: a table, and build/bench.json.

The phone profile: the same site served compressed by the booth laptop's server (serve.py, which
sends the build's .br and .gz copies), throttled by the server to slow 4G, in a phone's viewport,
cold only. BENCH_PROFILES=desktop or =phone runs one of the two."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the browser tests' chromium and flags)
from policypress.bundle_serve import Handler as BoothHandler  # noqa: E402  (what `make dist` ships as serve.py)
from policypress.bundle_serve import Server as BoothServer  # noqa: E402
from policypress.compress import write_compressed  # noqa: E402
from policypress.runtime import pyodide_source  # noqa: E402  (the npm package: bare Pyodide's own standard library)

try:
    from playwright.sync_api import BrowserContext, Playwright, Request, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
except ImportError:
    sys.exit("bench: Playwright for Python is missing: run 'make setup'")

SITE = Path(os.environ.get("BENCH_SITE", ROOT / "build" / "site"))  # BENCH_SITE: another build of the site
REPORT = SITE.parent / "bench.json"
BARE_PAGE = ["bare-pyodide.html", "bare-pyodide-worker.mjs"]  # served at /__bench/
SAMPLES = max(1, int(os.environ.get("BENCH_SAMPLES", "5")))
PHASES = ("cold", "warm")  # a fresh profile's first visit, then a second visit in it
TIMEOUT_MS = 120_000
QUIET_SECONDS = 1.5  # the network has settled when the server saw no request for this long
CACHE_CONTROL = "max-age=600"  # as a typical static host (GitHub Pages) serves files
VIEWPORT = {"width": 1280, "height": 900}
ANSWERS = {"eligible_costs": 170000, "registered_poor": True, "date": "2018-01-01"}
EXPECTED = "97,750"  # the critical-illness payment for ANSWERS
PROFILES = os.environ.get("BENCH_PROFILES", "desktop,phone").split(",")
# The phone: slow 4G as Lighthouse and Chrome's DevTools define it (1.6 Mbit/s down, 150 ms round
# trip), applied by the server, so the worker's and the service worker's downloads are slowed too.
PHONE_SAMPLES = max(1, int(os.environ.get("BENCH_PHONE_SAMPLES", str(min(3, SAMPLES)))))
PHONE_BITS_PER_SECOND = 1.6e6
PHONE_LATENCY = 0.150  # seconds before each response
PHONE_CHUNK = 1 << 14  # bytes sent at a time: responses share the link chunk by chunk
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}

# Runs in every page before its own scripts: records the figures in window.bench.
PROBE = """
window.bench = { result: null, fcp: null, stages: {} };
new PerformanceObserver((list) => {
  for (const entry of list.getEntriesByName("first-contentful-paint")) bench.fcp = entry.startTime;
}).observe({ type: "paint", buffered: true });
new MutationObserver(() => {
  if (bench.result === null && document.querySelector(".pp-result:not([hidden])")) bench.result = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["hidden"] });
addEventListener("DOMContentLoaded", () => {
  if (window.policypress) policypress.onStage((stage) => { bench.stages[stage] ??= performance.now(); });
});
"""

# Where the calculator page's time goes: the worker's progress messages, in order.
STAGES = [
    ("runtime", "page and worker start"),
    ("calculators", "loadPyodide (+ calculators wheel)"),
    ("parameters", "  (the wheel: loaded with Pyodide)"),
    ("ready", "parameters + import"),
    ("result", "calculation + display"),
]


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    path: str
    figure: str  # the window.bench field that holds the figure (ms since navigation start)
    has_calculator: bool
    service_workers: str = "allow"  # "block": the same page without the site's offline worker


CALCULATOR = "calculators/critical-illness/#answers=" + quote(json.dumps(ANSWERS))
TARGETS = [
    Target("calculator", "calculator page: first result", CALCULATOR, "result", True),
    Target("calculator-no-sw", "  the same, service worker blocked", CALCULATOR, "result", True, "block"),
    Target("bare", "bare Pyodide in a worker: 1+1", "__bench/" + BARE_PAGE[0], "result", True),
    Target("clause", "clause page: first contentful paint", "documents/linyi-hrss-2016-12/m02-public-welfare-jobs/", "fcp", False),
    Target("home", "home page: first contentful paint", "", "fcp", False),
]
PHONE_TARGETS = [
    *(next(target for target in TARGETS if target.key == key) for key in ("calculator", "bare", "clause", "home")),
    Target("self-check", "self-check: first contentful paint", "self-check/", "fcp", False),
]


@dataclass
class Visit:
    ms: float
    stages: dict[str, float]
    bytes_loaded: int  # response bytes until the page had loaded and shown its figure
    bytes_settled: int  # ... until the network settled (includes the offline copy, if any)
    pyodide_bytes: int
    pyodide_requests: list[str] = field(default_factory=list)
    files_settled: int = 0  # the uncompressed bytes of what was sent until the network settled


# --- the server: a copy of the site plus the bare page, counting the bytes it sends ---------


class Traffic:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.sent: dict[str, int] = {}
            self.files = 0  # the files' own sizes, for what was sent compressed
            self.last = time.monotonic()

    def add(self, path: str, size: int, file_size: int | None = None) -> None:
        """`size` bytes sent for `path`; `file_size`: of the file they stand for (default: size)."""
        with self.lock:
            self.sent[path] = self.sent.get(path, 0) + size
            self.files += size if file_size is None else file_size
            self.last = time.monotonic()

    def total(self, prefix: str = "/") -> int:
        with self.lock:
            return sum(size for path, size in self.sent.items() if path.startswith(prefix))

    def settle(self) -> None:
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while time.monotonic() - self.last < QUIET_SECONDS and time.monotonic() < deadline:
            time.sleep(0.1)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    traffic: Traffic

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.traffic.add(urlsplit(self.path).path, 0)  # every request counts as activity
        super().send_response(code, message)

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:
        while chunk := source.read(1 << 16):
            outputfile.write(chunk)
            self.traffic.add(urlsplit(self.path).path, len(chunk))

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, traffic: Traffic) -> Iterator[str]:
    handler = functools.partial(type("BenchHandler", (Handler,), {"traffic": traffic}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Link:
    """One phone's downlink: bytes leave at its rate, a chunk at a time, whatever response each
    belongs to (parallel downloads share it)."""

    def __init__(self, bits_per_second: float) -> None:
        self.rate = bits_per_second / 8
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, size: int) -> None:
        with self.lock:
            self.free_at = max(self.free_at, time.monotonic()) + size / self.rate
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


class PhoneHandler(BoothHandler):
    """The booth laptop's server (compressed copies, its types and headers), throttled."""

    traffic: Traffic
    link: Link

    def send_head(self):  # GET and HEAD
        time.sleep(PHONE_LATENCY)
        return super().send_head()

    def send_response(self, code: int, message: str | None = None) -> None:
        self.traffic.add(urlsplit(self.path).path, 0, 0)
        super().send_response(code, message)

    def copyfile(self, source: BinaryIO, outputfile: BinaryIO) -> None:
        path = urlsplit(self.path).path
        if self.coding:  # a compressed copy of self.own: count the file once, the copy as sent
            self.traffic.add(path, 0, os.path.getsize(self.own))
        while chunk := source.read(PHONE_CHUNK):
            self.link.send(len(chunk))
            outputfile.write(chunk)
            self.traffic.add(path, len(chunk), 0 if self.coding else len(chunk))

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_phone(directory: Path, traffic: Traffic) -> Iterator[str]:
    attributes = {"traffic": traffic, "link": Link(PHONE_BITS_PER_SECOND)}
    handler = functools.partial(type("PhoneBenchHandler", (PhoneHandler,), attributes), directory=str(directory))
    server = BoothServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_with_bare_page(workdir: Path) -> Path:
    """A copy of build/site (a rebuild meanwhile cannot disturb the run) with /__bench/ added
    (with compressed copies, as the build makes them). Bare Pyodide is Pyodide as it comes: with
    its whole standard library (the npm package's python_stdlib.zip, in /__bench/), not the site's
    trimmed one."""
    root = workdir / "site"
    shutil.copytree(SITE, root)
    (root / "__bench").mkdir()
    for name in BARE_PAGE:
        shutil.copy(Path(__file__).with_name(name), root / "__bench" / name)
    shutil.copy(pyodide_source(ROOT) / "python_stdlib.zip", root / "__bench" / "python_stdlib.zip")
    write_compressed(root / "__bench")
    return root


# --- the browser ---------------------------------------------------------------------------


@contextmanager
def fresh_profile(playwright: Playwright, workdir: Path, target: Target, device: dict | None = None) -> Iterator[BrowserContext]:
    """Chromium with a new, empty profile: nothing cached, no service worker registered. (A
    profile on disk, not an incognito context, whose in-memory cache would not keep the 9.6 MB
    pyodide.asm.wasm and so never be warm.) `device`: viewport and the like (default: desktop)."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=workdir))
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, service_workers=target.service_workers, **(device or {"viewport": VIEWPORT})
    )
    try:
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(PROBE)
        yield context
    finally:
        context.close()
        shutil.rmtree(profile, ignore_errors=True)


def visit(context: BrowserContext, base: str, target: Target, traffic: Traffic) -> Visit:
    pyodide_requests: list[str] = []

    def watch(request: Request) -> None:
        if urlsplit(request.url).path.startswith("/pyodide/"):
            pyodide_requests.append(request.url)

    context.on("request", watch)
    page = context.new_page()
    traffic.reset()
    page.goto(base + target.path, wait_until="commit")
    page.wait_for_function(f"() => window.bench && window.bench.{target.figure} !== null")
    page.wait_for_load_state("load")
    bytes_loaded = traffic.total()
    bench = page.evaluate("window.bench")
    calculator = target.path == CALCULATOR
    if calculator and EXPECTED not in page.inner_text(".pp-result"):
        raise RuntimeError(f"the calculator showed no result: {page.inner_text('.pp-result')[:200]!r}")
    traffic.settle()
    page.close()
    context.remove_listener("request", watch)
    stages = {**bench["stages"], "result": bench["result"]} if calculator else {}
    return Visit(bench[target.figure], stages, bytes_loaded, traffic.total(), traffic.total("/pyodide/"), pyodide_requests, traffic.files)


# --- the report ----------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarise(visits: dict[str, dict[str, list[Visit]]], load_at_start: float) -> dict:
    figures = {}
    for target in TARGETS:
        figures[target.key] = {"label": target.label, "path": "/" + target.path.split("#")[0]}
        for phase, runs in visits[target.key].items():
            stages = (
                {name: median([run.stages[name] for run in runs if name in run.stages]) for name, _ in STAGES} if runs[0].stages else {}
            )
            figures[target.key][phase] = {
                "median_ms": median([run.ms for run in runs]),
                "median_stage_ms": stages,
                "median_bytes_loaded": median([run.bytes_loaded for run in runs]),
                "median_bytes_settled": median([run.bytes_settled for run in runs]),
                "samples": [asdict(run) for run in runs],
            }
    ratio = {phase: figures["calculator"][phase]["median_ms"] / figures["bare"][phase]["median_ms"] for phase in PHASES}
    without = [run for target in TARGETS if not target.has_calculator for runs in visits[target.key].values() for run in runs]
    return {
        **header(load_at_start),
        "samples": SAMPLES,
        "cache_control": CACHE_CONTROL,
        "figures": figures,
        "ratio_calculator_to_bare": ratio,
        "pyodide_bytes_without_calculator": sum(run.pyodide_bytes for run in without),
        "pyodide_requests_without_calculator": sorted({url for run in without for url in run.pyodide_requests}),
    }


def header(load_at_start: float) -> dict:
    return {
        "date": dt.date.today().isoformat(),
        "machine": {"cores": os.cpu_count(), "chromium": chromium_version(), "load_average": [load_at_start, os.getloadavg()[0]]},
    }


def seconds(ms: float) -> str:
    return f"{ms / 1000:.2f} s"


def megabytes(loaded: float, settled: float) -> str:
    return f"{loaded / 1e6:.2f} / {settled / 1e6:.2f} MB"


def table(report: dict) -> str:
    figures, rows = report["figures"], []

    def row(label: str, cold: str, warm: str) -> None:
        rows.append(f"{label:<52} {cold:>16} {warm:>16}")

    def timing(key: str, suffix: str = "") -> None:
        row(figures[key]["label"] + suffix, *(seconds(figures[key][p]["median_ms"]) for p in PHASES))

    row(f"figure (median of {report['samples']})", *PHASES)
    timing("calculator")
    timing("bare")
    row("  ratio calculator / bare (aim ≤ 1.2×)", *(f"{report['ratio_calculator_to_bare'][p]:.2f}×" for p in PHASES))
    rows.append("  where the calculator's time goes (from the worker's progress messages):")
    previous = dict.fromkeys(PHASES, 0.0)
    for name, label in STAGES:
        spans = []
        for phase in PHASES:
            at = figures["calculator"][phase]["median_stage_ms"][name]
            spans.append(seconds(at - previous[phase]))
            previous[phase] = at
        row(f"    {label}", *spans)
    timing("calculator-no-sw")
    timing("clause", " (aim < 0.5 s)")
    timing("home")
    rows.append("bytes, at load / once the network settled:")
    for target in TARGETS:
        row(
            f"  {target.key}",
            *(megabytes(figures[target.key][p]["median_bytes_loaded"], figures[target.key][p]["median_bytes_settled"]) for p in PHASES),
        )
    rows.append(f"pyodide bytes fetched by pages without a calculator: {report['pyodide_bytes_without_calculator']}")
    if report["pyodide_requests_without_calculator"]:
        rows.append(f"  requests to /pyodide/ from pages without a calculator: {report['pyodide_requests_without_calculator']}")
    return "\n".join(rows)


def summarise_phone(visits: dict[str, list[Visit]]) -> dict:
    figures = {}
    for target in PHONE_TARGETS:
        runs = visits[target.key]
        figures[target.key] = {
            "label": target.label,
            "path": "/" + target.path.split("#")[0],
            "median_ms": median([run.ms for run in runs]),
            "median_stage_ms": {name: median([run.stages[name] for run in runs]) for name, _ in STAGES} if runs[0].stages else {},
            "median_bytes_loaded": median([run.bytes_loaded for run in runs]),
            "median_bytes_settled": median([run.bytes_settled for run in runs]),
            "median_files_settled": median([run.files_settled for run in runs]),
            "median_pyodide_bytes": median([run.pyodide_bytes for run in runs]),
            "samples": [asdict(run) for run in runs],
        }
    calculator, bare = figures["calculator"], figures["bare"]
    return {
        "samples": PHONE_SAMPLES,
        "network": {"down_bits_per_second": PHONE_BITS_PER_SECOND, "latency_ms": PHONE_LATENCY * 1000, "throttled_by": "the server"},
        "server": "policypress/bundle_serve.py (serve.py of make dist): the .br copies, as Chromium asks for br on localhost",
        "device": PHONE,
        "figures": figures,
        "ratio_calculator_to_bare": {
            key: calculator[key] / bare[key] for key in ("median_ms", "median_bytes_loaded", "median_bytes_settled")
        },
    }


def phone_table(phone: dict) -> str:
    figures, rows = phone["figures"], []

    def row(label: str, *cells: str) -> None:
        rows.append(f"{label:<44}" + "".join(f"{cell:>14}" for cell in cells))

    def mb(value: float) -> str:
        return f"{value / 1e6:.2f} MB"

    network, viewport = phone["network"], phone["device"]["viewport"]
    rows.append(
        f"phone: served compressed by serve.py, throttled to {network['down_bits_per_second'] / 1e6:g} Mbit/s and "
        f"{network['latency_ms']:.0f} ms a request, {viewport['width']}×{viewport['height']}, cold, median of {phone['samples']}"
    )
    row("figure", "time", "sent by then", "until quiet", "files", "sent/files")
    for key in ("calculator", "bare", "clause", "home", "self-check"):
        figure = figures[key]
        settled, files = figure["median_bytes_settled"], figure["median_files_settled"]
        row(
            figure["label"],
            seconds(figure["median_ms"]),
            mb(figure["median_bytes_loaded"]),
            mb(settled),
            mb(files),
            f"{settled / files:.2f}",
        )
        if key == "calculator":
            previous = 0.0
            for name, label in STAGES:
                at = figure["median_stage_ms"][name]
                row(f"    {label}", seconds(at - previous))
                previous = at
        if key == "bare":
            ratio = phone["ratio_calculator_to_bare"]
            row("  ratio calculator / bare", *(f"{ratio[k]:.2f}×" for k in ("median_ms", "median_bytes_loaded", "median_bytes_settled")))
    pyodide = ", ".join(f"{key} {mb(figures[key]['median_pyodide_bytes'])}" for key in ("clause", "home", "self-check"))
    rows.append(f"of which from /pyodide/: {pyodide}")
    return "\n".join(rows)


def chromium_version() -> str:
    return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=False).stdout.strip()


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"bench: {CHROMIUM} is missing: run 'sudo apt-get install chromium' (or 'make setup' as root)", file=sys.stderr)
        return 1
    if not (SITE / "index.html").exists():
        print("bench: build/site is missing: run 'make build' first (or 'make bench')", file=sys.stderr)
        return 1
    try:
        report = run() if "desktop" in PROFILES else header(os.getloadavg()[0])
        if "phone" in PROFILES:
            report["phone"] = run_phone()
            report["machine"]["load_average"][1] = os.getloadavg()[0]
    except (PlaywrightError, RuntimeError) as error:  # a timeout (120 s) or a page that broke
        print(f"bench: failed: {error}", file=sys.stderr)
        return 1
    REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    machine = report["machine"]
    print(f"\npolicypress bench, {report['date']}, {machine['cores']} cores, {machine['chromium']}")
    start, end = machine["load_average"]
    note = ""
    if start > machine["cores"] or end > 2 * machine["cores"]:  # the bench itself keeps about 2 busy
        note = "  (the machine was busy with other work: timings are unreliable)"
    print(f"load average at start / end: {start:.1f} / {end:.1f}{note}")
    if "figures" in report:
        print(table(report))
    if "phone" in report:
        print(phone_table(report["phone"]))
    print(f"(written to {REPORT})")
    return 0


def run() -> dict:
    """All samples, interleaved (a slow moment of the machine spreads over every figure)."""
    visits = {target.key: {phase: [] for phase in PHASES} for target in TARGETS}
    load_at_start = os.getloadavg()[0]
    traffic = Traffic()
    with (
        tempfile.TemporaryDirectory(prefix="policypress-bench-") as tmp,
        serve(site_with_bare_page(Path(tmp)), traffic) as base,
        sync_playwright() as playwright,
    ):
        for sample in range(1, SAMPLES + 1):
            for target in TARGETS:
                with fresh_profile(playwright, Path(tmp), target) as context:
                    for phase in PHASES:
                        visits[target.key][phase].append(visit(context, base, target, traffic))
                cold, warm = (visits[target.key][p][-1].ms for p in PHASES)
                print(f"sample {sample}/{SAMPLES} {target.key:<17} cold {seconds(cold)}  warm {seconds(warm)}", flush=True)
    return summarise(visits, load_at_start)


def run_phone() -> dict:
    """The phone profile: each target cold in a fresh profile, the samples interleaved."""
    visits: dict[str, list[Visit]] = {target.key: [] for target in PHONE_TARGETS}
    traffic = Traffic()
    with (
        tempfile.TemporaryDirectory(prefix="policypress-bench-phone-") as tmp,
        serve_phone(site_with_bare_page(Path(tmp)), traffic) as base,
        sync_playwright() as playwright,
    ):
        for sample in range(1, PHONE_SAMPLES + 1):
            for target in PHONE_TARGETS:
                with fresh_profile(playwright, Path(tmp), target, PHONE) as context:
                    visits[target.key].append(visit(context, base, target, traffic))
                last = visits[target.key][-1]
                print(f"phone {sample}/{PHONE_SAMPLES} {target.key:<11} {seconds(last.ms)}  {last.bytes_settled / 1e6:.2f} MB", flush=True)
    return summarise_phone(visits)


if __name__ == "__main__":
    sys.exit(main())
