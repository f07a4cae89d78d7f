"""``cdss --selftest``: prove that this build (frozen or source) works end to end, without a screen.

Run on a freshly built installer bundle it catches what a packaging mistake breaks first: a missing Alembic
migration, knowledge pack, jieba dictionary, CJK font, .qm translation or Qt plugin. Each step runs against a
temporary workspace that is deleted afterwards; nothing in the user's own workspace or settings is touched. The
output names every step with its time and what it found; the exit code is 0 only when all steps passed, otherwise 1,
and the last line names the failed steps (a crashed step also prints its traceback).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

#: A clearly synthetic record (not a real publication) used to check literature import and bilingual search.
#: 糖尿病肾病 is indexed with its dictionary sub-word 糖尿病, so finding it by 糖尿病 proves jieba and its
#: dictionary were bundled.
SAMPLE_RIS = "\n".join((
    "TY  - JOUR",
    "TI  - CDSS Desk self-test record (synthetic, not a publication)",
    "AU  - Selftest, CDSS Desk",
    "PY  - 2024",
    "JO  - CDSS Desk self-test",
    "AB  - Synthetic record written by the CDSS Desk self-test to check literature import and full-text search. "
    "中文检索测试：糖尿病肾病。",
    "KW  - selftest",
    "ER  -",
    "",
))

#: Warfarin with fluconazole is a shipped interaction rule (data/drugs/interactions.json, CYP2C9 inhibition) rated
#: major; the check passes when the pack rates the pair major or contraindicated.
INTERACTING_PAIR = ("warfarin", "fluconazole")
SERIOUS_SEVERITIES = ("major", "contraindicated")


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


class SelftestContext:
    """What the steps share: the temporary folder and the workspace opened in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.workspace_root = root / "workspace"
        self.workspace = None  # set by the first step

    def open_workspace(self):
        from cdss.workspace import Workspace

        if self.workspace is None:
            self.workspace = Workspace.open(self.workspace_root)
        return self.workspace


class SelftestFailure(Exception):
    """A step ran but its result was wrong; the message says what was expected."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SelftestFailure(message)


def step_workspace(ctx: SelftestContext) -> str:
    from cdss.db.migrate import HEAD_REVISION, current_revision

    workspace = ctx.open_workspace()
    revision = current_revision(workspace.db_path)
    _require(revision == HEAD_REVISION, f"database at revision {revision}, expected {HEAD_REVISION}")
    return f"created and migrated to {revision}"


def step_interaction(ctx: SelftestContext) -> str:
    from cdss.drugs.catalog import Catalog
    from cdss.drugs.checker import check_names
    from cdss.drugs.search import DrugSearch

    catalog = Catalog.default()
    result = check_names(list(INTERACTING_PAIR), None, catalog, DrugSearch(catalog))
    _require(not result.unresolved, f"names not found in the drug pack: {[u.query for u in result.unresolved]}")
    pair = set(INTERACTING_PAIR)
    serious = [a for a in result.alerts if a.kind == "interaction" and set(a.drugs) == pair
               and a.severity in SERIOUS_SEVERITIES]
    _require(bool(serious), f"no major/contraindicated interaction alert for {' + '.join(INTERACTING_PAIR)} "
                            f"(got {[(a.kind, a.severity) for a in result.alerts]})")
    zh_hits = DrugSearch(catalog).search("华法林", limit=1)
    _require(bool(zh_hits) and zh_hits[0].id == "warfarin", "Chinese name search did not find warfarin")
    return f"{' + '.join(INTERACTING_PAIR)}: {serious[0].severity} ({serious[0].rule_id}); 华法林 → warfarin"


def step_literature(ctx: SelftestContext) -> str:
    from cdss.literature.library import LiteratureLibrary
    from cdss.literature.search import search

    sample = ctx.root / "selftest-sample.ris"
    sample.write_text(SAMPLE_RIS, encoding="utf-8")
    library = LiteratureLibrary.for_workspace(ctx.open_workspace())
    summary = library.import_paths([sample])
    _require(summary.added == 1, f"sample import added {summary.added} records "
                                 f"(rejected: {[r.message for r in summary.rejected]})")
    index = library.index()
    found = {}
    for query in ("synthetic", "糖尿病"):
        hits = search(index, query, limit=5, facets=False, snippets=False, suggest=False).hits
        _require(any("self-test" in hit.title for hit in hits), f"search for {query!r} did not find the sample")
        found[query] = len(hits)
    return "imported 1 synthetic record; found by " + ", ".join(repr(q) for q in found)


def step_pdf(ctx: SelftestContext) -> str:
    from cdss.records.attachments import AttachmentStore
    from cdss.records.pdf_fonts import find_cjk_font
    from cdss.records.pdf_report import export_case_pdf
    from cdss.records.service import RecordsService
    from cdss.records.types import stored_id

    workspace = ctx.open_workspace()
    service = RecordsService(workspace)
    patient = service.patients.create("自检患者 Selftest Patient (synthetic)")
    case = service.cases.create(stored_id(patient), "自检病例 Self-test case", opened_on=dt.date(2024, 1, 2))
    service.cases.add_entry(stored_id(case), "progress", "自检记录：中文文本导出测试。Self-test note (synthetic).")
    record = service.patients.get(stored_id(patient))
    out = export_case_pdf(record, record.cases, ctx.root / "selftest-case.pdf",
                          attachments=AttachmentStore.of(workspace), deidentified=False, secret=None,
                          labels_language="zh")
    data = out.read_bytes()
    _require(data.startswith(b"%PDF") and len(data) > 1000, f"{out} is not a PDF ({len(data)} bytes)")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    _require("自检记录" in text and "Self-test note" in text, "the PDF does not carry the note's Chinese text")
    font = find_cjk_font()
    return f"{len(data) // 1024} KiB, Chinese text readable, CJK font {font.path.name}"


def step_bundled_font(ctx: SelftestContext) -> str:
    """A frozen build must carry its own CJK font, in case the computer has none reportlab can embed."""
    from cdss.paths import bundled_fonts, is_frozen
    from cdss.records.pdf_fonts import find_cjk_font

    fonts = bundled_fonts()
    if not fonts:
        _require(not is_frozen(), "this build carries no CJK font in resources/fonts")
        return "source checkout: no bundled font (system fonts are used)"
    font = find_cjk_font(font_path=fonts[0])
    licences = sorted(p.name for p in fonts[0].parent.glob("LICENSE*"))
    _require(bool(licences), f"no licence file next to {fonts[0].name}")
    return f"{font.path.name} usable, licence {', '.join(licences)}"


def step_main_window(ctx: SelftestContext) -> str:
    """The real main window on the temporary workspace, in Chinese (so the .qm file must load)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from cdss.app import build_main_window
    from cdss.ui.rooms import ROOMS

    app, window = build_main_window(ctx.workspace_root, language="zh_CN")
    try:
        _require(window.ctx.languages.language == "zh_CN", "the zh_CN translation (.qm) did not load")
        _require(not window.windowIcon().isNull(), "the app icon did not load (SVG image plugin missing?)")
        window.show()
        deadline = time.monotonic() + 30
        while window.ctx.tasks.pending and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        _require(not window.ctx.tasks.pending, "background tasks did not finish within 30 s")
        for room in ROOMS:
            window.show_room(room.key)
            app.processEvents()
            _require(window.current_room() == room.key, f"could not open the {room.key} room")
        platform = app.platformName()
    finally:
        # hide(), not close(): closing would store this window's geometry in the user's own Qt settings.
        window.hide()
        window.ctx.tasks.wait_all()
        window.ctx.workspace.close()
        window.deleteLater()
        app.processEvents()
    return f"{len(ROOMS)} rooms shown in zh_CN on the {platform!r} platform"


