"""The reports as a person sees them: rendered by headless Chromium with the network off.

For every HTML report: the page loads offline (no request leaves for another
host), every figure decodes and is visible on the page, the screenshot is not
blank, and the annotated article shows highlighted quotes in the rendered DOM.
Skipped, with a message, where Chromium is absent (``.ci/run`` installs Debian's).
Screenshots are kept in ``$NEWSVOICES_SCREENSHOTS`` when that is set.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest

from _reports import seed_reports
from newsvoices.report import report_notebooks

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WIDTH, HEIGHT = 1280, 9000
# Off-line: no proxy that works, no name resolves, no background traffic.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

# Appended to a copy of a page: after load, write what the browser made of it into the DOM.
PROBE = """
<script>
window.addEventListener('load', function () {
  var imgs = Array.prototype.map.call(document.images, function (im) {
    var r = im.getBoundingClientRect(), cs = getComputedStyle(im);
    return {src: im.currentSrc.slice(0, 22), complete: im.complete, nw: im.naturalWidth, nh: im.naturalHeight,
            x: r.left + window.scrollX, y: r.top + window.scrollY,
            w: r.width, h: r.height, display: cs.display, visibility: cs.visibility, opacity: cs.opacity};
  });
  var marks = Array.prototype.map.call(document.querySelectorAll('mark.nv-direct, mark.nv-indirect'), function (m) {
    var r = m.getBoundingClientRect();
    return {bg: getComputedStyle(m).backgroundColor, w: r.width, h: r.height, voice: m.dataset.voice || ''};
  });
  var res = performance.getEntriesByType('resource').map(function (e) { return e.name; });
  var out = document.createElement('pre');
  out.id = 'nv-probe';
  out.textContent = JSON.stringify({images: imgs, marks: marks, resources: res, title: document.title,
                                    height: Math.max.apply(null, Array.prototype.map.call(
                                      document.querySelectorAll('html, body, main, .jp-Notebook'),
                                      function (e) { return e.scrollHeight; }))});
  document.body.appendChild(out);
});
</script>
"""


def chromium() -> str:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (apt-get install -y chromium; .ci/run does it): browser tests skipped")


def run_chromium(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile and the network blocked."""
    exe = chromium()
    with tempfile.TemporaryDirectory(prefix="nv-chromium-") as profile:
        proc = subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)
    return proc


def probe(html_path: Path, tmp_path: Path) -> dict:
    """Load a copy of the page with the probe script; return what the browser reported."""
    page = html_path.read_text(encoding="utf-8")
    assert "</body>" in page
    copy = tmp_path / f"probe-{html_path.name}"
    copy.write_text(page.replace("</body>", PROBE + "</body>", 1), encoding="utf-8")
    proc = run_chromium(f"--window-size={WIDTH},1000", "--virtual-time-budget=5000", "--dump-dom", copy.as_uri())
    m = re.search(r'<pre id="nv-probe">(.*?)</pre>', proc.stdout, re.S)
    assert m, f"the page did not finish loading in Chromium: {proc.stderr[-800:]}"
    import html as _html

    seen = json.loads(_html.unescape(m.group(1)))
    seen["dom"] = proc.stdout[: m.start()]  # the rendered DOM, without the probe's report
    return seen


_RENDERED: dict[str, dict] = {}


def rendered(name: str, tmp_path_factory) -> dict:
    """Probe and screenshot one built report, once per session."""
    if name not in _RENDERED:
        path = seed_reports() / name
        if not path.is_file():
            pytest.skip(f"{name} is not among the built reports ({reports()})")
        tmp = tmp_path_factory.mktemp("browser")
        seen = probe(path, tmp)
        height = int(min(max(seen["height"], 600), HEIGHT))
        seen["shot"] = screenshot(path, tmp / f"{path.stem}.png", height=height)
        _RENDERED[name] = seen
    return _RENDERED[name]


