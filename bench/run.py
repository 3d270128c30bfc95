"""Every benchmark of the project, each against a baseline measured in the
same run, so that the ratios compare across machines (and across a loaded
machine's moods).

    python bench/run.py [--quick] [--only NAME ...] [--repeat N] --out REPORT.json

writes ``{"scenarios": [{"name", "seconds", "baseline_seconds", "ratio",
"target", "baseline"}, ...]}`` and prints a table. Memory scenarios carry
``"unit": "MB"`` and their figures in megabytes. ``--quick`` runs everything
at a tenth of the size. Times are medians of ``--repeat`` runs.

``--only instructions`` (run only when named) counts the start and the token
exports in millions of instructions with valgrind's callgrind (``"unit": "M"``):
figures that a busy machine does not move.
"""

from __future__ import annotations

import argparse
import sqlite3
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402


@dataclass
class Sizes:
    import_documents: int = 10_000
    import_large: int = 100_000  # the second size of the import scenario: flat with size
    list_documents: int = 100_000
    window_documents: int = 1_000
    big_text: int = 200_000
    big_spans: int = 5_000

    @classmethod
    def quick(cls) -> Sizes:
        return cls(1_000, 10_000, 10_000, 100, 200_000, 5_000)

    @classmethod
    def tiny(cls) -> Sizes:
        """For the smoke test: every scenario runs, nothing is meaningful."""
        return cls(20, 60, 300, 10, 5_000, 50)


@dataclass
class Result:
    name: str
    seconds: float
    baseline_seconds: float
    target: str
    baseline: str
    unit: str = "s"
    ratio: float = field(init=False)

    def __post_init__(self) -> None:
        self.ratio = round(self.seconds / self.baseline_seconds, 2) if self.baseline_seconds else None