STEPS: tuple[tuple[str, Callable[[SelftestContext], str]], ...] = (
    ("workspace", step_workspace),
    ("interaction check", step_interaction),
    ("literature search", step_literature),
    ("PDF export", step_pdf),
    ("bundled CJK font", step_bundled_font),
    ("main window", step_main_window),
)


def run_steps(ctx: SelftestContext, steps: Sequence[tuple[str, Callable[[SelftestContext], str]]] = STEPS,
              ) -> list[StepResult]:
    results = []
    for name, step in steps:
        start = time.perf_counter()
        try:
            detail, ok = step(ctx), True
        except SelftestFailure as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # noqa: BLE001 - any crash is a failed step, reported with its traceback
            detail, ok = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}", False
        results.append(StepResult(name, ok, time.perf_counter() - start, detail))
    return results


def run_selftest(out: TextIO | None = None, steps: Sequence[tuple[str, Callable[[SelftestContext], str]]] = STEPS,
                 ) -> int:
    """Run every step in a temporary workspace; print one line per step; 0 when all passed, else 1."""
    from cdss import __version__
    from cdss.paths import is_frozen, project_root

    # A windowed Windows build (cdss.exe) has no stdout; the exit code still tells (cdss-cli.exe prints the report).
    out = out or sys.stdout or io.StringIO()
    if hasattr(out, "reconfigure"):  # a legacy console code page must not turn a Chinese detail into a crash
        out.reconfigure(errors="backslashreplace")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kind = "frozen build" if is_frozen() else "source checkout"
    utf8 = "on" if sys.flags.utf8_mode else "off"
    print(f"CDSS Desk {__version__} self-test ({kind}, Python {sys.version.split()[0]}, UTF-8 mode {utf8}, "
          f"resources in {project_root()})", file=out, flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cdss-selftest-", ignore_cleanup_errors=True) as tmp:
        ctx = SelftestContext(Path(tmp))
        try:
            results = run_steps(ctx, steps)
        finally:
            if ctx.workspace is not None:
                ctx.workspace.close()
            _release_log_files()
    for result in results:
        mark = "ok  " if result.ok else "FAIL"
        print(f"{mark} {result.name:<18} {result.seconds:6.2f} s  {result.detail}", file=out)
    failed = [r.name for r in results if not r.ok]
    total = time.perf_counter() - started
    if failed:
        print(f"selftest FAILED ({', '.join(failed)}) in {total:.2f} s", file=out, flush=True)
        return 1
    print(f"selftest passed: {len(results)} steps in {total:.2f} s", file=out, flush=True)
    return 0


def _release_log_files() -> None:
    """Close the log file the main window step opened in the temporary workspace (Windows cannot delete it open)."""
    import logging

    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_cdss", False):
            root.removeHandler(handler)
            handler.close()