def screenshot(html_path: Path, png: Path, width: int = WIDTH, height: int = HEIGHT) -> np.ndarray:
    """Screenshot of the page (the unmodified report) as an RGB float array."""
    import matplotlib.image as mpimg

    proc = run_chromium(f"--window-size={width},{height}", f"--screenshot={png}", html_path.as_uri())
    assert png.is_file(), f"no screenshot: {proc.stderr[-800:]}"
    keep = os.environ.get("NEWSVOICES_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)
    return mpimg.imread(png)[..., :3]


def figure_problems(seen: dict, shot: np.ndarray) -> list[str]:
    """Figures that do not show: off the screenshot, blank or one flat colour where the page lays them out."""
    problems = []
    for i, im in enumerate(seen["images"]):
        x, y, w, h = (int(round(im[k])) for k in ("x", "y", "w", "h"))
        if y + h > shot.shape[0] and shot.shape[0] >= HEIGHT:
            continue  # below a very long page's screenshot
        crop = shot[y:y + h, x:x + w]
        if crop.shape[0] < 50 or crop.shape[1] < 100:
            problems.append(f"figure {i} is off the screenshot")
            continue
        ink = (crop.min(axis=2) < 0.6).mean()
        colours = len(np.unique((crop * 8).astype(int).reshape(-1, 3), axis=0))
        if ink < 0.005 or colours <= 3:
            problems.append(f"figure {i} shows blank ({ink:.2%} ink, {colours} colours)")
    return problems


def reports() -> list[str]:
    return sorted(p.name for p in seed_reports().glob("*.html"))


def test_the_network_really_is_off(tmp_path):
    """Control: under these flags a page cannot fetch anything from another host."""
    page = tmp_path / "external.html"
    page.write_text('<html><body><img id="x" src="https://example.com/logo.png" width="50" height="50">'
                    "<p>offline</p></body></html>", encoding="utf-8")
    seen = probe(page, tmp_path)
    assert seen["images"] and seen["images"][0]["nw"] == 0, "an external image must not load"


def test_a_blank_figure_is_caught(tmp_path):
    """Control: the figure check fails for an embedded image that decodes but shows nothing."""
    import base64
    import io

    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(6, 3))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode()
    page = tmp_path / "blank.html"
    page.write_text(f'<html><body><h1>A report</h1><p>text</p><img src="data:image/png;base64,{data}"></body></html>')
    seen = probe(page, tmp_path)
    assert seen["images"][0]["nw"] > 100, "it decodes"
    shot = screenshot(page, tmp_path / "blank.png", height=800)
    assert figure_problems(seen, shot) and "blank" in figure_problems(seen, shot)[0]


@pytest.mark.parametrize("name", ["report.html"] + [f"{n}.html" for n in report_notebooks()])
def test_report_renders_offline_with_every_figure_visible(name, tmp_path_factory):
    path = seed_reports() / name
    seen = rendered(name, tmp_path_factory)
    external = [u for u in seen["resources"] if not u.startswith(("data:", "file:", "blob:"))]
    assert external == [], f"{name} requested resources from other hosts: {external[:3]}"
    n_embedded = path.read_text(encoding="utf-8").count('src="data:image/png;base64,')
    assert len(seen["images"]) == n_embedded, "every embedded figure is in the rendered page"
    for im in seen["images"]:
        assert im["complete"] and im["nw"] > 100 and im["nh"] > 50, f"{name}: an image did not decode: {im}"
        assert im["w"] > 100 and im["h"] > 50, f"{name}: an image is not laid out visibly: {im}"
        assert im["display"] != "none" and im["visibility"] == "visible" and float(im["opacity"]) > 0.5
    shot = seen["shot"]
    ink = shot.min(axis=2) < 0.85
    assert ink.sum() > 3000 and ink.any(axis=1).sum() > 50, \
        f"{name}: the screenshot is (nearly) blank ({ink.sum()} dark pixels in {ink.any(axis=1).sum()} rows)"
    assert figure_problems(seen, shot) == [], name


@pytest.mark.parametrize("name", ["report.html", "02_quotes_and_speakers.html", "06_explore.html"])
def test_annotated_article_shows_highlighted_quotes(name, tmp_path_factory, seed_result):
    seen = rendered(name, tmp_path_factory)
    dom = seen["dom"]
    pattern = r"<mark\b[^>]*>" if name == "02_quotes_and_speakers.html" else r'<mark class="nv-q nv-(?:direct|indirect)"'
    marks = re.findall(pattern, dom)
    assert len(marks) >= len(seed_result.quotes) > 0, f"{name}: highlighted quotes missing from the rendered DOM"
    if name != "02_quotes_and_speakers.html":  # the annotated articles: tags beside quotes and a colour key
        assert dom.count('class="nv-tag"') >= len(seed_result.quotes)
        assert "Colour key:" in dom
        highlighted = [m for m in seen["marks"] if m["w"] > 0 and m["h"] > 0
                       and m["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")]
        assert len(highlighted) >= len(seed_result.quotes), "every quote is visibly highlighted"


def test_report_prints_to_pdf(tmp_path):
    pdf = tmp_path / "report.pdf"
    run_chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", (seed_reports() / "report.html").as_uri())
    data = pdf.read_bytes() if pdf.is_file() else b""
    assert data.startswith(b"%PDF"), "printing the report produced no PDF"
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 2, f"the printed report has {pages} page(s)"
