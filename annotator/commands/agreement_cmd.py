"""``annotator agreement PROJECT.db [--json] [--annotators A B ...]``."""

from __future__ import annotations

import argparse
import json

from annotator.commands.common import EXIT_OK, fail
from annotator.core.agreement import AgreementReport, compute_agreement
from annotator.core.model import GOLD_ANNOTATOR
from annotator.store import ProjectError
from annotator.store.layers import finished_layers, iter_document_layers, layer_annotators
from annotator.store.session import open_to_read


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "agreement", help="measure agreement between annotators",
        description="Exact and overlap span F1, token-level Cohen's kappa (IOB2) per pair of "
        "annotators over the documents both annotated, and Krippendorff's alpha over all.")
    parser.add_argument("project")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--annotators", nargs="+", metavar="NAME",
                        help=f"whom to compare (default: everyone but {GOLD_ANNOTATOR!r})")
    parser.add_argument("--done-only", action="store_true",
                        help="only documents at least two of them marked done, and only the "
                        "layers of those who did (as progress measures it)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        with open_to_read(args.project) as project:
            names = args.annotators or [a for a in layer_annotators(project)
                                        if a != GOLD_ANNOTATOR]
            names = list(dict.fromkeys(names))
            if len(names) < 2:
                return fail(f"{args.project}: agreement needs two annotators; "
                            f"found {', '.join(map(repr, names)) or 'none'}")
            documents = (finished_layers(project, names) if args.done_only
                         else iter_document_layers(project, names))
            report = compute_agreement(documents, names)
    except ProjectError as error:
        return fail(error)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return EXIT_OK


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_report(report: AgreementReport) -> str:
    data = report.to_json()
    lines = [f"{'pair':<24} {'docs':>5} {'exact F1':>9} {'overlap F1':>11} "
             f"{'token kappa':>12} {'boundary':>9}"]
    for pair in data["pairs"]:
        lines.append(
            f"{pair['a'] + ' / ' + pair['b']:<24} {pair['documents']:>5} "
            f"{_number(pair['exact_f1']['micro']):>9} {_number(pair['overlap_f1']['micro']):>11} "
            f"{_number(pair['token_kappa']):>12} {pair['boundary_disagreements']['total']:>9}")
    lines.append(f"Krippendorff's alpha over tokens ({len(report.annotators)} annotators, "
                 f"{data['documents']} documents): {_number(data['token_alpha'])}")
    labels = sorted({label for pair in data["pairs"] for label in pair["exact_f1"]["by_label"]})
    if labels:
        lines += ["", "exact F1 by label", f"{'pair':<24} " + " ".join(f"{l:>12}" for l in labels)]
        for pair in data["pairs"]:
            by_label = pair["exact_f1"]["by_label"]
            lines.append(f"{pair['a'] + ' / ' + pair['b']:<24} "
                         + " ".join(f"{_number(by_label.get(l)):>12}" for l in labels))
    confusions = [
        f"  {pair['a']} {la} / {pair['b']} {lb}: {n}"
        for pair in data["pairs"] for la, row in pair["label_confusion"].items()
        for lb, n in row.items() if la != lb]
    if confusions:
        lines += ["", "same span, different label"] + confusions
    lines += ["", "- means undefined: no spans on either side (F1) or one tag for every "
              "token on both sides (kappa)."]
    return "\n".join(lines)