def median_of(repeat: int, run: Callable[[], float]) -> float:
    return statistics.median(run() for _ in range(repeat))


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def python_env() -> dict:
    """A fresh process as an installed tool runs: with compiled modules
    (an environment that forbids writing them would time the compiler)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def probe(*args: str) -> dict:
    """A probe in a fresh process; its figures, the whole process's time and
    its CPU time (which other work on a shared machine changes less)."""
    began, used = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, str(BENCH / "probes.py"), *args], env=python_env(),
                          capture_output=True, text=True, check=False)
    wall, cpu = time.perf_counter() - began, _children_cpu() - used
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe {args[0]} failed: {done.stderr[-2000:]}")
    return {**json.loads(lines[-1]), "wall": wall, "cpu": cpu}


def instructions(*args: str) -> float:
    """Millions of instructions a probe's fresh process runs, counted by
    valgrind's callgrind: a figure the machine's load does not move."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           sys.executable, str(BENCH / "probes.py"), *args],
                          env=python_env(), capture_output=True, text=True, check=False)
    found = re.search(r"refs:\s*([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"probe {args[0]} under callgrind failed: {done.stderr[-2000:]}")
    return int(found.group(1).replace(",", "")) / 1e6


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _occurrences(text: str, phrase: str) -> list[int]:
    found, at = [], text.find(phrase)
    while at >= 0:
        found.append(at)
        at = text.find(phrase, at + 1)
    return found


def _wait_for_preload(window) -> None:
    """Let the suggesters finish loading (a thread starts it once the window
    shows a document), so that it does not share the timed work's core."""
    from annotator.suggest.preload import preload

    preload(window.editor.document.lang)


# -- scenarios ---------------------------------------------------------------


class Bench:
    def __init__(self, sizes: Sizes, repeat: int, folder: Path):
        self.sizes, self.repeat, self.folder = sizes, repeat, folder
        self.rows = corpus.records(sizes.import_documents, seed=1)
        self.jsonl = corpus.write_jsonl(folder / "corpus.jsonl", self.rows)
        self._imported: Path | None = None

    def fresh(self, name: str) -> Path:
        path = self.folder / name
        for suffix in ("", "-wal", "-shm", ".ini"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return path

    def imported_project(self) -> Path:
        if self._imported is None:
            self._imported = self.fresh("imported.db")
            probe("import", str(self.jsonl), str(self._imported))
        return self._imported

    # import ---------------------------------------------------------------

    def import_runs(self) -> list[Result]:
        small = self._import_size(self.sizes.import_documents, self.jsonl, self.repeat)
        self._imported = self.folder / "import.db"
        large_jsonl = corpus.write_jsonl(self.folder / "large.jsonl",
                                         corpus.iter_records(self.sizes.import_large, seed=1))
        # One run at the large size: it takes minutes.
        large = self._import_size(self.sizes.import_large, large_jsonl, 1, "large-")
        large_jsonl.unlink()
        (n, ours, raw, size, raw_size), (m, ours_l, raw_l, size_l, raw_size_l) = small, large
        return [
            Result(f"import {n:,} documents", ours["seconds"], raw["seconds"],
                   "<= 2x", "sqlite-utils insert_all of the same records"),
            Result(f"import {m:,} documents", ours_l["seconds"], raw_l["seconds"],
                   "<= 2x", "sqlite-utils insert_all of the same records"),
            Result(f"import, time per document at {m:,} against {n:,}",
                   ours_l["seconds"] / m, ours["seconds"] / n, "flat: about 1x",
                   f"our time per document at {n:,}"),
            Result(f"import {n:,} documents, peak memory", ours["peak_mb"], raw["peak_mb"],
                   "< 250 MB, flat", "sqlite-utils insert_all", unit="MB"),
            Result(f"import {m:,} documents, peak memory", ours_l["peak_mb"], raw_l["peak_mb"],
                   "< 250 MB, flat", "sqlite-utils insert_all", unit="MB"),
            Result(f"import peak memory, {m:,} against {n:,} documents", ours_l["peak_mb"],
                   ours["peak_mb"], "flat: about 1x", f"our peak at {n:,}", unit="MB"),
            Result(f"project file, {n:,} documents", size, raw_size, "<= 1.15x",
                   "sqlite-utils insert_all's file", unit="MB"),
            Result(f"project file, {m:,} documents", size_l, raw_size_l, "<= 1.15x",
                   "sqlite-utils insert_all's file", unit="MB"),
        ]

    def _import_size(self, n: int, jsonl: Path, repeat: int, prefix: str = "") -> tuple:
        """(n, our median figures, the raw insert's, our file's MB, its file's MB)."""
        ours, raw = [], []
        for _ in range(repeat):
            ours.append(probe("import", str(jsonl), str(self.fresh(f"{prefix}import.db"))))
            raw.append(probe("raw-insert", str(jsonl), str(self.fresh(f"{prefix}raw.db"))))
        med = lambda runs: {key: statistics.median(r[key] for r in runs)  # noqa: E731
                            for key in ("seconds", "peak_mb")}
        size = (self.folder / f"{prefix}import.db").stat().st_size / 2**20
        raw_size = (self.folder / f"{prefix}raw.db").stat().st_size / 2**20
        if prefix:
            for name in ("import.db", "raw.db"):
                self.fresh(prefix + name)
        return n, med(ours), med(raw), size, raw_size

    # export -----------------------------------------------------------------

    def export_runs(self) -> list[Result]:
        from annotator.core import tokenize
        from annotator.formats.export import export_project
        from annotator.store import Project

        n = self.sizes.import_documents
        results = []
        with Project.open(self.imported_project(), create=False) as project:
            def export(fmt: str) -> float:
                out = self.folder / f"out.{fmt}"
                return timed(lambda: export_project(project, fmt, out, annotator="bench"))

            jsonl = median_of(self.repeat, lambda: export("jsonl"))
            for fmt in ("conll", "hf"):
                results.append(Result(f"export {fmt}, {n:,} documents",
                                      median_of(self.repeat, lambda: export(fmt)), jsonl,
                                      "<= 2x", "our JSONL export"))
            texts = [text for _, text in project.document_texts()]

        def tokenize_all() -> float:
            tokenize._cache.clear()  # every text afresh, as an export meets it
            return timed(lambda: list(map(tokenize.token_columns, texts)))

        # What any token export must do at least: a floor, not a target.
        results.append(Result(f"tokenize every text once, {n:,} documents",
                              median_of(self.repeat, tokenize_all), jsonl,
                              "reported (the floor of a token export)", "our JSONL export"))
        return results

    # mentions -----------------------------------------------------------------

    def mention_runs(self) -> list[Result]:
        """``suggest --mentions`` in a large project: every name an annotator
        labelled looked for in every document. Names: the hand-labelled
        sample's, and made-up ones found nowhere (a big project's names are
        mostly in few of its documents)."""
        from annotator.core.text import describe
        from annotator.suggest import mentions
        from annotator.suggest.inflection import same_word

        rng = random.Random(7)
        gold = [json.loads(line) for line in (BENCH / "sample_gold.jsonl").open(encoding="utf-8")]
        names = list(dict.fromkeys((g["text"][s["start"]:s["end"]], s["label"])
                                   for g in gold for s in g["spans"]))
        letters = ("\u0627\u0628\u062a\u062b\u062c\u062d\u062e\u062f\u0631\u0633\u0634"
                   "\u0639\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u064a",
                   "abcdefghijklmnoprstuwyz")
        while len(names) < 3_000:
            abc = letters[len(names) % 2]
            words = ["".join(rng.choice(abc) for _ in range(rng.randint(4, 9)))
                     for _ in range(rng.choice((1, 2, 2, 3)))]
            names.append((" ".join(words).title(), "PERSON"))
        texts = [(r["text"], describe(r["text"])[1])
                 for r in corpus.records(max(self.sizes.window_documents // 5, 5), seed=3)]
        for lang in {lang for _, lang in texts}:  # dictionaries loaded, as the window does
            same_word("Tokajewem", "Tokajew", lang)

        def each_document() -> float:
            return timed(lambda: [mentions.find_mentions(t, names, lang) for t, lang in texts])

        def matching_every_name() -> float:
            screen_from, mentions.SCREEN_FROM = mentions.SCREEN_FROM, len(names) + 1
            try:
                return each_document()
            finally:
                mentions.SCREEN_FROM = screen_from

        per = len(texts)
        return [Result(f"mentions of {len(names):,} labelled names, per document "
                       f"({per} documents)", median_of(self.repeat, each_document) / per,
                       median_of(self.repeat, matching_every_name) / per,
                       "reported (far below matching every name)",
                       "matching every name in the document, unscreened")]

    # agreement ----------------------------------------------------------------

    def agreement_runs(self) -> list[Result]:
        from seqeval.metrics import classification_report

        from annotator.core.agreement import compute_agreement, token_tags
        from annotator.core.tokenize import tokenize
        from annotator.formats.registry import read_paths
        from annotator.store import Project
        from annotator.store.layers import iter_document_layers

        n = self.sizes.import_documents
        second = corpus.shifted(self.rows, seed=2)
        path = self.fresh("agreement.db")
        with Project.open(path) as project:
            project.import_records(read_paths([self.jsonl]), annotator="a")
            project.import_records(
                read_paths([corpus.write_jsonl(self.folder / "b.jsonl", second)]), annotator="b")
            layers = list(iter_document_layers(project, ["a", "b"]))
        ours = median_of(self.repeat, lambda: timed(lambda: compute_agreement(layers, ["a", "b"])))
        # seqeval's input made ready beforehand: only the scoring is its time.
        tags_a, tags_b = [], []
        for doc in layers:
            tokens = tokenize(doc.text)
            tags_a.append(token_tags(tokens, [s.key for s in doc.layers["a"]]))
            tags_b.append(token_tags(tokens, [s.key for s in doc.layers["b"]]))
        base = median_of(self.repeat, lambda: timed(
            lambda: classification_report(tags_a, tags_b, zero_division=0)))
        return [Result(f"agreement, {n:,} documents, 2 annotators", ours, base, "<= 1x",
                       "seqeval classification_report on ready IOB2 tags")]

    # the big document -------------------------------------------------------------

    def big_project(self) -> tuple[Path, Path]:
        from annotator.formats.registry import read_paths
        from annotator.store import Project

        text = corpus.big_text(self.sizes.big_text)
        spans = corpus.big_spans(random.Random(5), text, self.sizes.big_spans)
        path = self.fresh("big.db")
        source = corpus.write_jsonl(self.folder / "big.jsonl",
                                    [{"id": "big", "text": text, "spans": spans}])
        with Project.open(path) as project:
            project.import_records(read_paths([source]), annotator="bench")
        text_file = self.folder / "big.txt"
        text_file.write_text(text, encoding="utf-8")
        return path, text_file

    def big_document_runs(self) -> list[Result]:
        path, text_file = self.big_project()
        probe("window", str(path))  # compiles the modules once, as an install does
        chars, spans = self.sizes.big_text, self.sizes.big_spans
        ours, bare = [], []
        for _ in range(self.repeat):  # in turns, so both meet the same load
            ours.append(probe("window", str(path)))
            bare.append(probe("bare-window", str(text_file)))
        med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
        results = [
            Result(f"open a {chars:,}-character document with {spans:,} spans", med(ours, "wall"),
                   med(bare, "wall"), "<= 0.8 s (labelbuddy 0.66 s)",
                   "bare PySide6 window showing the text (process start to paint)"),
            Result("open it: CPU time of the process", med(ours, "cpu"), med(bare, "cpu"),
                   "reported", "the bare window's CPU time"),
            Result("window memory with that document open", med(ours, "peak_mb"),
                   med(bare, "peak_mb"), "< 150 MB",
                   "bare PySide6 window showing the text (peak RSS, VmHWM)", unit="MB"),
        ]
        results.extend(self.add_span_run(path))
        results.append(self.label_to_suggestions_run(path))
        return results

    def label_to_suggestions_run(self, path: Path) -> Result:
        """The label key pressed on a name that comes back all through the big
        document, to its other mentions painted as suggestions; against the
        same label with mentions off. Reported, not a target of the suite."""
        from PySide6.QtCore import QSettings, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from annotator.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([])
        settings = QSettings(str(self.folder / "mentions.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, "bench")
        window.open_project(path)
        window.resize(1000, 700)
        window.show()
        app.processEvents()
        _wait_for_preload(window)
        view, editor = window.view, window.editor
        text = view.text
        taken = [(s.start, s.end) for s in view.spans]
        name = "توكاييف"
        start = next(at for at in _occurrences(text, name)
                     if not any(s < at + len(name) and at < e for s, e in taken))
        proposed: list[int] = []

        def label_once(scope: str) -> float:
            window.suggestions.set_scope(scope)
            view.set_selection(start, start + len(name))
            began = time.perf_counter()
            QTest.keyClick(view, Qt.Key.Key_1)
            app.processEvents()
            elapsed = time.perf_counter() - began
            proposed.append(len(editor.labelling.suggestions))
            editor.undo()  # the label and what it proposed, so every run is the same
            app.processEvents()
            return elapsed

        label_once("document")  # the lemmatizer's dictionary loads once, untimed
        ours = median_of(self.repeat, lambda: label_once("document"))
        base = median_of(self.repeat, lambda: label_once("off"))
        window.close()
        return Result(f"label to painted suggestions ({max(proposed)} other mentions)", ours, base,
                      "reported (< 100 ms median)",
                      "the same label with mentions off")

    def add_span_run(self, path: Path) -> list[Result]:
        """One span added on the big document, then that add undone and
        redone, the span relabelled and deleted: each a call of the labelling
        service and the window's drawing of it, against showing the bare text."""
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from annotator.core.model import Direction
        from annotator.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([])
        settings = QSettings(str(self.folder / "add.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, "bench")
        window.open_project(path)
        window.resize(1000, 700)
        window.show()
        app.processEvents()
        _wait_for_preload(window)
        # What waited meanwhile (the rest of the text, formatted after the
        # first paint) is not the first add's work.
        app.processEvents()
        labelling, view = window.editor.labelling, window.view
        text = view.text
        words = [(m.start(), m.end()) for m in corpus._WORD.finditer(text[:5000])]
        taken = {(s.start, s.end) for s in view.spans}
        free = [w for w in words if w not in taken][: self.repeat * 2 + 2]
        steps: dict[str, list[float]] = {}

        def step(name: str, work: Callable[[], object]):
            began = time.perf_counter()
            done = work()
            app.processEvents()
            steps.setdefault(name, []).append(time.perf_counter() - began)
            return done

        for _ in range(self.repeat):
            start, end = free.pop()
            edit = step("add", lambda: labelling.add(start, end, "ORG"))
            step("undo", lambda: labelling.undo(edit))
            step("redo", lambda: labelling.redo(edit))
            span_id = edit.spans[0].after.id
            step("relabel", lambda: labelling.relabel(span_id, "DATE"))
            step("delete", lambda: labelling.delete(span_id))
        base = median_of(self.repeat, lambda: timed(
            lambda: (view.show_document(text, Direction.RTL, None, [], {}), app.processEvents())))
        window.close()
        bare = "showing the bare text in the same view"
        ours = {name: statistics.median(times) for name, times in steps.items()}
        return [Result("add one span on it", ours["add"], base, "far below a bare show (<= 0.1x)",
                       bare)] + [
            Result(what, ours[name], base, "reported (far below a bare show)", bare)
            for name, what in (("undo", "undo that add"), ("redo", "redo that add"),
                               ("relabel", "relabel that span"), ("delete", "delete that span"))]

    # start-up ---------------------------------------------------------------------------

    def startup_runs(self) -> list[Result]:
        def command(*args: str) -> float:
            return timed(lambda: subprocess.run([sys.executable, *args], env=python_env(),
                                                capture_output=True, check=True))

        path = self.window_project()
        # The document the window shows first (the first imported), for a bare
        # window that shows the same text: what the start adds beyond showing it.
        first_text = self.folder / "first-document.txt"
        first_text.write_text(self.rows[0]["text"], encoding="utf-8")
        probe("window", str(path))  # compiles the modules once, as an install does
        # Each start next to its baseline, so that a busy moment of a shared
        # machine slows both alike.
        runs = [(command("-m", "annotator", "--version"), command("-c", "pass"),
                 probe("window", str(path))["wall"], probe("bare-window")["wall"],
                 probe("bare-window", str(first_text))["wall"])
                for _ in range(self.repeat)]
        version, bare, window, bare_window, bare_text = (statistics.median(r) for r in zip(*runs))
        n = self.sizes.window_documents
        return [
            Result("annotator --version", version, bare, "< 0.15 s", "python -c pass"),
            Result(f"start to first window, {n:,} documents", window,
                   bare_window, "<= 1.5x", "bare PySide6 window (process start to paint)"),
            Result(f"start to first window, {n:,} documents, against showing its first text",
                   window, bare_text, "reported",
                   "bare PySide6 window showing the same text (process start to paint)"),
        ]

    # instructions (opt-in: --only instructions) -----------------------------------------

    def instruction_runs(self) -> list[Result]:
        """The two scenarios whose seconds swing most with the load, counted
        in instructions: the start to the first window, and the token exports
        of the window's project (each export less the same process without it)."""
        if shutil.which("valgrind") is None:
            print("instructions: valgrind is not installed; skipped", file=sys.stderr)
            return []
        path = self.window_project()
        probe("window", str(path))  # compiles the modules once, as an install does
        n = self.sizes.window_documents
        results = [Result(f"start to first window, {n:,} documents, in instructions",
                          instructions("window", str(path)), instructions("bare-window"),
                          "reported (the timed start holds the target)",
                          "bare PySide6 window (process start to paint)", unit="M")]
        opened = instructions("export", "none", str(path), "-")

        def export(fmt: str) -> float:
            return instructions("export", fmt, str(path), str(self.folder / f"counted.{fmt}")) - opened

        jsonl = export("jsonl")
        for fmt in ("conll", "hf"):
            results.append(Result(f"export {fmt}, {n:,} documents, in instructions", export(fmt),
                                  jsonl, "reported (the timed export holds the target)",
                                  "our JSONL export", unit="M"))
        results.append(Result(f"tokenize every text once, {n:,} documents, in instructions",
                              instructions("tokenize", str(path)) - opened, jsonl,
                              "reported (the floor of a token export)", "our JSONL export",
                              unit="M"))
        return results

    def window_project(self) -> Path:
        from annotator.formats.registry import read_paths
        from annotator.store import Project

        path = self.fresh("window.db")
        rows = self.rows[: self.sizes.window_documents]
        with Project.open(path) as project:
            project.import_records(
                read_paths([corpus.write_jsonl(self.folder / "window.jsonl", rows)]),
                annotator="bench")
        return path

    # document list --------------------------------------------------------------------

    def list_project(self) -> Path:
        """Many documents of about 2,000 characters, stored as another project
        file would hand them over (faster to make than an import)."""
        from annotator.core.text import sha256_of
        from annotator.store import Project

        path = self.fresh("list.db")
        texts = corpus.articles()
        with Project.open(path) as project:
            batch = []
            for n in range(self.sizes.list_documents):
                text = f"{n} {texts[n % len(texts)][:2000]}"
                batch.append({"name": f"doc-{n:06d}", "text": text, "lang": "ar",
                              "direction": "rtl", "sha256": sha256_of(text)})
                if len(batch) == 5000:
                    project.insert_documents(batch)
                    batch = []
            if batch:
                project.insert_documents(batch)
            project.add_span(1, "bench", 0, 1, "PERSON")
        # Spans as an import leaves them (0 to 9 a document, 4.5 on average),
        # written the way an import writes them: one statement for many rows.
        # They give the list's sort by span count its work.
        with closing(sqlite3.connect(path)) as raw, raw:
            annotator = raw.execute("SELECT id FROM annotators WHERE name = 'bench'").fetchone()[0]
            raw.executemany(
                'INSERT INTO spans (document_id, annotator_id, start, "end", label, origin) '
                "VALUES (?, ?, ?, ?, 'PERSON', 'imported')",
                ((doc, annotator, 2 * k + 2, 2 * k + 3)
                 for doc in range(2, self.sizes.list_documents + 1) for k in range(doc % 10)))
        return path

    def document_list_runs(self) -> list[Result]:
        from PySide6.QtWidgets import QApplication

        from annotator.core.document_query import DocumentQuery
        from annotator.store import Project
        from annotator.ui.document_list import DocumentListModel, DocumentListWidget
        from tests.helpers.pauses import LongestPause  # the one the 100,000-document test uses

        app = QApplication.instance() or QApplication([])
        n = self.sizes.list_documents
        path = self.list_project()
        raw = sqlite3.connect(path)

        def raw_page() -> float:
            return timed(lambda: raw.execute(
                "SELECT id, name, lang FROM documents WHERE id > ? ORDER BY id LIMIT 200",
                [n - 200]).fetchall())

        base = median_of(self.repeat, raw_page)
        with Project.open(path, create=False) as project:
            last = project.document_by_name(f"doc-{n - 1:06d}").id
            widget = DocumentListWidget()
            widget.resize(400, 700)
            widget.show()

            def first_page() -> float:
                return timed(lambda: (widget.set_model(DocumentListModel(project, "bench")),
                                      app.processEvents()))

            def jump_last() -> float:
                widget.set_model(DocumentListModel(project, "bench"))
                app.processEvents()
                return timed(lambda: (widget.select_document(last), app.processEvents()))

            def page_up_from_bottom() -> float:
                widget.set_model(DocumentListModel(project, "bench"))
                widget.select_document(last)
                app.processEvents()
                bar = widget.table.verticalScrollBar()
                return timed(lambda: (bar.setValue(bar.value() - bar.pageStep() * 3),
                                      app.processEvents()))

            def reordered(query: DocumentQuery) -> tuple[float, float]:
                """From asking for ``query`` to its rows shown, and the
                longest the window went without handling its events then."""
                model = DocumentListModel(project, "bench")
                widget.set_model(model)
                app.processEvents()
                shown: list[float] = []
                model.listChanged.connect(lambda: shown.append(time.perf_counter()))
                with LongestPause() as pause:
                    began = time.perf_counter()
                    model.set_query(query)
                    while not shown:
                        app.processEvents()
                    app.processEvents()
                return shown[0] - began, pause.seconds

            def raw_order(query: DocumentQuery) -> float:
                reader = project.document_list_positions  # the same query, on the window's thread
                return timed(lambda: reader("bench", query))

            by_spans = DocumentQuery(sort="spans", descending=True)
            sort_runs = [reordered(by_spans) for _ in range(self.repeat)]
            sort_raw = median_of(self.repeat, lambda: raw_order(by_spans))
            top = median_of(self.repeat, first_page)
            jump = median_of(self.repeat, jump_last)
            bottom = median_of(self.repeat, page_up_from_bottom)
            bare_top, bare_bottom = self.bare_table_runs(app, widget, n)
            widget.close()
        raw.close()
        sort_time = statistics.median(t for t, _ in sort_runs)
        sort_pause = statistics.median(p for _, p in sort_runs)
        bare = "the same table on a bare model that reads nothing"
        return [
            Result(f"document list of {n:,}: sort by span count, descending (a worker thread)",
                   sort_time, sort_raw, "reported; the window keeps working",
                   "the same query's ids read on the window's thread"),
            Result(f"document list of {n:,}: the window's longest pause while it sorts",
                   sort_pause, 0.001, "< 50 ms", "a 1 ms timer's interval"),
            Result(f"document list of {n:,}: first page", top, bare_top, "< 20 ms", bare),
            Result(f"document list of {n:,}: jump to the last document", jump, base, "< 50 ms",
                   "one raw SQLite page of 200 rows by id"),
            Result(f"document list of {n:,}: scroll pages up from the bottom", bottom, bare_bottom,
                   "< 20 ms", bare),
        ]

    def bare_table_runs(self, app, widget, n: int) -> tuple[float, float]:
        """Qt's own share: showing and scrolling the same table on a model
        that makes its rows up."""
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

        class Bare(QAbstractTableModel):
            def rowCount(self, parent=QModelIndex()):
                return 0 if parent.isValid() else n

            def columnCount(self, parent=QModelIndex()):
                return 0 if parent.isValid() else 4

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole:
                    return (f"doc-{index.row():06d}", "ar", "to do", 0)[index.column()]
                return None

        table = widget.table
        top = median_of(self.repeat, lambda: timed(
            lambda: (table.setModel(Bare()), app.processEvents())))

        def scroll() -> float:
            table.setModel(Bare())
            table.scrollToBottom()
            app.processEvents()
            bar = table.verticalScrollBar()
            return timed(lambda: (bar.setValue(bar.value() - bar.pageStep() * 3),
                                  app.processEvents()))

        return top, median_of(self.repeat, scroll)


SCENARIOS = {
    "import": Bench.import_runs,
    "export": Bench.export_runs,
    "agreement": Bench.agreement_runs,
    "mentions": Bench.mention_runs,
    "big-document": Bench.big_document_runs,
    "startup": Bench.startup_runs,
    "document-list": Bench.document_list_runs,
    "instructions": Bench.instruction_runs,
}
# Run only when named: valgrind counts slowly (minutes) and may be missing.
OPT_IN = {"instructions"}


def run(sizes: Sizes, repeat: int, only: list[str] | None = None) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as folder:
        bench = Bench(sizes, repeat, Path(folder))
        for name, scenario in SCENARIOS.items():
            if (only and name not in only) or (not only and name in OPT_IN):
                continue
            for result in scenario(bench):
                results.append(result)
                print_row(result)
    return results


def print_row(result: Result) -> None:
    if result.unit == "s":
        ours, base = f"{result.seconds * 1000:9.1f} ms", f"{result.baseline_seconds * 1000:9.1f} ms"
    else:
        ours, base = f"{result.seconds:9.1f} {result.unit}", f"{result.baseline_seconds:9.1f} {result.unit}"
    ratio = f"{result.ratio:6.2f}x" if result.ratio is not None else "      -"
    print(f"{result.name[:58]:58} {ours} {base} {ratio}  target {result.target}", flush=True)


def markdown(scenarios: list[dict]) -> str:
    """The report as the table of README.md."""
    lines = ["| scenario | ours | baseline | ratio | target |", "| --- | ---: | ---: | ---: | --- |"]
    for s in scenarios:
        if s.get("unit", "s") == "s":
            ours, base = f"{s['seconds'] * 1000:,.0f} ms", f"{s['baseline_seconds'] * 1000:,.0f} ms"
            if s["seconds"] < 0.1:
                ours = f"{s['seconds'] * 1000:.1f} ms"
            if s["baseline_seconds"] < 0.1:
                base = f"{s['baseline_seconds'] * 1000:.1f} ms"
        else:
            ours, base = f"{s['seconds']:,.0f} {s['unit']}", f"{s['baseline_seconds']:,.0f} {s['unit']}"
        lines.append(f"| {s['name']} | {ours} | {base} ({s['baseline']}) | {s['ratio']:.2f}x "
                     f"| {s['target']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the size")
    parser.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=None, help="runs per figure (median)")
    parser.add_argument("--only", nargs="+", choices=list(SCENARIOS), help="some scenarios")
    parser.add_argument("--out", type=Path, help="write the JSON report here")
    parser.add_argument("--markdown", type=Path, metavar="REPORT.json",
                        help="print a report written before as a Markdown table, and stop")
    args = parser.parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))["scenarios"]))
        return 0
    sizes = Sizes.tiny() if args.tiny else Sizes.quick() if args.quick else Sizes()
    repeat = args.repeat or (1 if args.quick or args.tiny else 3)
    print(f"{'scenario':58} {'ours':>12} {'baseline':>12} {'ratio':>7}")
    results = run(sizes, repeat, args.only)
    if args.out:
        args.out.write_text(json.dumps({"sizes": asdict(sizes), "repeat": repeat,
                                        "scenarios": [asdict(r) for r in results]},
                                       indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
